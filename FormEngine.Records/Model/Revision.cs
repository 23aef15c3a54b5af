using System.Text.Json.Nodes;

namespace FormEngine.Records;

/// <summary>One save of a record, as kept for ever: who, when, with which template, and each answer it changed.</summary>
/// <param name="RecordId">The record.</param>
/// <param name="Number">The revision's number, 1 for the first save.</param>
/// <param name="At">When it was saved, from the store's clock.</param>
/// <param name="Author">Who saved it, as the host names its users.</param>
/// <param name="Template">The template the answers were made with.</param>
/// <param name="BasedOn">The revision the author started from.</param>
/// <param name="Merged">True when others had saved since <paramref name="BasedOn"/> and this save was merged with their changes.</param>
/// <param name="AddendumReason">Why the record was changed after sign-off, or null for a change before it.</param>
/// <param name="Changes">The answers this revision changed, compared with the revision before it.</param>
public sealed record Revision(
    string RecordId,
    int Number,
    DateTimeOffset At,
    string Author,
    TemplateRef Template,
    int BasedOn,
    bool Merged,
    string? AddendumReason,
    IReadOnlyList<AnswerChange> Changes)
{
    /// <summary>True for a change made after the record was signed off.</summary>
    public bool IsAddendum => AddendumReason is not null;
}

/// <summary>A record's answers at one revision.</summary>
/// <param name="RecordId">The record.</param>
/// <param name="Revision">The revision the answers are from; 0 when the record has no saves yet (then the answers are empty).</param>
/// <param name="At">When that revision was saved, or null for revision 0.</param>
/// <param name="Template">The template of that revision.</param>
/// <param name="Answers">The answers document; a copy the caller may change.</param>
public sealed record RecordAnswers(string RecordId, int Revision, DateTimeOffset? At, TemplateRef Template, JsonObject Answers);
