namespace FormEngine.Rules;

/// <summary>
/// A node of a rule's syntax tree, as produced by <see cref="Rule.Parse"/>. The node kinds are internal
/// to the library; use <see cref="Rule.Print"/> to turn a tree back into canonical rule text.
/// </summary>
public abstract class RuleSyntax
{
    private protected RuleSyntax(int offset, int length)
    {
        Offset = offset;
        Length = length;
    }

    /// <summary>The 0-based character offset of the node in the rule text.</summary>
    public int Offset { get; }

    /// <summary>The number of characters the node covers in the rule text.</summary>
    public int Length { get; }

    /// <summary>The node as canonical rule text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Rule.Print(this);
}
