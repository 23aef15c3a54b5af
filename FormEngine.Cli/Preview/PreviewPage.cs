using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using FormEngine.Diagnostics;
using FormEngine.Evaluation;
using FormEngine.Files;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Templates;
using FormEngine.Views;

namespace FormEngine.Cli.Preview;

/// <summary>
/// Builds the preview page: FormEngine's own HTML rendering of the form, with the preview's tools around it
/// (settings, downloads, the template's errors, the live region that announces what appeared, and the
/// explain panel). Everything the template or the author supplied is HTML-encoded.
/// </summary>
internal static partial class PreviewPage
{
    private static readonly ConditionalWeakTable<FormTemplate, RevealMap> RevealMaps = [];

    public static readonly IReadOnlyList<string> Themes = ["plain", "govuk"];

    public static readonly IReadOnlyList<OutputMode> Modes = [OutputMode.Form, OutputMode.Record, OutputMode.Blank, OutputMode.Audit];

    /// <summary>The session of the template the page shows, or null when no version of it has loaded.</summary>
    public static FormSession? OpenSession(TemplateSnapshot snapshot, PreviewState state, DateOnly today) =>
        snapshot.LastGood is { } template ? FormSession.Open(template, state.AnswersFor(template), new FormSessionOptions { Today = today }) : null;

    /// <summary>The view for the browser's audience and language; a choice the template no longer has falls back to the default.</summary>
    public static FormView BuildView(FormSession session, PreviewState state)
    {
        var definition = session.Template.Definition;
        if (state.Audience is not null && !definition.Audiences.Contains(state.Audience, StringComparer.Ordinal))
        {
            state.Audience = null;
        }

        if (state.Language is not null && !definition.Languages.Contains(state.Language, StringComparer.Ordinal))
        {
            state.Language = null;
        }

        return FormViewBuilder.Build(session, new ViewOptions { Audience = state.Audience, Language = state.Language });
    }

    public static string Render(TemplateSnapshot snapshot, PreviewState state, PreviewContext context, string? explainPath)
    {
        var session = OpenSession(snapshot, state, context.Today);
        var chrome = Chrome(snapshot, state, context, session, explainPath);
        state.Announcement = null;
        state.Message = null;
        if (session is null)
        {
            return $"""
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>Template errors – FormEngine preview</title>
                {Head}
                </head>
                <body>
                {chrome.Top}
                <main><h1>The template has not loaded yet</h1><p>Fix the errors above and save the file: this page reloads by itself.</p></main>
                {chrome.Bottom}
                </body>
                </html>
                """;
        }

        var view = BuildView(session, state);
        var renderer = new HtmlRenderer();
        renderer.Elements.Override(new PreviewElementRenderer([.. renderer.Elements]));
        var html = renderer.RenderToString(view, new RenderOptions { Mode = state.Mode, Theme = state.Theme, FormAction = "/answers", ShowErrors = true });
        if (state.Mode == OutputMode.Form)
        {
            html = AddRevealAttributes(html, session, state, view);
        }

        html = HeadEnd().Replace(html, Head + "\n</head>", 1);
        html = BodyStart().Replace(html, m => m.Value + "\n" + chrome.Top, 1);
        var end = html.LastIndexOf("</body>", StringComparison.Ordinal);
        return html[..end] + chrome.Bottom + "\n" + html[end..];
    }

    private const string Head = """
        <link rel="stylesheet" href="/_preview/preview.css" />
        <script src="/_preview/preview.js" defer="defer"></script>
        """;

