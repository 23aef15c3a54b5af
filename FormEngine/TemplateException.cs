using FormEngine.Diagnostics;

namespace FormEngine;

/// <summary>Thrown by the throwing variants of the loader; carries every diagnostic, not just the first.</summary>
public sealed class TemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="diagnostics">Every problem found.</param>
    public TemplateException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Describe(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics) =>
        "The template has errors:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics.Where(d => d.IsError));
}
