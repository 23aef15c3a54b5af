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
    internal ElementModel(FormElement element, HtmlRenderContext context)
        : base(32, autoImportStaticsFromThisType: false)
    {
        Element = element;
        Context = context;
    }

    /// <summary>The element.</summary>
    public FormElement Element { get; }

    /// <summary>The rendering it belongs to (in a bilingual document, the one for its language).</summary>
    public HtmlRenderContext Context { get; }
}

/// <summary>
/// Builds the variables templates see. Names are snake_case and documented in the README of the templates
/// (Html/Templates/README.md). Everything is plain text or numbers: the template context encodes it.
/// </summary>
internal static class HtmlModels
{
    public static ScriptObject Page(HtmlRenderContext context)
    {
        var form = context.Form;
        var options = context.Options;
        var second = context.Second;
        var sequential = second is not null && options.BilingualLayout == BilingualLayout.Sequential;
        if (sequential)
        {
            // Each language's part opens with an h2 naming the language, so sections move down a level.
            context.HeadingLevel = 3;
            second!.HeadingLevel = 3;
        }

        var words = context.Words;
        var secondWords = second?.Words;
        var date = options.DocumentDate ?? form.Today;
        // A template may keep the case summary from some readers (the flags raised for them then show as on a form).
        var summaries = options.Mode is RenderMode.Record or RenderMode.Audit && form.Summary is not null;
        var sections = Children(form.Sections, context);
        var summary = summaries ? Summary(context, sequential ? null : second) : null;
        var parts = new List<ScriptObject>
        {
            Part(context, sections, summary, sequential),
        };
        if (sequential)
        {
            parts.Add(Part(second!, Children(second!.Form.Sections, second), summaries ? Summary(second, null) : null, true));
        }

        var model = new ScriptObject
        {
            ["mode"] = ModeName(options.Mode),
            ["theme"] = options.Theme,
            ["language"] = context.Language,
            ["title"] = Title(form),
            ["template_id"] = form.TemplateId,
            ["template_version"] = form.TemplateVersion,
            ["document_kind"] = DocumentKind(options.Mode, words),
            ["document_date"] = words.Date(date),
            ["case_reference"] = options.CaseReference,
            ["protective_marking"] = options.ProtectiveMarking,
            ["action"] = options.FormAction,
            ["stylesheet_href"] = context.StylesheetHref,
            ["styles"] = context.ReadText("style.css") is { } css ? new HtmlMarkup(css.TrimEnd() + "\n") : null,
            ["bilingual"] = second is not null,
            ["layout"] = second is null ? null : sequential ? "sequential" : "side-by-side",
            ["second_language"] = second?.Language,
            ["language_name"] = context.Words.LanguageName,
            ["second_language_name"] = second?.Words.LanguageName,
            ["second_title"] = second is null ? null : Title(second.Form),
            ["second_words"] = second?.WordsModel,
            ["second_document_kind"] = secondWords is null ? null : DocumentKind(options.Mode, secondWords),
            ["second_document_date"] = secondWords?.Date(date),
            ["summary"] = summary,
            ["parts"] = parts,
            ["sections"] = sections,
        };

        // Records and audits show the flags in the case summary; a form keeps them above its questions.
        model["flags"] = options.Mode == RenderMode.Form || (options.Mode is RenderMode.Record or RenderMode.Audit && context.Form.Summary is null) ? Flags(context) : new List<ScriptObject>();

        var problems = new List<ScriptObject>();
        if (options.Mode == RenderMode.Form && options.ShowErrors)
        {
            // A withheld question cannot be answered by this reader, and saying it is missing would tell them about it.
            var withheld = form.AllElements().Where(e => e.Withheld).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(form.Errors.Where(e => !withheld.Contains(e.Path)).Select(e => Problem(e.Path, e.Message)));
            problems.AddRange(form.MissingMessages().Where(m => !withheld.Contains(m.Path)).Select(m => Problem(m.Path, m.Message)));
        }

        model["problems"] = problems;
        model["earlier_answers"] = ModeRules.ShowsEarlierAnswers(options.Mode)
            ? form.EarlierAnswers.Select(a => new ScriptObject { ["path"] = a.Path, ["value"] = a.Value, ["version"] = a.Version, ["reason"] = a.Reason }).ToList()
            : new List<ScriptObject>();
        return model;
    }

    private static ScriptObject Part(HtmlRenderContext context, IReadOnlyList<ElementModel> sections, ScriptObject? summary, bool headed) => new()
    {
        ["language"] = context.Language,
        ["language_name"] = context.Words.LanguageName,
        ["heading"] = headed,
        ["id"] = "part" + (context.IdSuffix.Length > 0 ? context.IdSuffix : "--main"),
        ["level"] = context.HeadingLevel,
        ["words"] = context.WordsModel,
        ["summary"] = summary,
        ["sections"] = sections,
    };

