namespace FormEngine.Evaluation;

/// <summary>An answer that does not fit the template. It is kept, and written back out unchanged.</summary>
/// <param name="Code">The diagnostic code, e.g. <c>FEA0002</c>.</param>
/// <param name="Path">The answer's path, e.g. <c>household.members[1].age</c>.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record AnswerIssue(string Code, string Path, string Message);
