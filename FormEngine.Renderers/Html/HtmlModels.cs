using System.Globalization;
using FormEngine.Templates;
using FormEngine.Views;
using Scriban.Runtime;

namespace FormEngine.Renderers.Html;

/// <summary>
/// An element's variables as its template sees them. It also carries the element itself, so
/// <c>render x</c> can hand it back to the element renderers.
/// </summary>
public sealed class ElementModel : ScriptObject
{
    // Scriban's default constructor imports a derived type's static members by reflection for every
    // instance; this type has none, and that import was a fifth of an HTML render. The capacity fits a
    // question's variables, so the dictionary is not regrown while they are added.
    internal ElementModel(FormElement element)
        : base(32, autoImportStaticsFromThisType: false) => Element = element;

    /// <summary>The element.</summary>
    public FormElement Element { get; }
}

/// <summary>
/// Builds the variables templates see. Names are snake_case and documented in the README of the templates
/// (Html/Templates/README.md). Everything is plain text or numbers: the template context encodes it.
/// </summary>
internal static class HtmlModels
{
    private const string MissingMessage = "Answer this question.";

    public static ScriptObject Page(HtmlRenderContext context)
    {
        var form = context.Form;
        var options = context.Options;
        var mode = ModeName(options.Mode);
        var model = new ScriptObject
        {
            ["mode"] = mode,
            ["theme"] = options.Theme,
            ["language"] = options.DocumentLanguage(form),
            ["title"] = Title(form),
            ["template_id"] = form.TemplateId,
            ["template_version"] = form.TemplateVersion,
            ["document_kind"] = DocumentKind(options.Mode),
            ["document_date"] = AnswerFormatter.FormatDate(options.DocumentDate ?? form.Today),
            ["case_reference"] = options.CaseReference,
            ["protective_marking"] = options.ProtectiveMarking,
            ["action"] = options.FormAction,
            ["stylesheet_href"] = context.StylesheetHref,
            ["styles"] = context.ReadText("style.css") is { } css ? new HtmlMarkup(css.TrimEnd() + "\n") : null,
            ["sections"] = Children(form.Sections, context),
        };

        var flags = options.Mode is RenderMode.Record or RenderMode.Audit or RenderMode.Form
            ? form.Flags.Select(f => new ScriptObject
            {
                ["id"] = f.Id,
                ["message"] = f.Message,
                ["severity"] = FlagSeverities.NameOf(f.Severity),
            }).ToList()
            : [];
        model["flags"] = flags;

        var problems = new List<ScriptObject>();
        if (options.Mode == RenderMode.Form)
        {
            problems.AddRange(form.Errors.Select(e => Problem(e.Path, e.Message)));
            problems.AddRange(form.Missing.Select(path => Problem(path, MissingMessage)));
        }

        model["problems"] = problems;
        return model;
    }

    public static ElementModel Element(FormElement element, HtmlRenderContext context)
    {
        var mode = context.Options.Mode;
        var fieldId = HtmlText.FieldId(element.Path);
        var errors = mode == RenderMode.Blank ? [] : element.Errors.ToList();
        if (mode == RenderMode.Form && element.Missing)
        {
            errors.Add(MissingMessage);
        }

        var model = new ElementModel(element)
        {
            ["mode"] = ModeName(mode),
            ["theme"] = context.Options.Theme,
            ["kind"] = element is SectionView ? "section" : "question",
            ["id"] = element.Id,
            ["path"] = element.Path,
            ["name"] = element.Path,
            ["field_id"] = fieldId,
            ["hint_id"] = fieldId + "-hint",
            ["error_id"] = fieldId + "-error",
            ["label"] = element.Label.Length > 0 ? element.Label : element.Id,
            ["hint"] = element.Hint,
            ["required"] = element.Required,
            ["required_description"] = element.RequiredDescription,
            ["errors"] = errors,
            ["has_errors"] = errors.Count > 0,
            ["described_by"] = string.Join(' ', new[] { element.Hint is null ? null : fieldId + "-hint", errors.Count > 0 ? fieldId + "-error" : null }.OfType<string>()),
            ["routing"] = mode == RenderMode.Blank && element.ShowIfDescription is { } condition
                ? $"Answer {(element is SectionView ? "this section" : "this question")} only if {condition}."
                : null,
            ["not_applicable"] = mode == RenderMode.Audit && !element.Visible,
            ["reason"] = Reason(element, mode),
        };

        switch (element)
        {
            case SectionView section:
                var children = Children(section.Questions, context);
                model["questions"] = children;
                model["blocks"] = Blocks(children, mode);
                break;
            case QuestionView question:
                AddQuestion(model, question, context);
                break;
        }

        return model;
    }