    /// <summary>
    /// The case summary: key facts, flags, and what was carried forward or changed. With <paramref name="second"/>
    /// (side by side), every item carries <c>second</c>, the same item in the second language.
    /// </summary>
    private static ScriptObject Summary(HtmlRenderContext context, HtmlRenderContext? second)
    {
        var form = context.Form;
        var words = context.Words;
        var summary = form.Summary!;
        var withheld = form.AllElements().Where(e => e.Withheld).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var other = second is null ? null : Summary(second, null);

        var facts = summary.KeyAnswers.Select(a => new ScriptObject
        {
            ["path"] = a.Path,
            ["label"] = a.Label,
            ["value"] = a.Value.Length > 0 ? a.Value : words.NotAnswered,
            ["answered"] = a.Value.Length > 0,
            ["withheld"] = withheld.Contains(a.Path),
        }).ToList();
        var carried = summary.CarriedForward.Select(c => new ScriptObject
        {
            ["path"] = c.Path,
            ["label"] = c.Label,
            ["value"] = c.Value.Length > 0 ? c.Value : words.NotAnswered,
            ["confirmed"] = c.Confirmed,
            ["status"] = c.Confirmed ? words.Confirmed : words.NotYetConfirmed,
            ["withheld"] = withheld.Contains(c.Path),
        }).ToList();
        var changed = summary.Changed.Select(c => new ScriptObject
        {
            ["path"] = c.Path,
            ["label"] = c.Label,
            ["current"] = c.Current.Length > 0 ? c.Current : words.NotAnswered,
            ["previous"] = c.Previous.Length > 0 ? c.Previous : words.NoPreviousAnswer,
            ["was"] = $"({words.ChangedFrom} {(c.Previous.Length > 0 ? c.Previous : words.NoPreviousAnswer)})",
            ["withheld"] = withheld.Contains(c.Path),
        }).ToList();
        var flags = Flags(context);
        if (other is not null)
        {
            Zip(facts, (List<ScriptObject>)other["facts"]!, "path");
            Zip(carried, (List<ScriptObject>)other["carried"]!, "path");
            Zip(changed, (List<ScriptObject>)other["changed"]!, "path");
            Zip(flags, (List<ScriptObject>)other["flags"]!, "id");
        }

        return new ScriptObject
        {
            ["id"] = "summary" + context.IdSuffix,
            ["level"] = context.HeadingLevel,
            ["paired"] = other is not null,
            ["language"] = context.Language,
            ["second_language"] = second?.Language,
            ["second_words"] = second?.WordsModel,
            ["facts"] = facts,
            ["flags"] = flags,
            ["has_previous"] = summary.HasPrevious,
            ["carried"] = carried,
            ["changed"] = changed,
        };
    }

    // Gives each item its twin in the other language (the two views come from one session, so they match).
    private static void Zip(List<ScriptObject> items, List<ScriptObject> others, string key)
    {
        var byKey = new Dictionary<string, ScriptObject>(StringComparer.Ordinal);
        foreach (var other in others)
        {
            byKey.TryAdd((string)other[key]!, other);
        }

        foreach (var item in items)
        {
            item["second"] = byKey.GetValueOrDefault((string)item[key]!);
        }
    }

    private static List<ScriptObject> Flags(HtmlRenderContext context) =>
        [.. context.Form.Flags.Select(f => new ScriptObject
        {
            ["id"] = f.Id,
            ["message"] = f.Message,
            ["severity"] = FlagSeverities.NameOf(f.Severity),
            ["severity_label"] = context.Form.Words.Severity(f.Severity),
        })];

    public static ElementModel Element(FormElement element, HtmlRenderContext context)
    {
        var mode = context.Options.Mode;
        var words = context.Words;
        var fieldId = HtmlText.FieldId(element.Path) + context.IdSuffix;
        // A form opened for the first time shows no errors (RenderOptions.ShowErrors): nothing has been asked yet.
        var errors = mode == RenderMode.Blank || element.Withheld || (mode == RenderMode.Form && !context.Options.ShowErrors) ? [] : element.Errors.ToList();
        if (mode == RenderMode.Form && context.Options.ShowErrors && element.Missing && !element.Withheld)
        {
            // A view built by hand may leave the message out; FormViewBuilder always gives it.
            errors.Add(element.MissingMessage.Length > 0 ? element.MissingMessage : words.AnswerThisQuestion);
        }

        var model = new ElementModel(element, context)
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
                ? words.OnlyIf(element, condition)
                : null,
            ["not_applicable"] = mode == RenderMode.Audit && !element.Visible,
            ["reason"] = Reason(element, mode, words),
            ["withheld"] = element.Withheld,
            ["language"] = context.Language,
            ["level"] = element is SectionView ? context.HeadingLevel : context.HeadingLevel + 1,
        };

