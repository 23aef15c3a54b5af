using FormEngine.Diagnostics;

namespace FormEngine.Templates;

/// <summary>
/// A level of confidentiality, such as <c>third_party</c> (information about other people) or
/// <c>restricted</c>, and the audiences that may see answers at that level. Everyone else sees a
/// placeholder naming the level, never the answer.
/// </summary>
/// <param name="Id">The level's id.</param>
/// <param name="Label">How the placeholder names it, e.g. "third-party information".</param>
/// <param name="Audiences">The audiences that may see answers at this level.</param>
/// <param name="Location">Where it is declared.</param>
public sealed record SensitivityLevel(string Id, LocalizedText Label, IReadOnlyList<string> Audiences, SourceLocation Location);
