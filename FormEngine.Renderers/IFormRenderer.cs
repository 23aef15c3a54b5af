using FormEngine.Views;

namespace FormEngine.Renderers;

/// <summary>Turns an evaluated form into one kind of output.</summary>
public interface IFormRenderer
{
    /// <summary>The format's short name, as the command line's <c>--format</c> takes it, e.g. <c>html</c>.</summary>
    string Format { get; }

    /// <summary>The output's media type, e.g. <c>text/html</c>.</summary>
    string MediaType { get; }

    /// <summary>The usual file extension, with its dot, e.g. <c>.html</c>.</summary>
    string FileExtension { get; }

    /// <summary>Writes the form to <paramref name="output"/>. The stream is written to but not closed.</summary>
    /// <param name="form">The evaluated form.</param>
    /// <param name="options">How to render it.</param>
    /// <param name="output">Where to write.</param>
    void Render(FormView form, RenderOptions options, Stream output);
}
