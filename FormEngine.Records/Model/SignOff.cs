namespace FormEngine.Records;

/// <summary>A sign-off of a record: after the first one the record is locked and changes are addenda.</summary>
/// <param name="Revision">The revision that was signed off.</param>
/// <param name="At">When, from the store's clock.</param>
/// <param name="By">Who signed it off, as the host names its users.</param>
/// <param name="Role">In what role, e.g. <c>team manager</c>.</param>
public sealed record SignOff(int Revision, DateTimeOffset At, string By, string Role);
