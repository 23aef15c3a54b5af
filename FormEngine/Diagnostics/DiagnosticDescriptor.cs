namespace FormEngine.Diagnostics;

/// <summary>One kind of problem: its stable code, a one-line description and how serious it is.</summary>
internal sealed record DiagnosticDescriptor(string Code, string Title, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <summary>
    /// True for warnings that mean the template does not do what its author wrote (a rule that can never
    /// hold, a question withheld from readers it was meant for): they are shown whatever the warnings
    /// setting, and shown beside errors in the preview.
    /// </summary>
    public bool AlwaysShown { get; init; }

    /// <summary>This problem at <paramref name="at"/>. A positioned problem spans at least one character, so editors can underline it.</summary>
    public Diagnostic At(SourceLocation at, string message, string? suggestion = null) =>
        new(Code, Severity, message, at.File, at.Line, at.Column, Math.Max(at.Length, at.Line > 0 ? 1 : 0), suggestion);
}
