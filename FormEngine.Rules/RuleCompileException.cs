namespace FormEngine.Rules;

/// <summary>Thrown by <see cref="Rule.Compile"/> when a rule has errors; carries all of them.</summary>
public sealed class RuleCompileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="diagnostics">Every diagnostic of the rule.</param>
    public RuleCompileException(IReadOnlyList<RuleDiagnostic> diagnostics)
        : base(FormatMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every diagnostic of the rule, errors and warnings.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }

    private static string FormatMessage(IReadOnlyList<RuleDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return "The rule has errors:" + Environment.NewLine + string.Join(
            Environment.NewLine,
            diagnostics.Select(d => d.Suggestion is null ? d.ToString() : $"{d} {d.Suggestion}"));
    }
}
