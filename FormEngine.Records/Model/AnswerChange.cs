namespace FormEngine.Records;

/// <summary>
/// One answer that changed: its path (<c>child.dob</c>, <c>household.members[0].age</c>, or metadata such as
/// <c>$template.version</c>) with its value before and after, each as JSON text.
/// </summary>
/// <param name="Path">Where the answer is in the answers document.</param>
/// <param name="OldJson">The value before, as JSON text (<c>"2017-03-02"</c>, <c>3</c>, <c>null</c>), or null when there was none.</param>
/// <param name="NewJson">The value after, as JSON text, or null when the answer was removed.</param>
public sealed record AnswerChange(string Path, string? OldJson, string? NewJson);