    /// <summary>
    /// Points each radio and checkbox that reveals something at what it reveals. <c>aria-controls</c> names
    /// only elements on the page (an id that is not there would be an error); checkboxes also say
    /// <c>aria-expanded</c>. Radios do not: ARIA does not allow <c>aria-expanded</c> on the radio role, which is
    /// the WCAG 4.1.2 failure of the usual conditional-reveal pattern; the live region announces the change instead.
    /// </summary>
    private static string AddRevealAttributes(string html, FormSession session, PreviewState state, FormView view)
    {
        var template = session.Template;
        // What an option reveals is worked out by trying it; only what this reader may see takes part, or
        // whether an option reveals anything could tell them a withheld answer.
        var seen = view.AllElements().Where(e => !e.Withheld && e is not QuestionView { Display: false }).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var map = RevealMaps.GetValue(template, t => new RevealMap(t));
        var scratch = FormSession.Open(template, state.AnswersFor(template), new FormSessionOptions { Today = session.Today });
        var answers = session.ToJson();
        var byInput = new Dictionary<(string Name, string Value), (IReadOnlyList<string> Present, bool Reveals)>();
        foreach (var controller in map.Controllers)
        {
            if (template.Find(controller) is not Question { Type: QuestionType.Choice or QuestionType.MultiChoice or QuestionType.Boolean } question || !session.IsVisible(controller))
            {
                continue;
            }

            var current = answers[controller.Split('.')[0]]?[question.Id];
            foreach (var (value, all) in map.RevealedByOption(scratch, question, current))
            {
                var revealed = all.Where(seen.Contains).ToList();
                var present = revealed.Where(session.IsVisible).Select(ElementId).Where(id => html.Contains($"id=\"{id}\"", StringComparison.Ordinal)).ToList();
                byInput[(controller, value)] = (present, revealed.Count > 0);
            }
        }

        if (byInput.Count == 0)
        {
            return html;
        }

        return InputTag().Replace(html, match =>
        {
            var tag = match.Value;
            var type = Attribute(tag, "type");
            if (type is not ("radio" or "checkbox") || Attribute(tag, "name") is not { } name || Attribute(tag, "value") is not { } value
                || !byInput.TryGetValue((name, value), out var reveal) || !reveal.Reveals)
            {
                return tag;
            }

            var extra = new StringBuilder();
            var isChecked = tag.Contains("checked=", StringComparison.Ordinal);
            if (reveal.Present.Count > 0 && isChecked)
            {
                extra.Append($" aria-controls=\"{WebUtility.HtmlEncode(string.Join(' ', reveal.Present))}\"");
            }

            if (type == "checkbox")
            {
                extra.Append($" aria-expanded=\"{(isChecked && reveal.Present.Count > 0 ? "true" : "false")}\"");
            }

            var close = tag.EndsWith("/>", StringComparison.Ordinal) ? tag.Length - 2 : tag.Length - 1;
            return tag[..close].TrimEnd() + extra + " " + tag[close..];
        });
    }

    /// <summary>The id of a section (its own) or of a question (the preview's container around it).</summary>
    private static string ElementId(string path) => path.Contains('.', StringComparison.Ordinal) ? PreviewElementRenderer.ContainerId(path) : HtmlText.FieldId(path);

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private static (string Top, string Bottom) Chrome(TemplateSnapshot snapshot, PreviewState state, PreviewContext context, FormSession? session, string? explainPath)
    {
        var top = new StringBuilder();
        top.Append($"<aside class=\"fe-preview\" aria-label=\"Preview tools\" data-preview-reload=\"{snapshot.Reload}\">\n");
        // The template's own `version:`, as its author wrote it; how often the file was reloaded means nothing to them.
        var version = snapshot.LastGood is { } shown ? $" (version {shown.Version})" : string.Empty;
        top.Append($"<p class=\"fe-preview-title\">FormEngine preview of <code>{E(context.DisplayPath)}</code>{version}. Saving the file reloads this page.</p>\n");
        if (session is not null)
        {
            Settings(top, session.Template.Definition, state);
            top.Append("<p class=\"fe-preview-links\"><a href=\"/download.pdf\">Download the PDF</a> <a href=\"/answers.json\">Download the answers (JSON)</a></p>\n");
            top.Append("""
                <form class="fe-preview-upload" method="post" action="/upload" enctype="multipart/form-data">
                <label for="fe-preview-file">Load an answers file</label>
                <input type="file" id="fe-preview-file" name="answers" accept=".json,application/json" />
                <button type="submit" class="fe-preview-button">Load answers</button>
                </form>
                <form class="fe-preview-reset" method="post" action="/reset"><button type="submit" class="fe-preview-button fe-preview-button--secondary">Clear all answers</button></form>

                """);
        }

        if (state.Message is { } message)
        {
            top.Append($"<p class=\"fe-preview-message\" role=\"alert\">{E(message)}</p>\n");
        }

        top.Append($"<div id=\"fe-preview-status\" class=\"fe-preview-status\" role=\"status\" aria-live=\"polite\">{E(state.Announcement ?? string.Empty)}</div>\n");
        top.Append("</aside>\n");
        if (snapshot.Diagnostics.Any(d => d.IsError || DiagnosticCatalogue.IsAlwaysShown(d)))
        {
            Problems(top, snapshot, context);
        }

        var bottom = new StringBuilder();
        if (session is not null)
        {
            Explain(bottom, session, state, explainPath);
        }

        return (top.ToString(), bottom.ToString());
    }

