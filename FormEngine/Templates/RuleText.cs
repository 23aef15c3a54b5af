using FormEngine.Diagnostics;

namespace FormEngine.Templates;

/// <summary>The text of a rule as written in the template, and where it was written.</summary>
/// <param name="Source">The rule, e.g. <c>child.has_disability = 'yes'</c>.</param>
/// <param name="Location">Where the rule's text starts in its YAML file.</param>
public sealed record RuleText(string Source, SourceLocation Location)
{
    /// <summary>The YAML scalar the rule was read from, used to map positions inside the rule to the file.</summary>
    internal Yaml.YamlScalar? Scalar { get; init; }

    /// <summary>The file position of a 0-based offset inside the rule's text.</summary>
    internal SourceLocation LocationOf(int offset, int length)
    {
        if (Scalar is null)
        {
            return Location with { Column = Location.Column + offset, Length = Math.Max(1, length) };
        }

        var (line, column) = Yaml.ScalarPositions.Map(Scalar, offset);
        return new SourceLocation(Location.File, line, column, Math.Max(1, length));
    }

    /// <inheritdoc/>
    public override string ToString() => Source;
}
