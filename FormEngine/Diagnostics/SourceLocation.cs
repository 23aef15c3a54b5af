namespace FormEngine.Diagnostics;

/// <summary>A place in a template file: file, 1-based line and column, and the length of the text there.</summary>
/// <param name="File">The file as given to the loader.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Length">Characters covered, at least 1.</param>
public readonly record struct SourceLocation(string File, int Line, int Column, int Length = 1)
{
    /// <summary>A location for problems that have no position, such as a missing file.</summary>
    public static SourceLocation FileOnly(string file) => new(file, 0, 0, 0);

    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
