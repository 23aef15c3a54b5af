namespace FormEngine.Rules;

/// <summary>One question (or repeat group) of a template that a rule can read.</summary>
public sealed class RuleSymbol
{
    /// <summary>Creates a symbol.</summary>
    /// <param name="id">A dense index chosen by the caller, used by its <see cref="IRuleData"/> to find values quickly.</param>
    /// <param name="path">The canonical dotted path, e.g. <c>child.dob</c> or <c>household.members.age</c>.</param>
    /// <param name="type">The type of one answer: choice is text, multichoice is a list of text, a repeat group is <see cref="RuleType.Group"/>.</param>
    /// <param name="group">The enclosing repeat group, or null when the question is not inside a repeat.</param>
    /// <param name="label">The question's label, used when a rule is explained or described.</param>
    public RuleSymbol(int id, string path, RuleType type, RuleSymbol? group = null, string? label = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(type);
        if (group is not null && group.Type.Kind != RuleTypeKind.Group)
        {
            throw new ArgumentException($"The enclosing group `{group.Path}` is not a repeat group.", nameof(group));
        }

        Id = id;
        Path = path;
        Type = type;
        Group = group;
        Label = label;
        var dot = path.LastIndexOf('.');
        Name = dot < 0 ? path : path[(dot + 1)..];
        Depth = group is null ? 0 : group.Depth + 1;
    }

    /// <summary>The caller's dense index for this symbol.</summary>
    public int Id { get; }

    /// <summary>The canonical dotted path, e.g. <c>child.dob</c>.</summary>
    public string Path { get; }

    /// <summary>The last segment of <see cref="Path"/>.</summary>
    public string Name { get; }

    /// <summary>The type of one answer to this question.</summary>
    public RuleType Type { get; }

    /// <summary>The enclosing repeat group, or null when the question is not inside a repeat.</summary>
    public RuleSymbol? Group { get; }

    /// <summary>The question's label, for explanations and descriptions; null when unknown.</summary>
    public string? Label { get; }

    /// <summary>
    /// The values a choice or multiple-choice question's answer can take; empty for other questions. Lets a
    /// rule check tell a choice written without quotes (<c>= yes</c>) from a question id it does not know.
    /// </summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>How many repeat groups enclose this symbol (0 at top level).</summary>
    internal int Depth { get; }

    /// <summary>Returns the path, which is how rules refer to the symbol.</summary>
    /// <returns>The path.</returns>
    public override string ToString() => Path;
}