    private static void AddQuestion(ElementModel model, QuestionView question, HtmlRenderContext context)
    {
        var mode = context.Options.Mode;
        var fieldId = HtmlText.FieldId(question.Path);
        model["type"] = question.Type.ToString().ToLowerInvariant();
        model["answer"] = question.DisplayValue;
        model["answered"] = question.IsAnswered;
        model["value"] = question.InputValue;
        model["carried_forward"] = question.CarriedForward;
        model["min"] = question.Min is { } min ? AnswerFormatter.FormatNumber(min) : null;
        model["max"] = question.Max is { } max ? AnswerFormatter.FormatNumber(max) : null;
        model["value_is_number"] = question.InputValue.Length == 0
            || decimal.TryParse(question.InputValue, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
        model["value_is_date"] = question.InputValue.Length == 0
            || DateOnly.TryParseExact(question.InputValue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        var parts = question.InputValue.Split('-');
        model["year"] = parts.Length == 3 ? parts[0] : string.Empty;
        model["month"] = parts.Length == 3 ? parts[1].TrimStart('0') : string.Empty;
        model["day"] = parts.Length == 3 ? parts[2].TrimStart('0') : string.Empty;

        var choices = question.Type == QuestionType.Boolean
            ? [new ChoiceView("true", "Yes", null, question.InputValue == "true"), new ChoiceView("false", "No", null, question.InputValue == "false")]
            : question.Choices;
        model["choices"] = choices.Select((choice, index) =>
        {
            // The first option takes the field's own id, so error summary links land on it.
            var id = index == 0 ? fieldId : $"{fieldId}-{index + 1}";
            return new ScriptObject
            {
                ["value"] = choice.Value,
                ["label"] = choice.Label,
                ["hint"] = choice.Hint,
                ["selected"] = choice.Selected,
                ["id"] = id,
                ["hint_id"] = id + "-hint",
            };
        }).ToList();

        if (question.Type != QuestionType.Repeat)
        {
            return;
        }

        var label = question.Label.Length > 0 ? question.Label : question.Id;
        var items = new List<ScriptObject>();
        if (mode == RenderMode.Blank)
        {
            for (var i = 0; i < ModeRules.BlankRepeatItems; i++)
            {
                items.Add(Item(label, i, question.ItemTemplate, context));
            }
        }
        else
        {
            items.AddRange(question.Items.Select(item => Item(label, item.Index, item.Questions, context)));
        }

        model["items"] = items;
    }

    private static ScriptObject Item(string label, int index, IReadOnlyList<QuestionView> questions, HtmlRenderContext context)
    {
        var children = Children(questions, context);
        return new ScriptObject
        {
            ["index"] = index,
            ["number"] = index + 1,
            ["title"] = string.Create(CultureInfo.InvariantCulture, $"{label} {index + 1}"),
            ["questions"] = children,
            ["blocks"] = Blocks(children, context.Options.Mode),
        };
    }

    private static List<ElementModel> Children(IEnumerable<FormElement> elements, HtmlRenderContext context) =>
        [.. elements.Where(e => ModeRules.Includes(e, context.Options.Mode)).Select(e => Element(e, context))];

    /// <summary>
    /// Groups children for records: a run of simple questions becomes one description list (<c>list</c> true);
    /// repeat groups and notes stand alone. Forms and blank forms have one block per child.
    /// </summary>
    private static List<ScriptObject> Blocks(List<ElementModel> children, RenderMode mode)
    {
        var blocks = new List<ScriptObject>();
        List<ElementModel>? run = null;
        foreach (var child in children)
        {
            var row = mode is RenderMode.Record or RenderMode.Audit
                && child.Element is QuestionView { Type: not (QuestionType.Repeat or QuestionType.Note) };
            if (row)
            {
                if (run is null)
                {
                    run = [];
                    blocks.Add(new ScriptObject { ["list"] = true, ["items"] = run });
                }

                run.Add(child);
            }
            else
            {
                run = null;
                blocks.Add(new ScriptObject { ["list"] = false, ["items"] = new List<ElementModel> { child } });
            }
        }

        return blocks;
    }

    // Only the element whose own rule hides it carries the reason; what it contains inherits it.
    private static ScriptObject? Reason(FormElement element, RenderMode mode)
    {
        if (mode != RenderMode.Audit || element.HiddenBy is not { } reason || reason.Path != StripIndex(element.Path))
        {
            return null;
        }

        return new ScriptObject
        {
            ["rule"] = reason.Rule,
            ["location"] = reason.Location.ToString(),
            ["trace"] = reason.Trace,
            ["path"] = reason.Path,
        };
    }

    private static ScriptObject Problem(string path, string message) => new()
    {
        ["path"] = path,
        ["message"] = message,
        ["href"] = "#" + HtmlText.FieldId(path),
    };

    public static string Title(FormView form) => form.Title.Length > 0 ? form.Title : form.TemplateId;

    private static string ModeName(RenderMode mode) => mode.ToString().ToLowerInvariant();

    private static string DocumentKind(RenderMode mode) => mode switch
    {
        RenderMode.Form => "Form",
        RenderMode.Blank => "Blank form",
        RenderMode.Audit => "Audit record (all questions, including those not applicable)",
        _ => "Record",
    };

    private static string StripIndex(string path)
    {
        var open = path.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return path;
        }

        var close = path.IndexOf(']', open);
        return path[..open] + path[(close + 1)..];
    }
}
