using FormEngine.Templates;
using FormEngine.Views;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace FormEngine.Renderers.Html;

/// <summary>
/// An HTML rendering under way: the writer, the form, the options, the element renderers, and the templates.
/// Element renderers written in C# write markup to <see cref="Writer"/> (encode text with
/// <see cref="HtmlText.Encode"/>) or render a template with <see cref="RenderTemplate(string, FormElement)"/>.
/// </summary>
public sealed partial class HtmlRenderContext : RenderContext<HtmlRenderContext>
{
    private readonly HtmlTemplates _templates;
    private readonly HtmlTemplateLimits _limits;
    private readonly CancellationToken _cancellation;
    private ElementModel? _modelToRender;
    private ScriptObject? _functions;

    internal HtmlRenderContext(TextWriter writer, FormView form, RenderOptions options, ElementRenderers<HtmlRenderContext> elements,
        HtmlTemplates templates, HtmlTemplateLimits limits, string? stylesheetHref, CancellationToken cancellation)
        : this(writer, form, options, elements, templates, limits, stylesheetHref, cancellation, main: null)
    {
        if (options.SecondLanguage is { } second && options.Mode != OutputMode.Form)
        {
            // Forms are rendered in the main language only: one set of fields, labelled once.
            Second = new HtmlRenderContext(writer, second, options, elements, templates, limits, stylesheetHref, cancellation, this);
        }
    }

    // With `main`, the context for the second language of a bilingual document: its own words, and ids that do not clash.
    private HtmlRenderContext(TextWriter writer, FormView form, RenderOptions options, ElementRenderers<HtmlRenderContext> elements,
        HtmlTemplates templates, HtmlTemplateLimits limits, string? stylesheetHref, CancellationToken cancellation, HtmlRenderContext? main)
        : base(form, options, elements)
    {
        Writer = writer;
        StylesheetHref = stylesheetHref;
        _templates = templates;
        _limits = limits;
        _cancellation = cancellation;
        WordsModel = HtmlWording.Model(Words);
        if (main is null)
        {
            Language = options.DocumentLanguage(form);
            return;
        }

        Language = form.LanguageTag;
        IdSuffix = "--" + HtmlText.FieldId(form.Language)[2..];
        Main = main;
        HeadingLevel = main.HeadingLevel;
    }

    /// <summary>Where markup goes. Lines end with <c>\n</c>.</summary>
    public TextWriter Writer { get; private set; }

    /// <summary>The stylesheet the page links to, or null.</summary>
    public string? StylesheetHref { get; }

    /// <summary>The language tag of what this context writes (the document's for the main language).</summary>
    public string Language { get; }

    /// <summary>
    /// For a bilingual document (<see cref="RenderOptions.SecondLanguage"/>, not in form mode): the context
    /// that renders the second language; null otherwise, and in that context itself.
    /// </summary>
    public HtmlRenderContext? Second { get; }

    /// <summary>True when this context pairs each heading, label and answer with the second language's (side by side).</summary>
    public bool SideBySide => Second is not null && Options.BilingualLayout == BilingualLayout.SideBySide;

    /// <summary>Added to every id this context writes ("" for the main language, <c>--en</c> for a second language in English), so the two languages never share an id.</summary>
    public string IdSuffix { get; } = string.Empty;

    // HeadingLevel (from RenderContext) is 2 for sections, or 3 when a bilingual document heads each language's part with an h2.

    internal ScriptObject WordsModel { get; }

    /// <summary>The follow-up questions of the sections modelled so far (form mode), for their controlling question's options to draw.</summary>
    /// <remarks>Keyed by path: a section's model is made again each time it is rendered.</remarks>
    internal Dictionary<string, QuestionView> FollowUps { get; } = new(StringComparer.Ordinal);

    internal HtmlRenderContext? Main { get; }

    private Dictionary<string, FormElement>? _byPath;

