using FormEngine.Views;

namespace FormEngine.Renderers;

/// <summary>Asynchronous rendering for any <see cref="IFormRenderer"/>.</summary>
public static class FormRendererExtensions
{
    /// <summary>
    /// Renders the form and writes it to <paramref name="output"/> with asynchronous writes only, for a stream
    /// that refuses synchronous ones (ASP.NET Core's response body). The rendering itself is synchronous work
    /// on the calling thread; its output is held in pooled 64 KiB blocks (never one large array) and copied
    /// once it is complete, so a rendering that fails writes nothing and the caller can still answer with an error.
    /// The stream is written to but not closed.
    /// </summary>
    /// <param name="renderer">The renderer.</param>
    /// <param name="form">The evaluated form.</param>
    /// <param name="options">How to render it.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="cancellationToken">Stops the copy (for example when the client goes away).</param>
    /// <returns>The number of bytes written.</returns>
    public static async Task<long> RenderAsync(this IFormRenderer renderer, FormView form, RenderOptions options, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        await using var buffer = new PooledBufferStream();
        renderer.Render(form, options, buffer);
        await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return buffer.Length;
    }
}
