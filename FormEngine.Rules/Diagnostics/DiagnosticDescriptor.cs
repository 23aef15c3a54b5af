namespace FormEngine.Rules.Diagnostics;

/// <summary>One kind of problem: its stable code, a one-line description and its severity.</summary>
internal sealed record DiagnosticDescriptor(string Code, string Title, RuleSeverity Severity = RuleSeverity.Error);
