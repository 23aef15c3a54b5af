using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>
/// What a browser sends when the rendered form is submitted unchanged with its save button: every named
/// text, hidden and date field, the checked radios and checkboxes, each textarea (line breaks as CRLF, a
/// leading line break dropped, as HTML parsing does), and each select's selected option, encoded as
/// <c>application/x-www-form-urlencoded</c>. The save button has no name, so it adds nothing.
/// </summary>
internal static partial class BrowserSubmission
{
    public static string Body(string html)
    {
        var start = html.IndexOf("<form", StringComparison.Ordinal);
        var end = html.IndexOf("</form>", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0).And.LessThan(end), "a form-mode page has one form");
        var form = html[start..end];
        var pairs = new List<(string Name, string Value)>();
        foreach (Match control in Control().Matches(form))
        {
            var attributes = Attributes(control.Groups["attributes"].Value);
            if (!attributes.TryGetValue("name", out var name) || attributes.ContainsKey("disabled"))
            {
                continue;
            }

            switch (control.Groups["tag"].Value)
            {
                case "input":
                    var type = attributes.GetValueOrDefault("type", "text");
                    if (type is "radio" or "checkbox")
                    {
                        if (attributes.ContainsKey("checked"))
                        {
                            pairs.Add((name, attributes.GetValueOrDefault("value", "on")));
                        }
                    }
                    else if (type is not ("submit" or "button" or "reset" or "image" or "file"))
                    {
                        pairs.Add((name, attributes.GetValueOrDefault("value", string.Empty)));
                    }

                    break;
                case "textarea":
                    var text = WebUtility.HtmlDecode(control.Groups["content"].Value);
                    text = text.StartsWith('\n') ? text[1..] : text;
                    pairs.Add((name, text.ReplaceLineEndings("\r\n")));
                    break;
                case "select":
                    var options = Option().Matches(control.Groups["content"].Value).Select(o => Attributes(o.Groups["attributes"].Value)).ToList();
                    var chosen = options.FirstOrDefault(o => o.ContainsKey("selected")) ?? options.FirstOrDefault();
                    if (chosen is not null)
                    {
                        pairs.Add((name, chosen.GetValueOrDefault("value", string.Empty)));
                    }

                    break;
            }
        }

        return string.Join('&', pairs.Select(p => Encode(p.Name) + "=" + Encode(p.Value)));
    }

    private static Dictionary<string, string> Attributes(string text) =>
        Attribute().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value), StringComparer.Ordinal);

    private static string Encode(string text) => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal);

    [GeneratedRegex("""<(?<tag>input|button)\b(?<attributes>[^>]*)/?>|<(?<tag>textarea|select)\b(?<attributes>[^>]*)>(?<content>.*?)</\k<tag>>""", RegexOptions.Singleline)]
    private static partial Regex Control();

    [GeneratedRegex("""<option\b(?<attributes>[^>]*)>""")]
    private static partial Regex Option();

    [GeneratedRegex("""(?<name>[a-z-]+)(="(?<value>[^"]*)")?""")]
    private static partial Regex Attribute();
}
