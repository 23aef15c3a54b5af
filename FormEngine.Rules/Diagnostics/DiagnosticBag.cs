namespace FormEngine.Rules.Diagnostics;

/// <summary>Collects the diagnostics of one rule, turning offsets into line and column.</summary>
internal sealed class DiagnosticBag(string source)
{
    private readonly List<RuleDiagnostic> _items = [];

    public bool HasErrors { get; private set; }

    public IReadOnlyList<RuleDiagnostic> Items => _items;

    public void Add(DiagnosticDescriptor descriptor, int offset, int length, string message, string? suggestion = null)
    {
        offset = Math.Clamp(offset, 0, source.Length);
        length = Math.Clamp(length, 0, source.Length - offset);
        var (line, column) = SourcePosition.LineAndColumn(source, offset);
        _items.Add(new RuleDiagnostic(descriptor.Code, descriptor.Severity, message, offset, line, column, length, suggestion));
        HasErrors |= descriptor.Severity == RuleSeverity.Error;
    }

    /// <summary>Adds a diagnostic covering a node; a node is always marked at least one character wide.</summary>
    public void Add(DiagnosticDescriptor descriptor, RuleSyntax at, string message, string? suggestion = null) =>
        Add(descriptor, at.Offset, Math.Max(1, at.Length), message, suggestion);

    /// <summary>The diagnostics in order of position (stable for equal positions).</summary>
    public IReadOnlyList<RuleDiagnostic> Sorted() => _items.OrderBy(d => d.Offset).ToArray();
}
