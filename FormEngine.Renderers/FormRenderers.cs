using FormEngine.Renderers.Html;
using FormEngine.Renderers.Pdf;
using FormEngine.Renderers.Text;

namespace FormEngine.Renderers;

/// <summary>
/// The renderers available by format name. <see cref="CreateDefault"/> has the built-in ones; a host
/// adds its own with <see cref="Register"/> or replaces a built-in by registering another with the same format.
/// </summary>
public sealed class FormRenderers
{
    private readonly Dictionary<string, IFormRenderer> _renderers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A registry with the built-in renderers.</summary>
    /// <returns>The registry.</returns>
    public static FormRenderers CreateDefault()
    {
        var renderers = new FormRenderers();
        renderers.Register(new HtmlRenderer());
        renderers.Register(new TextRenderer());
        renderers.Register(new PdfRenderer());
        return renderers;
    }

    /// <summary>The registered formats, in name order.</summary>
    public IReadOnlyList<string> Formats => [.. _renderers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Adds a renderer, replacing any with the same format.</summary>
    /// <param name="renderer">The renderer.</param>
    public void Register(IFormRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        _renderers[renderer.Format] = renderer;
    }

    /// <summary>The renderer for a format, or null.</summary>
    /// <param name="format">The format, e.g. <c>html</c>.</param>
    /// <returns>The renderer or null.</returns>
    public IFormRenderer? Find(string format) => _renderers.GetValueOrDefault(format);

    /// <summary>The renderer for a format if it can lay out a case's chronology, or null.</summary>
    /// <param name="format">The format, e.g. <c>pdf</c>.</param>
    /// <returns>The renderer or null.</returns>
    public IChronologyRenderer? FindChronology(string format) => Find(format) as IChronologyRenderer;
}
