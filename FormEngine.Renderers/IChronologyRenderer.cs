using FormEngine.Views;

namespace FormEngine.Renderers;

/// <summary>
/// A renderer that can also lay out a case's chronology (<see cref="ChronologyView"/>): a document of its own kind,
/// made from a records store's history and already cut to what its reader may see. The built-in HTML, PDF and text
/// renderers are such renderers; find one with <see cref="FormRenderers.FindChronology"/>.
/// </summary>
public interface IChronologyRenderer
{
    /// <summary>The format's short name, e.g. <c>pdf</c>.</summary>
    string Format { get; }

    /// <summary>Writes the chronology to <paramref name="output"/>. The stream is written to but not closed.</summary>
    /// <param name="chronology">The chronology as its reader may see it.</param>
    /// <param name="options">How to render it; its mode is not used.</param>
    /// <param name="output">Where to write.</param>
    void RenderChronology(ChronologyView chronology, RenderOptions options, Stream output);
}