    private static void Settings(StringBuilder html, TemplateDefinition definition, PreviewState state)
    {
        html.Append("<form class=\"fe-preview-settings\" method=\"post\" action=\"/settings\">\n");
        Select(html, "audience", "Audience", [("", "Everyone"), .. definition.Audiences.Select(a => (a, a))], state.Audience ?? string.Empty);
        Select(html, "language", "Language", [.. definition.Languages.Select(l => (l, LanguageName(l)))], state.Language ?? definition.DefaultLanguage);
        Select(html, "theme", "Theme", [.. Themes.Select(t => (t, t))], state.Theme);
        Select(html, "mode", "Mode", [.. Modes.Select(m => (ModeName(m), ModeName(m)))], ModeName(state.Mode));
        html.Append("<button type=\"submit\" class=\"fe-preview-button\">Show</button>\n</form>\n");
    }

    private static void Select(StringBuilder html, string name, string label, IReadOnlyList<(string Value, string Label)> options, string selected)
    {
        html.Append($"<span class=\"fe-preview-field\"><label for=\"fe-preview-{name}\">{label}</label> <select id=\"fe-preview-{name}\" name=\"{name}\">");
        foreach (var (value, text) in options)
        {
            html.Append($"<option value=\"{E(value)}\"{(value == selected ? " selected=\"selected\"" : string.Empty)}>{E(text)}</option>");
        }

