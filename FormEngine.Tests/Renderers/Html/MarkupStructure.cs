using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>
/// The structure of a piece of markup as GOV.UK Frontend's fixtures fix it, so FormEngine's markup can be compared
/// with theirs: one line per element, naming the element and its ancestors within the piece (tag and GOV.UK
/// classes), and the attributes that wire it up (ids, names, <c>for</c>, <c>aria-describedby</c>,
/// <c>data-aria-controls</c>, <c>data-module</c>, <c>role</c>, <c>type</c>, <c>inputmode</c>), with the field's
/// own id and name replaced by <c>ID</c> and <c>NAME</c> and a repeated item's number by <c>N</c>.
/// </summary>
/// <remarks>
/// The lines form a set: a list of three radios and one of five give the same lines, so fixtures and test forms
/// need not have the same number of items. Text is not compared, nor are attributes that carry values
/// (<c>value</c>, <c>checked</c>, <c>rows</c>). Left out on both sides: what a conditional reveal holds (any
/// questions), line breaks, the size modifiers of labels and legends, GOV.UK's override classes
/// (<c>govuk-!-…</c>), FormEngine's own classes (<c>fe-…</c>), and the hidden field that tells FormEngine's binder
/// a group of boxes was on the page. An id is kept where something refers to it within the piece, on form
/// controls, and on a date input's container; other ids (a summary row's) are not part of a component.
/// </remarks>
internal static partial class MarkupStructure
{
    private static readonly string[] Wiring = ["for", "name", "aria-describedby", "data-aria-controls", "data-module", "role", "type", "inputmode"];

    public static JsonObject Fixture(string component, string name)
    {
        var file = Path.Combine(TestTemplates.RepoRoot, "FormEngine.Tests", "Renderers", "Html", "GovukFrontend", "fixtures.json");
        var all = JsonNode.Parse(File.ReadAllText(file))!;
        return all["components"]![component]![name]!.AsObject();
    }

    /// <summary>The first element of a fragment of HTML.</summary>
    public static IElement ParseFragment(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return document.Body!.FirstElementChild!;
    }

    public static IDocument ParseDocument(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The structure lines of <paramref name="root"/>, whose field has the id <paramref name="id"/> and the name <paramref name="name"/> ("" when its names carry no prefix).</summary>
    public static SortedSet<string> Of(IElement root, string id, string name)
    {
        var referenced = root.QuerySelectorAll("*").Prepend(root)
            .SelectMany(e => new[] { e.GetAttribute("for"), e.GetAttribute("aria-describedby"), e.GetAttribute("data-aria-controls") })
            .OfType<string>().SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        Walk(root, string.Empty);
        return lines;

        void Walk(IElement element, string parent)
        {
            if (element.LocalName == "br" || (element.LocalName == "input" && element.GetAttribute("type") == "hidden"))
            {
                return;
            }

            var self = element.LocalName + string.Concat(Classes(element).Select(c => "." + c));
            var path = parent.Length == 0 ? self : parent + " > " + self;
            var attributes = new List<string>();
            var elementId = element.GetAttribute("id");
            if (elementId is not null && (referenced.Contains(elementId) || element.LocalName is "input" or "select" or "textarea" || element.ClassList.Contains("govuk-date-input")))
            {
                attributes.Add($"id={Normalise(elementId, id, isName: false)}");
            }

            foreach (var attribute in Wiring)
            {
                if (element.GetAttribute(attribute) is { } value)
                {
                    attributes.Add($"{attribute}={string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => Normalise(v, attribute == "name" ? name : id, attribute == "name")))}");
                }
            }

            lines.Add(attributes.Count == 0 ? path : $"{path} [{string.Join(", ", attributes)}]");
            if (element.ClassList.Any(c => c.EndsWith("__conditional", StringComparison.Ordinal)))
            {
                return;
            }

            foreach (var child in element.Children)
            {
                Walk(child, path);
            }
        }
    }

    private static IEnumerable<string> Classes(IElement element) =>
        element.ClassList.Where(c => !c.StartsWith("govuk-!-", StringComparison.Ordinal) && !c.StartsWith("fe-", StringComparison.Ordinal) && !SizeModifier().IsMatch(c))
            .Order(StringComparer.Ordinal);

    private static string Normalise(string value, string own, bool isName)
    {
        string result;
        if (isName && own.Length == 0)
        {
            result = "NAME-" + value;
        }
        else if (value == own)
        {
            result = isName ? "NAME" : "ID";
        }
        else if (value.StartsWith(own + "-", StringComparison.Ordinal))
        {
            result = (isName ? "NAME" : "ID") + value[own.Length..];
        }
        else if (!isName && value.StartsWith("conditional-" + own, StringComparison.Ordinal))
        {
            result = "conditional-ID" + value[("conditional-" + own).Length..];
        }
        else
        {
            result = value;
        }

        return ItemNumber().Replace(result, "-N");
    }

    [GeneratedRegex(@"^govuk-(label|fieldset__legend)--(s|m|l|xl)$")]
    private static partial Regex SizeModifier();

    [GeneratedRegex(@"-[0-9]+$")]
    private static partial Regex ItemNumber();
}
