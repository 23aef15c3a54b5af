using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using FormEngine.Files;
using Scriban;
using Scriban.Runtime;

namespace FormEngine.Renderers.Html;

/// <summary>A compiled template and where it came from.</summary>
/// <param name="Template">The compiled template.</param>
/// <param name="Source">The file it was read from: a full path for a host's template, <c>theme/name</c> for a built-in one.</param>
/// <param name="FromFolder">True for a host's template (run with <see cref="HtmlTemplateLimits"/>).</param>
internal sealed record CompiledTemplate(Template Template, string Source, bool FromFolder);

/// <summary>
/// Finds and compiles templates, once each. A name is looked up in the host's template folder first, then in
/// the theme's built-in templates, then in the plain theme's (so a theme ships only what it changes).
/// Thread-safe; a host's template file changed on disk is read again only by a new <see cref="HtmlRenderer"/>.
/// The built-in templates are compiled once for the process and shared by every renderer: they are part of this
/// assembly and a compiled template is never changed by rendering it.
/// </summary>
internal sealed class HtmlTemplates
{
    private const string ResourcePrefix = "FormEngine.Renderers.Html.Templates.";

    // A page template is a few kilobytes; this is room for any real one, and a bound for a file that is not.
    private const long MaxHostFileBytes = 4 * 1024 * 1024;

    private static readonly Lazy<Dictionary<string, string>> Resources = new(LoadResourceNames);

    private static readonly ConcurrentDictionary<(string Theme, string Name), Lazy<CompiledTemplate?>> BuiltIn = new();

    private static readonly Lazy<ScriptObject> Builtins = new(HtmlTemplateContext.CreateBuiltins);

    private readonly ConcurrentDictionary<(string Theme, string Name, string? Folder), Lazy<CompiledTemplate?>> _cache = new();

    /// <summary>
    /// The built-in functions shared by every render that uses only built-in templates, in every renderer. Those
    /// templates never assign to a built-in object, so sharing between renders and threads reads only.
    /// </summary>
    public ScriptObject SharedBuiltins => Builtins.Value;

    /// <summary>The themes with built-in templates.</summary>
    public static IReadOnlyList<string> Themes { get; } = ["govuk", "plain"];

    /// <summary>The compiled template, or null when no folder or theme has one of that name.</summary>
    public CompiledTemplate? Find(string theme, string name, string? folder) => folder is null
        ? BuiltIn.GetOrAdd((theme, name), key => new Lazy<CompiledTemplate?>(() => Load(key.Theme, key.Name, null))).Value
        : _cache.GetOrAdd((theme, name, folder), key => new Lazy<CompiledTemplate?>(() => Load(key.Theme, key.Name, key.Folder))).Value;

    /// <summary>The compiled template.</summary>
    /// <exception cref="HtmlTemplateException">There is none, or it does not compile.</exception>
    public CompiledTemplate Get(string theme, string name, string? folder) =>
        Find(theme, name, folder) ?? throw new HtmlTemplateException(name, $"There is no HTML template named `{name}` in the {theme} theme{(folder is null ? string.Empty : $" or in {folder}")}.");

    /// <summary>The text of a built-in or host file that is not a template (the plain theme's stylesheet), or null.</summary>
    public static string? ReadText(string theme, string name, string? folder)
    {
        if (folder is not null && IsSafeName(name) && ReadHostFile(Path.Combine(folder, name)) is { } text)
        {
            return text;
        }

        return ReadResource(theme, name) ?? ReadResource("plain", name);
    }

    /// <summary>True for a bare file name: templates can include only templates beside them, never a path.</summary>
    public static bool IsSafeName(string name) =>
        name.Length is > 0 and <= 100 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static CompiledTemplate? Load(string theme, string name, string? folder)
    {
        if (!IsSafeName(name))
        {
            throw new HtmlTemplateException(name, $"`{name}` is not a template name: use a file name such as `question-date.sbn`, without folders.");
        }

        if (folder is not null)
        {
            var path = Path.GetFullPath(Path.Combine(folder, name));
            if (ReadHostFile(path) is { } text)
            {
                return Compile(text, path, fromFolder: true);
            }
        }

        foreach (var source in theme == "plain" ? ["plain"] : new[] { theme, "plain" })
        {
            if (ReadResource(source, name) is { } text)
            {
                return Compile(text, $"{source}/{name}", fromFolder: false);
            }
        }

        return null;
    }

    /// <summary>
    /// A host's file, or null when there is none (the built-in one is used). A file that is there but cannot
    /// be read (too large, not text, a device or FIFO) is an error: falling back would hide the host's mistake.
    /// </summary>
    private static string? ReadHostFile(string path)
    {
        var read = InputFiles.ReadText(path, path, MaxHostFileBytes, "HTML template");
        return read.Problem switch
        {
            InputFileProblem.None => read.Text!.ReplaceLineEndings("\n"),
            InputFileProblem.NotFound => null,
            _ => throw new HtmlTemplateException(path, read.Message + (read.Suggestion is null ? string.Empty : " " + read.Suggestion)),
        };
    }

    private static CompiledTemplate Compile(string text, string source, bool fromFolder)
    {
        var template = Template.Parse(text.ReplaceLineEndings("\n"), source);
        if (template.HasErrors)
        {
            var messages = string.Join("\n", template.Messages.Select(m => m.ToString()));
            throw new HtmlTemplateException(source, $"The HTML template {source} has errors:\n{messages}");
        }

        return new CompiledTemplate(template, source, fromFolder);
    }

    internal static string? ReadResource(string theme, string name)
    {
        if (!Resources.Value.TryGetValue($"{theme}/{name}", out var resource))
        {
            return null;
        }

        using var stream = typeof(HtmlTemplates).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    // Resource names carry the folder separator of the machine that built them; map both to `theme/name`.
    private static Dictionary<string, string> LoadResourceNames() =>
        typeof(HtmlTemplates).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(n => n[ResourcePrefix.Length..].Replace('\\', '/'), n => n, StringComparer.Ordinal);
}