        switch (element)
        {
            case SectionView section:
                var included = Included(section.Questions, context);
                var children = Children(included, context);
                model["questions"] = children;
                model["blocks"] = Blocks(included, children, context);
                break;
            case QuestionView question:
                AddQuestion(model, question, context);
                break;
        }

        // Side by side, a section or repeat group carries its twin so its template can head it in both languages.
        if (context.SideBySide && (element is SectionView || element is QuestionView { Type: QuestionType.Repeat }) && context.Second!.Twin(element) is { } twin)
        {
            model["second"] = Element(twin, context.Second);
            model["second_language"] = context.Second.Language;
            model["second_words"] = context.Second.WordsModel;
        }

        return model;
    }

    private static void AddQuestion(ElementModel model, QuestionView question, HtmlRenderContext context)
    {
        var mode = context.Options.Mode;
        var words = context.Words;
        var fieldId = HtmlText.FieldId(question.Path) + context.IdSuffix;
        model["type"] = question.Type.ToString().ToLowerInvariant();
        model["shown_field"] = HtmlFormFields.Shown;
        if (question.Type == QuestionType.Note)
        {
            // A note is prose: its paragraphs as the view divides them, so HTML, PDF and text agree.
            model["paragraphs"] = question.Label.Length > 0 ? question.LabelParagraphs : [question.Id];
            model["hint_paragraphs"] = question.HintParagraphs;
        }

        model["answer"] = question.Withheld && question.DisplayValue.Length == 0 ? Withheld(words) : question.DisplayValue;
        model["answered"] = question.IsAnswered;
        model["value"] = question.InputValue;
        model["carried_forward"] = question.CarriedForward;
        model["min"] = question.Min is { } min ? AnswerFormatter.FormatNumber(min) : null;
        model["max"] = question.Max is { } max ? AnswerFormatter.FormatNumber(max) : null;
        model["number_hint"] = (model["min"], model["max"]) switch
        {
            (string from, string to) => Wording.Fill(context.Words.NumberRangeFormat, from, to),
            (string from, null) => Wording.Fill(context.Words.NumberMinFormat, from),
            (null, string to) => Wording.Fill(context.Words.NumberMaxFormat, to),
            _ => null,
        };
        model["value_is_number"] = question.InputValue.Length == 0
            || decimal.TryParse(question.InputValue, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
        model["value_is_date"] = question.InputValue.Length == 0
            || DateOnly.TryParseExact(question.InputValue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        var (day, month, year) = HtmlFormFields.DateParts(question.InputValue);
        model["year"] = year;
        model["month"] = month;
        model["day"] = day;

        var choices = question.Type == QuestionType.Boolean
            ? [new ChoiceView("true", words.Yes, null, question.InputValue == "true"), new ChoiceView("false", words.No, null, question.InputValue == "false")]
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
        // The buttons that add and remove items post these names; HtmlFormBinder reads them back.
        model["add_field"] = HtmlFormFields.AddItem;
        model["remove_field"] = HtmlFormFields.RemoveItem;
        model["add_label"] = question.AddLabel;
        var secondLabel = context.SideBySide && context.Second!.Twin(question) is QuestionView twin ? (twin.Label.Length > 0 ? twin.Label : twin.Id) : null;
        model["items"] = question.Withheld
            // Not even how many items there are: the placeholder stands for the whole group.
            ? new LazyList<ScriptObject>(0, _ => throw new InvalidOperationException())
            : mode == RenderMode.Blank
                ? new LazyList<ScriptObject>(ModeRules.BlankRepeatItems, i => Item(label, secondLabel, i, question.ItemTemplate, null, context))
                : new LazyList<ScriptObject>(question.Items.Count, i => Item(label, secondLabel, question.Items[i].Index, question.Items[i].Questions, question.Path, context, question.Items[i].RemoveLabel, question.Items[i].Removable));
    }

    /// <summary>One item's variables; <paramref name="group"/> is the group's path for an item that can be removed, null on a blank form.</summary>
    private static ScriptObject Item(string label, string? secondLabel, int index, IReadOnlyList<QuestionView> questions, string? group, HtmlRenderContext context, string? removeLabel = null, bool removable = false)
    {
        var included = Included(questions, context);
        var children = Children(included, context);
        var item = new ScriptObject
        {
            ["index"] = index,
            ["number"] = index + 1,
            ["title"] = string.Create(CultureInfo.InvariantCulture, $"{label} {index + 1}"),
            ["level"] = context.HeadingLevel + 2,
            ["questions"] = children,
            ["blocks"] = Blocks(included, children, context),
        };
        if (secondLabel is not null)
        {
            item["second_title"] = string.Create(CultureInfo.InvariantCulture, $"{secondLabel} {index + 1}");
        }

        if (group is not null)
        {
            item["path"] = HtmlFormFields.ItemPath(group, index);
            item["remove_label"] = removeLabel;
            item["removable"] = removable;
        }

        return item;
    }

    /// <summary>The models of the elements the mode includes, made as the template reads them.</summary>
    private static LazyList<ElementModel> Children(IEnumerable<FormElement> elements, HtmlRenderContext context) =>
        Children(Included(elements, context), context);

    private static LazyList<ElementModel> Children(List<FormElement> included, HtmlRenderContext context) =>
        new(included.Count, i => Element(included[i], context));

    private static List<FormElement> Included(IEnumerable<FormElement> elements, HtmlRenderContext context) =>
        [.. elements.Where(e => ModeRules.Includes(e, context.Options.Mode))];

    /// <summary>
    /// Groups children for records: a run of simple questions becomes one description list (<c>list</c> true);
    /// repeat groups and notes stand alone. Forms and blank forms have one block per child, and so does a
    /// side-by-side bilingual record, where each question is a pair (pair.sbn) with a list on each side.
    /// </summary>
    private static List<ScriptObject> Blocks(List<FormElement> included, LazyList<ElementModel> children, HtmlRenderContext context)
    {
        // Runs are found from the elements alone, then each block reads its own stretch of the children as the
        // template renders it.
        var mode = context.Options.Mode;
        var runs = new List<(bool List, int Start, int Count)>();
        var index = 0;
        foreach (var element in included)
        {
            var row = mode is RenderMode.Record or RenderMode.Audit && !context.SideBySide
                && element is QuestionView { Type: not (QuestionType.Repeat or QuestionType.Note) };
            if (row && runs.Count > 0 && runs[^1].List)
            {
                runs[^1] = runs[^1] with { Count = runs[^1].Count + 1 };
            }
            else
            {
                runs.Add((row, index, 1));
            }

            index++;
        }

        return [.. runs.Select(run => new ScriptObject
        {
            ["list"] = run.List,
            ["items"] = new LazyList<ElementModel>(run.Count, i => children[run.Start + i]),
        })];
    }

    // Only the element whose own rule hides it carries the reason; what it contains inherits it.
    private static ScriptObject? Reason(FormElement element, RenderMode mode, Wording words)
    {
        if (mode != RenderMode.Audit || !element.HiddenByOwnRule || element.HiddenBy is not { } reason)
        {
            return null;
        }

        // The sentence around the rule, which is set as code: "Not applicable: `{0}` ({1}) is false: {2}."
        const string Marker = "\u0001";
        var sentence = Wording.Fill(words.NotApplicableBecauseFormat, Marker, reason.Location.ToString(), reason.Trace);
        var at = sentence.IndexOf(Marker, StringComparison.Ordinal);
        var before = at < 0 ? sentence : sentence[..at].TrimEnd('`');
        var after = at < 0 ? string.Empty : sentence[(at + Marker.Length)..].TrimStart('`');
        return new ScriptObject
        {
            ["rule"] = reason.Rule,
            ["location"] = reason.Location.ToString(),
            ["trace"] = reason.Trace,
            ["path"] = reason.Path,
            ["before"] = before,
            ["after"] = after,
        };
    }

    private static ScriptObject Problem(string path, string message) => new()
    {
        ["path"] = path,
        ["message"] = message,
        ["href"] = "#" + HtmlText.FieldId(path),
    };

    // The placeholder for a withheld question that has none of its own (the questions of a blank repeat item).
    private static string Withheld(Wording words) => Wording.Fill(words.WithheldFormat, string.Empty).TrimEnd(' ', ':');

    public static string Title(FormView form) => form.Title.Length > 0 ? form.Title : form.TemplateId;

    public static string ModeName(RenderMode mode) => mode.ToString().ToLowerInvariant();

    private static string DocumentKind(RenderMode mode, Wording words) => mode switch
    {
        RenderMode.Form => words.Form,
        RenderMode.Blank => words.BlankForm,
        RenderMode.Audit => words.AuditRecord,
        _ => words.Record,
    };

}
