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
public sealed class HtmlRenderContext
{
    private readonly HtmlTemplates _templates;
    private readonly HtmlTemplateLimits _limits;
    private readonly CancellationToken _cancellation;
    private ScriptObject? _functions;

    internal HtmlRenderContext(TextWriter writer, FormView form, RenderOptions options, ElementRenderers<HtmlRenderContext> elements,
        HtmlTemplates templates, HtmlTemplateLimits limits, string? stylesheetHref, CancellationToken cancellation)
    {
        Writer = writer;
        Form = form;
        Options = options;
        Elements = elements;
        StylesheetHref = stylesheetHref;
        _templates = templates;
        _limits = limits;
        _cancellation = cancellation;
    }

    /// <summary>Where markup goes. Lines end with <c>\n</c>.</summary>
    public TextWriter Writer { get; private set; }

    /// <summary>The whole form.</summary>
    public FormView Form { get; }

    /// <summary>The options.</summary>
    public RenderOptions Options { get; }

    /// <summary>The element renderers, to render children with.</summary>
    public ElementRenderers<HtmlRenderContext> Elements { get; }

    /// <summary>The stylesheet the page links to, or null.</summary>
    public string? StylesheetHref { get; }

    /// <summary>Renders an element if the mode includes it.</summary>
    /// <param name="element">The element.</param>
    public void Render(FormElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (ModeRules.Includes(element, Options.Mode))
        {
            Elements.Render(element, this);
        }
    }

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

    /// <summary>Renders the template <paramref name="name"/> (e.g. <c>question-date.sbn</c>) for an element, with the element's model.</summary>
    /// <param name="name">The template's file name.</param>
    /// <param name="element">The element.</param>
    public void RenderTemplate(string name, FormElement element) => RenderTemplate(name, HtmlModels.Element(element, this));

    /// <summary>Renders the template <paramref name="name"/> with the given variables.</summary>
    /// <param name="name">The template's file name.</param>
    /// <param name="model">The variables the template sees.</param>
    /// <exception cref="HtmlTemplateException">The template is missing, does not compile or fails while running.</exception>
    public void RenderTemplate(string name, ScriptObject model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var compiled = _templates.Get(Options.Theme, name, Options.TemplateFolder);
        var builtins = Options.TemplateFolder is null ? _templates.SharedBuiltins : HtmlTemplateContext.CreateBuiltins();
        var context = new HtmlTemplateContext(_templates, Options.Theme, Options.TemplateFolder, builtins);
        if (Options.TemplateFolder is null)
        {
            // Built-in templates only: trusted, and a repeat group or choice list may be long.
            context.LoopLimit = 0;
        }
        else
        {
            context.LoopLimit = _limits.LoopLimit;
            context.RecursiveLimit = _limits.RecursiveLimit;
            context.LimitToString = _limits.LimitToString;
            context.RegexTimeOut = _limits.RegexTimeout;
            context.OutputLimit = _limits.OutputLimit;
            context.CancellationToken = _cancellation;
        }

        context.PushGlobal(Functions);
        context.PushGlobal(model);
        string output;
        try
        {
            output = compiled.Template.Render(context);
        }
        catch (HtmlTemplateException)
        {
            throw;
        }
        catch (ScriptRuntimeException error) when (Inner<HtmlTemplateException>(error) is { } nested)
        {
            // A child element's template failed inside `render`: report that template, not its parent.
            throw nested;
        }
        catch (ScriptRuntimeException error) when (Inner<OperationCanceledException>(error) is { } cancelled)
        {
            throw new HtmlTemplateException(compiled.Source,
                $"The HTML template {compiled.Source} took longer than {_limits.Timeout.TotalSeconds:0.#} seconds and was stopped (HtmlRenderer.Limits.Timeout).", cancelled);
        }
        catch (ScriptRuntimeException error)
        {
            throw new HtmlTemplateException(error.Span.FileName ?? compiled.Source,
                $"The HTML template {error.Span.FileName ?? compiled.Source} failed at line {error.Span.Start.Line + 1}, column {error.Span.Start.Column + 1}: {error.OriginalMessage}", error);
        }
        catch (OperationCanceledException error)
        {
            throw new HtmlTemplateException(compiled.Source,
                $"The HTML template {compiled.Source} took longer than {_limits.Timeout.TotalSeconds:0.#} seconds and was stopped (HtmlRenderer.Limits.Timeout).", error);
        }

        Writer.Write(output);
    }

    /// <summary>
    /// The functions FormEngine adds for templates (<c>render</c>), made once per render rather than once per
    /// element: importing a delegate inspects it by reflection. Templates only read it (assignments go to the
    /// element's model, the innermost global).
    /// </summary>
    private ScriptObject Functions
    {
        get
        {
            if (_functions is null)
            {
                _functions = new ScriptObject();
                _functions.Import("render", new Func<object?, HtmlMarkup>(RenderValue));
            }

            return _functions;
        }
    }

    /// <summary>The text of a file that is not a template, such as the plain theme's <c>style.css</c>, from the host's folder or the theme.</summary>
    internal string? ReadText(string name) => HtmlTemplates.ReadText(Options.Theme, name, Options.TemplateFolder);

    private static T? Inner<T>(Exception error)
        where T : Exception
    {
        for (var current = error.InnerException; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    // `render x` in a template: x is an element's model, or a list of them.
    private HtmlMarkup RenderValue(object? value) => value switch
    {
        ElementModel model => RenderToMarkup(model.Element),
        System.Collections.IEnumerable list and not string => new HtmlMarkup(string.Concat(list.OfType<ElementModel>().Select(m => RenderToMarkup(m.Element).Html))),
        _ => new HtmlMarkup(string.Empty),
    };
}
