namespace FormEngine.Renderers.Html;

/// <summary>
/// Safety limits for HTML templates read from <see cref="RenderOptions.TemplateFolder"/>. A host's template
/// is code from outside the library: a mistake such as an endless loop must stop with a clear error, not hang
/// a server. Built-in templates are trusted and run without these limits (until they include a host's template).
/// A limit that is reached fails the whole render with an <see cref="HtmlTemplateException"/>; output is never
/// cut short.
/// </summary>
public sealed record HtmlTemplateLimits
{
    /// <summary>The most iterations one loop may run (default 10,000: ample for any real choice list or repeat group).</summary>
    public int LoopLimit { get; init; } = 10_000;

    /// <summary>The deepest nesting of function calls and includes (default 64).</summary>
    public int RecursiveLimit { get; init; } = 64;

    /// <summary>The longest string a template may build with string operations (default 1 MiB).</summary>
    public int LimitToString { get; init; } = 1024 * 1024;

    /// <summary>The longest a regular expression in a template may run (default 1 second).</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The most characters one template may write (default 16 MiB).</summary>
    public int OutputLimit { get; init; } = 16 * 1024 * 1024;

    /// <summary>The longest a whole rendering may take when it uses templates from a folder (default 10 seconds).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}
