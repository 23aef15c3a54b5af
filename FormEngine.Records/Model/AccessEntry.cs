namespace FormEngine.Records;

/// <summary>Who is reading a record, for the access log: never holds an answer.</summary>
/// <param name="Reader">The user reading, as the host names its users.</param>
/// <param name="Audience">The audience the record is shown for, e.g. <c>practitioner</c> or <c>parent</c>.</param>
/// <param name="Purpose">Why, e.g. <c>render</c>, <c>export</c>, <c>subject access request</c>.</param>
public sealed record AccessContext(string Reader, string Audience, string Purpose)
{
    internal void Validate()
    {
        RecordsGuard.NotBlank(Reader, "reader");
        RecordsGuard.NotBlank(Audience, "audience");
        RecordsGuard.NotBlank(Purpose, "purpose");
    }
}

/// <summary>One read of a record in the access log. It names the revision read, never its answers.</summary>
/// <param name="CaseId">The record's case.</param>
/// <param name="RecordId">The record read.</param>
/// <param name="Revision">The revision read (0 for a record with no saves).</param>
/// <param name="At">When, from the store's clock.</param>
/// <param name="Reader">Who read it.</param>
/// <param name="Audience">For which audience.</param>
/// <param name="Purpose">Why.</param>
public sealed record AccessEntry(string CaseId, string RecordId, int Revision, DateTimeOffset At, string Reader, string Audience, string Purpose);
