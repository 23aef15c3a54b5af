using System.Globalization;
using System.Text.Json;
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
    // instance; this type has none, and that import was a fifth of an HTML render. The capacity fits the
    // element's variables (a question has about 60, a section about 30), so the dictionary is not regrown
    // while they are added.
    internal ElementModel(FormElement element, HtmlRenderContext context)
        : base(element is QuestionView ? 72 : 36, autoImportStaticsFromThisType: false)
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
internal static partial class HtmlModels
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
        var summaries = ModeRules.ShowsCaseSummary(options.Mode, form);
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
            ["title"] = form.DisplayTitle,
            ["template_id"] = form.TemplateId,
            ["template_version"] = form.TemplateVersion,
            ["document_kind"] = ModeRules.DocumentKind(options.Mode, words),
            ["document_date"] = words.Date(date),
            ["case_reference"] = options.CaseReference,
            ["protective_marking"] = options.ProtectiveMarking,
            ["action"] = options.FormAction,
            ["fragment"] = options.Fragment,
            ["hidden_fields"] = options.HiddenFields.Select(f => new ScriptObject { ["name"] = f.Key, ["value"] = f.Value }).ToList(),
            // Kept for host templates written before `stylesheets`: the renderer's own StylesheetHref.
            ["stylesheet_href"] = context.StylesheetHref,
            ["stylesheets"] = Stylesheets(context.StylesheetHref, options),
            ["scripts"] = options.Scripts.ToList(),
            // GOV.UK Frontend is started from the first script (RenderOptions.Scripts).
            ["frontend_init"] = FrontendInit(options),
            ["nonce"] = options.Nonce,
            ["styles"] = !options.Fragment && context.ReadText("style.css") is { } css ? new HtmlMarkup(css.TrimEnd() + "\n") : null,
            ["bilingual"] = second is not null,
            ["layout"] = second is null ? null : sequential ? "sequential" : "side-by-side",
            ["second_language"] = second?.Language,
            ["language_name"] = context.Words.LanguageName,
            ["second_language_name"] = second?.Words.LanguageName,
            ["second_title"] = second?.Form.DisplayTitle,
            ["second_words"] = second?.WordsModel,
            ["second_document_kind"] = secondWords is null ? null : ModeRules.DocumentKind(options.Mode, secondWords),
            ["second_document_date"] = secondWords?.Date(date),
            ["summary"] = summary,
            ["parts"] = parts,
            ["sections"] = sections,
        };

        // Records and audits show the flags in the case summary; a form keeps them above its questions.
        model["flags"] = options.Mode == OutputMode.Form || (options.Mode is OutputMode.Record or OutputMode.Audit && context.Form.Summary is null) ? Flags(context) : new List<ScriptObject>();

        var problems = HtmlFormProblems.Summary(context).Select(p => new ScriptObject { ["message"] = p.Message, ["href"] = p.Href }).ToList();
        model["problems"] = problems;
        model["paging"] = options.Mode == OutputMode.Form ? HtmlPagingModel.Create(context) : null;
        model["record_status"] = ModeRules.ShowsRecordStatus(options.Mode) && form.Status is { } status
            ? new ScriptObject
            {
                ["signed_off"] = status.SignedOff.ToList(),
                ["addenda"] = status.Addenda.Select(a => new ScriptObject { ["when"] = a.When, ["by"] = a.By, ["reason"] = a.Reason, ["changed"] = ModeRules.Changed(a, words) }).ToList(),
            }
            : null;
        model["earlier_answers"] = ModeRules.ShowsEarlierAnswers(options.Mode)
            ? form.EarlierAnswers.Select(a => new ScriptObject { ["path"] = a.Path, ["value"] = a.Value, ["version"] = a.Version, ["reason"] = a.Reason }).ToList()
            : new List<ScriptObject>();
        return model;
    }

    /// <summary>
    /// In the govuk theme with scripts linked, the module script that starts GOV.UK Frontend's components from the
    /// page's first script; otherwise null. Every HTML document (forms, records, the chronology) decides it here.
    /// The address is written as a JavaScript string (JSON-encoded, so it cannot close the script element); a
    /// relative address gets <c>./</c> in front, as an import needs.
    /// </summary>
    internal static HtmlMarkup? FrontendInit(RenderOptions options)
    {
        if (options.Theme != "govuk" || options.Scripts.Count == 0)
        {
            return null;
        }

        var script = options.Scripts[0];
        var url = Uri.TryCreate(script, UriKind.Absolute, out _) || script.StartsWith('/') || script.StartsWith("./", StringComparison.Ordinal) || script.StartsWith("../", StringComparison.Ordinal)
            ? script
            : "./" + script;
        return new HtmlMarkup($"import {{ initAll }} from {JsonSerializer.Serialize(url)};\ninitAll();");
    }

    /// <summary>The stylesheets every HTML document links: the renderer's own <c>StylesheetHref</c>, then the options'.</summary>
    internal static List<string> Stylesheets(string? stylesheetHref, RenderOptions options) =>
        [.. new[] { stylesheetHref }.OfType<string>().Concat(options.Stylesheets)];

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
        var withheld = form.WithheldPaths();
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
        var errors = HtmlFormProblems.Messages(element, context);

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
            ["label"] = element.DisplayLabel,
            ["hint"] = element.Hint,
            ["required"] = element.Required,
            ["required_description"] = element.RequiredDescription,
            // GOV.UK marks the questions that may be left unanswered; one required only in some cases is not marked.
            ["optional"] = !element.Required && element.RequiredDescription is null && element is QuestionView { TakesAnswer: true, Withheld: false },
            ["errors"] = errors,
            ["has_errors"] = errors.Count > 0,
            ["described_by"] = string.Join(' ', new[] { element.Hint is null ? null : fieldId + "-hint", errors.Count > 0 ? fieldId + "-error" : null }.OfType<string>()),
            ["routing"] = mode == OutputMode.Blank ? words.PaperRouting(element) : null,
            ["not_applicable"] = mode == OutputMode.Audit && !element.Visible,
            ["reason"] = Reason(element, mode, words),
            ["withheld"] = element.Withheld,
            ["language"] = context.Language,
            ["level"] = element is SectionView ? context.HeadingLevel : context.HeadingLevel + 1,
        };

        switch (element)
        {
            case SectionView section:
                var included = Included(section.Questions, context);
                if (mode == OutputMode.Form)
                {
                    // Follow-up questions are drawn inside the option that reveals them, not in the section's run.
                    foreach (var follower in included.OfType<QuestionView>().Where(q => q.FollowUpOf is not null))
                    {
                        context.FollowUps.TryAdd(follower.Path, follower);
                    }

                    included.RemoveAll(e => e is QuestionView { FollowUpOf: not null });
                }

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

    /// <summary>The models of the elements the mode includes, made as the template reads them.</summary>
    private static LazyList<ElementModel> Children(IEnumerable<FormElement> elements, HtmlRenderContext context) =>
        Children(Included(elements, context), context);

    private static LazyList<ElementModel> Children(List<FormElement> included, HtmlRenderContext context) =>
        new(included.Count, i => Element(included[i], context));

    private static List<FormElement> Included(IEnumerable<FormElement> elements, HtmlRenderContext context) =>
        [.. elements.Where(e => HtmlModeRules.Includes(e, context.Options.Mode))];

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
            var row = mode is OutputMode.Record or OutputMode.Audit && !context.SideBySide
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
    private static ScriptObject? Reason(FormElement element, OutputMode mode, Wording words)
    {
        if (mode != OutputMode.Audit || !element.HiddenByOwnRule || element.HiddenBy is not { } reason)
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

    public static string ModeName(OutputMode mode) => LowerCaseNames<OutputMode>.Of(mode);
}
