using FormEngine.Views;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace FormEngine.Renderers.Html;

// Running templates: finding one, giving it a Scriban context and the element's variables, and turning what can
// go wrong into an HtmlTemplateException that names the file, the line and the limit to raise.
public sealed partial class HtmlRenderContext
{
    // Words in Scriban's messages for a limit that was reached, and the HtmlTemplateLimits property to raise.
    private static readonly (string Words, string Limit)[] LimitNames =
    [
        ("LoopLimit", "LoopLimit"), ("iteration limit", "LoopLimit"), ("recursive depth limit", "RecursiveLimit"),
        ("LimitToString", "LimitToString"), ("OutputLimit", "OutputLimit"),
    ];

    private readonly Stack<HtmlTemplateContext> _idleTemplateContexts = new();

    /// <summary>Renders the template <paramref name="name"/> (e.g. <c>question-date.sbn</c>) for an element, with the element's model.</summary>
    /// <param name="name">The template's file name.</param>
    /// <param name="element">The element.</param>
    public void RenderTemplate(string name, FormElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var model = _modelToRender is { } made && ReferenceEquals(made.Element, element) ? made : HtmlModels.Element(element, this);
        _modelToRender = null;
        RenderTemplate(name, model);
    }

    /// <summary>Renders the template <paramref name="name"/> with the given variables.</summary>
    /// <param name="name">The template's file name.</param>
    /// <param name="model">The variables the template sees.</param>
    /// <exception cref="HtmlTemplateException">The template is missing, does not compile or fails while running.</exception>
    public void RenderTemplate(string name, ScriptObject model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var compiled = _templates.Get(Options.Theme, name, Options.TemplateFolder);
        var context = TakeTemplateContext();
        if (compiled.FromFolder)
        {
            context.UseHostLimits();
        }

        context.PushGlobal(model);
        // The template writes straight to the writer (the page's stream, or a parent's output): a record with
        // thousands of entries is never held as one string, let alone copied into each enclosing template's.
        // Inside `render` the writer already wraps the calling template's output: write to that directly, so a
        // piece of text is not copied once more for each level of nesting.
        context.PushOutput(Writer is ScriptOutputWriter into ? into.Output : new WriterOutput(Writer));
        Run(compiled, context, _limits);

        // Only a template that finished is handed back: one that failed may have left scopes open.
        ReturnTemplateContext(context);
    }

    /// <summary>
    /// Runs a compiled template in a context already holding its variables and output, turning every failure into an
    /// <see cref="HtmlTemplateException"/> that names the template, the line and the limit to raise. Documents other
    /// than forms (the chronology) run their templates through it too.
    /// </summary>
    internal static void Run(CompiledTemplate compiled, HtmlTemplateContext context, HtmlTemplateLimits limits)
    {
        try
        {
            compiled.Template.Render(context);
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
                $"The HTML template {compiled.Source} took longer than {limits.Timeout.TotalSeconds:0.#} seconds and was stopped (HtmlRenderer.Limits.Timeout).", cancelled);
        }
        catch (ScriptRuntimeException error)
        {
            var limit = LimitNames.FirstOrDefault(l => error.OriginalMessage.Contains(l.Words, StringComparison.Ordinal)).Limit;
            var next = limit is null ? string.Empty : $" Change the template, or raise HtmlRenderer.Limits.{limit} if the template is right for data this large.";
            throw new HtmlTemplateException(error.Span.FileName ?? compiled.Source,
                $"The HTML template {error.Span.FileName ?? compiled.Source} failed at line {error.Span.Start.Line + 1}, column {error.Span.Start.Column + 1}: {error.OriginalMessage}{next}", error);
        }
        catch (OperationCanceledException error)
        {
            throw new HtmlTemplateException(compiled.Source,
                $"The HTML template {compiled.Source} took longer than {limits.Timeout.TotalSeconds:0.#} seconds and was stopped (HtmlRenderer.Limits.Timeout).", error);
        }
    }

    /// <summary>
    /// A Scriban context for one template, with FormEngine's functions in scope. Making one costs more than
    /// running a question's template (Scriban sets up its stacks and caches for each), so a render of built-in
    /// templates keeps the contexts whose templates have finished and hands them to the next element: one per
    /// level of nesting, rather than one per element. Each template's variables are its model, pushed and popped
    /// around it, so nothing one element's template sets is seen by the next. A host's templates get a new context
    /// (and new built-in functions) each time, as they always have: they may change what a context holds.
    /// </summary>
    private HtmlTemplateContext TakeTemplateContext()
    {
        if (_idleTemplateContexts.TryPop(out var idle))
        {
            return idle;
        }

        var builtins = Options.TemplateFolder is null ? _templates.SharedBuiltins : HtmlTemplateContext.CreateBuiltins();
        var context = new HtmlTemplateContext(_templates, Options.Theme, Options.TemplateFolder, builtins, _limits, _cancellation);
        context.PushGlobal(Functions);
        return context;
    }

    private void ReturnTemplateContext(HtmlTemplateContext context)
    {
        if (Options.TemplateFolder is not null)
        {
            return;
        }

        context.PopOutput();
        context.PopGlobal();
        context.ResetPreviousNewLine();
        _idleTemplateContexts.Push(context);
    }

    /// <summary>
    /// The functions FormEngine adds for templates (<c>render</c>, <c>both</c>) and the words, made once per
    /// render rather than once per element. Templates only read it (assignments go to the element's model, the
    /// innermost global).
    /// </summary>
    private ScriptObject Functions
    {
        get
        {
            if (_functions is null)
            {
                _functions = new ScriptObject();
                _functions.SetValue("render", new TemplateFunction(["value"], (caller, arguments) => RenderValue(caller, arguments[0])), true);
                _functions.SetValue("both", new TemplateFunction(["main", "second"], (_, arguments) => Both(arguments[0], arguments[1])), true);
                _functions["words"] = WordsModel;
            }

            return _functions;
        }
    }

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
}