        html.Append("</select></span>\n");
    }

    /// <summary>
    /// Errors, and beside them the warnings that mean the template does not do what was written (a rule that
    /// can never hold, a question withheld from its readers): the mistakes an author most needs to see, which
    /// would otherwise only be on the terminal.
    /// </summary>
    private static void Problems(StringBuilder html, TemplateSnapshot snapshot, PreviewContext context)
    {
        var problems = snapshot.Diagnostics.Where(d => d.IsError || DiagnosticCatalogue.IsAlwaysShown(d)).ToList();
        var errors = problems.Count(d => d.IsError);
        var warnings = problems.Count - errors;
        var counted = new List<string>();
        if (errors > 0)
        {
            counted.Add($"{errors} {(errors == 1 ? "error" : "errors")}");
        }

        if (warnings > 0)
        {
            counted.Add($"{warnings} {(warnings == 1 ? "warning" : "warnings")} to look at");
        }

        html.Append($"<section class=\"fe-preview-errors{(errors == 0 ? " fe-preview-errors--warnings" : string.Empty)}\" aria-labelledby=\"fe-preview-errors-title\">\n");
        html.Append($"<h2 id=\"fe-preview-errors-title\">The template has {string.Join(" and ", counted)}</h2>\n<ol>\n");
        foreach (var diagnostic in problems)
        {
            var where = diagnostic.Line > 0 ? $"{diagnostic.File}:{diagnostic.Line}:{diagnostic.Column}" : diagnostic.File;
            var severity = diagnostic.IsError ? "error" : "warning";
            html.Append($"<li class=\"fe-preview-{severity}\"><p><strong class=\"fe-preview-where\">{E(where)}</strong> <span class=\"fe-preview-code\">{severity} {E(diagnostic.Code)}</span> {E(diagnostic.Message)}</p>\n");
            if (diagnostic.Suggestion is { } suggestion)
            {
                html.Append($"<p class=\"fe-preview-suggestion\">{E(suggestion)}</p>\n");
            }

            if (SourceLine(diagnostic, context) is { } line)
            {
                var caret = new string(' ', Math.Clamp(diagnostic.Column - 1, 0, line.Length)) + new string('^', Math.Clamp(diagnostic.Length, 1, 80));
                html.Append($"<pre class=\"fe-preview-source\"><code><span class=\"fe-preview-lineno\">{diagnostic.Line,5} | </span>{E(line)}\n<span class=\"fe-preview-lineno\">      | </span><span class=\"fe-preview-caret\">{E(caret)}</span></code></pre>\n");
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>\n");
        html.Append(errors == 0 ? "<p>The form below works, but does not do what the template says in these places.</p>\n"
            : snapshot.LastGood is null ? "<p>No version of this template has loaded yet.</p>\n"
            : "<p>Below is the last version that loaded, still usable while you fix these.</p>\n");
        html.Append("</section>\n");
    }

    /// <summary>The line a diagnostic points at, read from its file (the template's folder first), or null.</summary>
    private static string? SourceLine(Diagnostic diagnostic, PreviewContext context)
    {
        if (diagnostic.Line <= 0 || string.IsNullOrEmpty(diagnostic.File))
        {
            return null;
        }

        foreach (var candidate in new[] { Path.Combine(context.DisplayBase, diagnostic.File), Path.Combine(context.Folder, diagnostic.File) })
        {
            // A file that cannot be read (or is not a regular file) just shows no source line.
            if (InputFiles.ReadText(candidate, diagnostic.File, 4 * 1024 * 1024, "template file").Text is { } text)
            {
                var line = text.Split('\n').Skip(diagnostic.Line - 1).FirstOrDefault()?.TrimEnd('\r');
                return line is null ? null : line.Length > 300 ? line[..300] + "…" : line;
            }
        }

        return null;
    }

    private static void Explain(StringBuilder html, FormSession session, PreviewState state, string? explainPath)
    {
        html.Append("<section id=\"explain\" class=\"fe-preview-explain\" aria-labelledby=\"explain-title\">\n<h2 id=\"explain-title\">Why is it shown or hidden?</h2>\n");
        html.Append("<form method=\"get\" action=\"/\"><label for=\"fe-preview-explain-path\">Section or question</label> <select id=\"fe-preview-explain-path\" name=\"explain\">");
        foreach (var (path, label) in ExplainablePaths(BuildView(session, state)))
        {
            html.Append($"<option value=\"{E(path)}\"{(path == explainPath ? " selected=\"selected\"" : string.Empty)}>{E(path)}{(label.Length > 0 ? " – " + E(label) : string.Empty)}</option>");
        }

        html.Append("</select> <button type=\"submit\" class=\"fe-preview-button\">Explain</button></form>\n");
        if (explainPath is not null)
        {
            html.Append($"<pre class=\"fe-preview-trace\" id=\"fe-preview-trace\">{E(ExplainText(session, state, explainPath))}</pre>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>Explain's trace for a path as the chosen audience may be told it, or what is wrong with the path.</summary>
    public static string ExplainText(FormSession session, PreviewState state, string path)
    {
        try
        {
            BuildView(session, state);
            return FormViewBuilder.Explain(session, path, new ViewOptions { Audience = state.Audience, Language = state.Language }).ToString();
        }
        catch (ArgumentException ex)
        {
            return ex.Message.Split(" (Parameter")[0];
        }
    }

    /// <summary>Every section and question the chosen audience has, with item indexes for the items a repeat group has now.</summary>
    public static IEnumerable<(string Path, string Label)> ExplainablePaths(FormView view) =>
        view.AllElements().Select(e => (e.Path, e.Label));

    public static string ModeName(OutputMode mode) => mode.ToString().ToLowerInvariant();

    private static string LanguageName(string tag) => LanguageNames.ForChoosing(tag);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex("</head>", RegexOptions.IgnoreCase)]
    private static partial Regex HeadEnd();

    [GeneratedRegex("<body\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyStart();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();
}

/// <summary>What every page of one preview server shares.</summary>
/// <param name="DisplayPath">The template's path as the author gave it.</param>
/// <param name="Folder">The template's folder.</param>
/// <param name="Today">The evaluation date.</param>
/// <param name="DisplayBase">The folder diagnostics' file names are relative to.</param>
internal sealed record PreviewContext(string DisplayPath, string Folder, DateOnly Today, string DisplayBase);
