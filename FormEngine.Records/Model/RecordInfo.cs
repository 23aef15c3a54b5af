namespace FormEngine.Records;

/// <summary>What the host says about a new record.</summary>
/// <param name="CaseId">The case (one child or family) the record belongs to; the case is made if it is new.</param>
/// <param name="Kind">What the record is, e.g. <c>assessment</c>, <c>plan</c>, <c>review</c>.</param>
/// <param name="Template">The template its answers are made with.</param>
/// <param name="CreatedBy">Who made it.</param>
/// <param name="RecordId">The record's id, or null for a new unique one.</param>
public sealed record NewRecord(string CaseId, string Kind, TemplateRef Template, string CreatedBy, string? RecordId = null);

/// <summary>A record as it stands: its case, template, latest revision and sign-offs.</summary>
/// <param name="RecordId">The record's id.</param>
/// <param name="CaseId">Its case.</param>
/// <param name="Kind">What the record is.</param>
/// <param name="Template">The template of its latest revision (or the one it was made with).</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="CreatedBy">Who made it.</param>
/// <param name="LatestRevision">Its latest revision's number; 0 before the first save.</param>
/// <param name="SignOffs">Its sign-offs, oldest first.</param>
public sealed record RecordInfo(
    string RecordId,
    string CaseId,
    string Kind,
    TemplateRef Template,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    int LatestRevision,
    IReadOnlyList<SignOff> SignOffs)
{
    /// <summary>True once the record has been signed off: from then on every change is an addendum with a reason.</summary>
    public bool IsLocked => SignOffs.Count > 0;
}
