namespace FormEngine.Diagnostics;

/// <summary>Collects diagnostics during one pass so that every problem is reported at once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.IsError);

    /// <summary>Reports a problem with the severity its descriptor gives.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceLocation at, string message, string? suggestion = null) =>
        _items.Add(descriptor.At(at, message, suggestion));

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Diagnostics in file, line and column order, so output is stable and reads top to bottom.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
}
