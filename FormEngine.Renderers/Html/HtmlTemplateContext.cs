using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace FormEngine.Renderers.Html;

/// <summary>
/// A Scriban context that HTML-encodes every value a template writes, so nothing a practitioner, family or
/// form author typed can become markup. Only <see cref="HtmlMarkup"/> (rendered child elements) and the
/// output of <c>capture</c> blocks (encoded as they were written) pass through unchanged, and <c>html.escape</c>
/// returns markup, so nothing is encoded twice.
/// </summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    private readonly HtmlTemplates _templates;
    private readonly string _theme;
    private readonly string? _folder;
    private readonly HtmlTemplateLimits _limits;
    private readonly CancellationToken _cancellation;
    private bool _hostLimits;

    /// <summary>Creates a context.</summary>
    /// <param name="templates">Where included templates are found.</param>
    /// <param name="theme">The theme.</param>
    /// <param name="folder">The host's template folder, or null for built-in templates only.</param>
    /// <param name="builtins">
    /// Scriban's built-in functions with FormEngine's changes, from <see cref="CreateBuiltins"/>. Building them
    /// imports every built-in function by reflection, which cost most of an HTML render when it was done for
    /// each element, so trusted renders share one set; a host's templates get their own.
    /// </param>
    /// <param name="limits">The limits a host's template runs under.</param>
    /// <param name="cancellation">Stops a host's template that runs too long.</param>
    public HtmlTemplateContext(HtmlTemplates templates, string theme, string? folder, ScriptObject builtins, HtmlTemplateLimits limits, CancellationToken cancellation)
        : base(builtins)
    {
        _templates = templates;
        _theme = theme;
        _folder = folder;
        _limits = limits;
        _cancellation = cancellation;
        TemplateLoader = new NameOnlyLoader();
        StrictVariables = false;
        PushCulture(CultureInfo.InvariantCulture);
        NewLine = "\n";

        // Built-in templates are trusted, and a repeat group, a choice list or an answer may be long. Scriban's
        // defaults (1,000 iterations a loop; 1 MiB for any one value and, with no output limit set, for all the
        // output) guard against hostile templates, which these are not; and where Scriban reaches a limit it
        // cuts the text short with "...", which would end a record mid-tag, or drop the end of an answer, and
        // still report success. Nothing FormEngine renders may be cut: a limit that is reached fails the render.
        LoopLimit = 0;
        LimitToString = 0;
        OutputLimit = 0;
        OnStringLimit = ScriptLimitBehavior.Throw;
        OnOutputLimit = ScriptLimitBehavior.Throw;
    }

    /// <summary>
    /// Runs the rest of this rendering under <see cref="HtmlTemplateLimits"/>: from the moment a host's template
    /// runs, whether rendered directly or included by a built-in one, its code may loop, recurse or grow output.
    /// </summary>
    public void UseHostLimits()
    {
        if (_hostLimits)
        {
            return;
        }

        _hostLimits = true;
        LoopLimit = _limits.LoopLimit;
        RecursiveLimit = _limits.RecursiveLimit;
        LimitToString = _limits.LimitToString;
        RegexTimeOut = _limits.RegexTimeout;
        OutputLimit = _limits.OutputLimit;
        CancellationToken = _cancellation;
    }

    /// <summary>Scriban's built-in functions, with <c>html.escape</c> returning markup and <c>include</c> returning markup.</summary>
    /// <returns>A new set of built-in functions.</returns>
    public static ScriptObject CreateBuiltins()
    {
        var builtins = GetDefaultBuiltinObject();
        var html = new ScriptObject();
        html.Import(typeof(Scriban.Functions.HtmlFunctions));
        html.Remove("escape");
        html.Import("escape", new Func<string?, HtmlMarkup>(HtmlMarkup.FromText));
        builtins.SetValue("html", html, true);
        if (builtins.TryGetValue("include", out var include) && include is IScriptCustomFunction function)
        {
            builtins.SetValue("include", new HtmlInclude(function), true);
        }

        return builtins;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        switch (textAsObject)
        {
            case null:
                return this;
            case HtmlMarkup markup:
                Write(markup.Html);
                return this;
            case IScriptOutput captured:
                Write(captured.ToString() ?? string.Empty);
                return this;
            default:
                Write(HtmlText.Encode(ObjectToString(textAsObject, false)));
                return this;
        }
    }

    /// <summary>
    /// A function's <c>object</c> parameter (<c>render</c>, <c>both</c>, many of Scriban's own) takes the value as it
    /// is. Scriban reaches the same answer for any value that is not one of its custom types, but only after
    /// trying every other conversion in turn, for every argument of every call.
    /// </summary>
    public override object? ToObject(SourceSpan span, object? value, Type destinationType) =>
        destinationType == typeof(object) && value is not IScriptConvertibleTo ? value : base.ToObject(span, value, destinationType);

    /// <summary>
    /// True when an <c>include</c> written as a statement may render the included template straight into this
    /// context's output (<see cref="HtmlInclude"/>): only in renders of built-in templates, which run without
    /// Scriban's limits and never indent an included template's lines.
    /// </summary>
    public bool IncludesInPlace => _folder is null && !_hostLimits;

    /// <summary>
    /// Renders an included template where the <c>include</c> stands, as Scriban's own <c>include</c> does (a
    /// recursion level, a new scope for local variables with the arguments as <c>$</c>, no indent of its own) but
    /// into this context's current output, rather than into a new string that is then written here.
    /// </summary>
    public void RenderInPlace(Template template, ScriptArray arguments, ScriptNode callerContext)
    {
        EnterRecursive(callerContext);
        var previousIndent = CurrentIndent;
        CurrentIndent = null;
        PushLocal();
        try
        {
            SetValue(ScriptVariable.Arguments, arguments, true, true);
            if (previousIndent is not null)
            {
                ResetPreviousNewLine();
            }

            if (template.SourceFilePath is { } file)
            {
                PushSourceFile(file);
            }

            try
            {
                UseScientific = template.LexerOptions.Lang == ScriptLang.Scientific;
                if (template.Page is { } page && Evaluate(page) is { } result && EnableOutput)
                {
                    Write(page.Span, result);
                }
            }
            finally
            {
                if (template.SourceFilePath is not null)
                {
                    PopSourceFile();
                }
            }
        }
        finally
        {
            PopLocal();
            CurrentIndent = previousIndent;
            ExitRecursive(callerContext);
        }
    }

    public override string GetTemplatePathFromName(string? templateName, ScriptNode? callerContext)
    {
        if (templateName is null || !HtmlTemplates.IsSafeName(templateName))
        {
            throw new ScriptRuntimeException(callerContext?.Span ?? default, $"`{templateName}` is not a template name: include templates by file name, e.g. `include \"field-errors.sbn\"`.");
        }

        return templateName;
    }

    protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext)
    {
        var found = _templates.Find(_theme, templatePath, _folder)
            ?? throw new ScriptRuntimeException(callerContext?.Span ?? default, $"There is no HTML template named `{templatePath}`.");
        if (found.FromFolder)
        {
            UseHostLimits();
        }

        return found.Template;
    }

    /// <summary>Templates are found by <see cref="CreateTemplate"/>; the loader only satisfies Scriban's check that one is set.</summary>
    private sealed class NameOnlyLoader : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            throw new ScriptRuntimeException(callerSpan, $"There is no HTML template named `{templatePath}`.");

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
