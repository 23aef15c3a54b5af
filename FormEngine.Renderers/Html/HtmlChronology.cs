using FormEngine.Views;
using Scriban.Runtime;

namespace FormEngine.Renderers.Html;

/// <summary>
/// A case's chronology as an HTML document (<c>chronology.sbn</c> of the theme, or the host's), with the same page
/// furniture as a record: skip link, protective marking inside landmarks, linked stylesheets and scripts, a nonce.
/// </summary>
internal static class HtmlChronology
{
    public static void Render(ChronologyView view, RenderOptions options, HtmlTemplates templates, HtmlTemplateLimits limits, string? stylesheetHref, TextWriter writer)
    {
        using var timeout = options.TemplateFolder is null ? null : new CancellationTokenSource(limits.Timeout);
        var compiled = templates.Get(options.Theme, "chronology.sbn", options.TemplateFolder);
        var builtins = options.TemplateFolder is null ? templates.SharedBuiltins : HtmlTemplateContext.CreateBuiltins();
        var context = new HtmlTemplateContext(templates, options.Theme, options.TemplateFolder, builtins, limits, timeout?.Token ?? CancellationToken.None);
        if (compiled.FromFolder)
        {
            context.UseHostLimits();
        }

        context.PushGlobal(Model(view, options, stylesheetHref));
        context.PushOutput(new WriterOutput(writer));
        HtmlRenderContext.Run(compiled, context, limits);
    }

    private static ScriptObject Model(ChronologyView view, RenderOptions options, string? stylesheetHref)
    {
        var words = view.Words;
        return new ScriptObject
        {
            ["mode"] = "chronology",
            ["theme"] = options.Theme,
            ["language"] = view.LanguageTag,
            ["title"] = words.Chronology.Title,
            ["document_kind"] = words.Chronology.Title,
            ["document_date"] = words.Date(options.DocumentDate ?? view.Today),
            ["case_reference"] = options.CaseReference ?? view.CaseId,
            ["protective_marking"] = options.ProtectiveMarking,
            ["fragment"] = options.Fragment,
            ["stylesheets"] = HtmlModels.Stylesheets(stylesheetHref, options),
            ["scripts"] = options.Scripts.ToList(),
            ["frontend_init"] = HtmlModels.FrontendInit(options),
            ["nonce"] = options.Nonce,
            ["styles"] = options.Fragment ? null : Styles(options),
            ["words"] = HtmlWording.Model(words),
            ["rows"] = view.Rows.Select(row => new ScriptObject
            {
                ["kind"] = Kebab(row.Kind),
                ["when"] = row.When,
                ["record"] = row.Record,
                ["event"] = row.Event,
                ["details"] = row.Details(words.Chronology),
                ["by"] = row.By,
            }).ToList(),
        };
    }

    /// <summary>The theme's stylesheet and, where the theme has one, the chronology's own (its table), inline like a record's.</summary>
    private static HtmlMarkup? Styles(RenderOptions options)
    {
        var css = new[] { "style.css", "chronology.css" }.Select(name => HtmlTemplates.ReadText(options.Theme, name, options.TemplateFolder)?.TrimEnd()).OfType<string>().ToList();
        return css.Count == 0 ? null : new HtmlMarkup(string.Join("\n", css) + "\n");
    }

    /// <summary>The event's kind as a class name: <c>flag-raised</c>.</summary>
    private static string Kebab(ChronologyEntryKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