    /// <summary>The element of this context's form at the same path as <paramref name="element"/> (the two views of a bilingual document have the same structure), or null.</summary>
    /// <param name="element">An element of the other language's form.</param>
    /// <returns>The matching element.</returns>
    public FormElement? Twin(FormElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (_byPath is null)
        {
            _byPath = new Dictionary<string, FormElement>(StringComparer.Ordinal);
            foreach (var e in Form.AllElements())
            {
                _byPath.TryAdd(Key(e), e);
                if (e is QuestionView { ItemTemplate.Count: > 0 } repeat)
                {
                    foreach (var field in repeat.ItemTemplate)
                    {
                        _byPath.TryAdd("template:" + Key(field), field);
                    }
                }
            }
        }

        return _byPath.GetValueOrDefault(Key(element)) ?? _byPath.GetValueOrDefault("template:" + Key(element));

        static string Key(FormElement e) => (e is SectionView ? "s:" : "q:") + e.Path;
    }

    /// <inheritdoc/>
    /// <remarks>An HTML form also offers a follow-up question while it is hidden, under the option that reveals it (<see cref="HtmlModeRules"/>).</remarks>
    protected override bool Includes(FormElement element) => HtmlModeRules.Includes(element, Options.Mode);

    /// <summary>Renders an element (if the mode includes it) to markup rather than to <see cref="Writer"/>.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The markup.</returns>
    public HtmlMarkup RenderToMarkup(FormElement element)
    {
        var previous = Writer;
        using var buffer = new StringWriter { NewLine = "\n" };
        Writer = buffer;
        try
        {
            Render(element);
        }
        finally
        {
            Writer = previous;
        }

        return new HtmlMarkup(buffer.ToString());
    }

    /// <summary>The text of a file that is not a template, such as the plain theme's <c>style.css</c>, from the host's folder or the theme.</summary>
    internal string? ReadText(string name) => HtmlTemplates.ReadText(Options.Theme, name, Options.TemplateFolder);

    // `render x` in a template: x is an element's model, or a list of them. The elements are written where the
    // call stands, into the calling template's output (which inside a `capture` is the captured text), and the
    // call itself gives nothing more to write.
    private HtmlMarkup RenderValue(TemplateContext caller, object? value)
    {
        var models = value switch
        {
            ElementModel model => [model],
            System.Collections.IEnumerable list and not string => list.OfType<ElementModel>(),
            _ => [],
        };
        using var into = new ScriptOutputWriter(caller.Output);
        foreach (var model in models)
        {
            model.Context.RenderModel(model, into);
        }

        return new HtmlMarkup(string.Empty);
    }

    // Side by side, a question (or note) is rendered in both languages and the two are laid out as a pair
    // (pair.sbn); sections and repeat groups pair their own headings and render their children this way.
    private void RenderModel(ElementModel model, TextWriter into)
    {
        var previous = Writer;
        Writer = into;
        try
        {
            RenderModel(model);
        }
        finally
        {
            Writer = previous;
        }
    }

    private void RenderModel(ElementModel model)
    {
        if (!SideBySide || model.Element is not QuestionView { Type: not QuestionType.Repeat } question
            || !HtmlModeRules.Includes(question, Options.Mode) || Second!.Twin(question) is not { } twin)
        {
            // `render x` has the element's model already (made as the template read it): with built-in templates,
            // which never change a child's variables, the element's template gets that one rather than a second.
            _modelToRender = Options.TemplateFolder is null ? model : null;
            try
            {
                Render(model.Element);
            }
            finally
            {
                _modelToRender = null;
            }

            return;
        }

        var main = RenderToMarkup(question);
        var second = Second.RenderToMarkup(twin);
        var pair = new ScriptObject
        {
            ["mode"] = HtmlModels.ModeName(Options.Mode),
            ["theme"] = Options.Theme,
            ["row"] = Options.Mode is OutputMode.Record or OutputMode.Audit && question.Type != QuestionType.Note,
            ["main"] = main,
            ["second"] = second,
            ["language"] = Language,
            ["second_language"] = Second.Language,
        };
        RenderTemplate("pair.sbn", pair);
    }

    // `both main second` in a template: the main text, then (when there is one) the second language's in a
    // span with its own lang, for headings and labels that name both languages at once.
    private HtmlMarkup Both(object? main, object? second)
    {
        var first = Markup(main);
        var other = Markup(second);
        if (Second is null || other.Length == 0)
        {
            return new HtmlMarkup(first);
        }

        return new HtmlMarkup($"{first} <span class=\"fe-second\" lang=\"{HtmlText.Encode(Second.Language)}\"><span class=\"fe-sep\" aria-hidden=\"true\">/ </span>{other}</span>");

        static string Markup(object? value) => value is HtmlMarkup markup
            ? markup.Html
            : HtmlText.Encode(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
