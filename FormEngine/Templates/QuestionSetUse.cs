using FormEngine.Diagnostics;

namespace FormEngine.Templates;

/// <summary>
/// Where a question came from when a <c>use:</c> put a question set's questions into a section or repeat
/// group. Rules in the set name the set's own questions by their bare ids; <paramref name="ParentPath"/>
/// says whose questions those are at this use.
/// </summary>
/// <param name="Name">The set's name under <c>question_sets:</c>.</param>
/// <param name="At">The <c>use:</c> line.</param>
/// <param name="ParentPath">The section or repeat group the set's questions were put into, e.g. <c>child</c> or <c>household.members</c>.</param>
/// <param name="Ids">The ids of the questions this use put there (those of sets it uses in turn included).</param>
internal sealed record QuestionSetUse(string Name, SourceLocation At, string ParentPath, IReadOnlySet<string> Ids)
{
    /// <summary>Words that tie a diagnostic inside the set to this use of it.</summary>
    public string Describe() => $"(in question set `{Name}` as used in `{ParentPath}` at {At})";
}
