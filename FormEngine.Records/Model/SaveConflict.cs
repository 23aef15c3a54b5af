namespace FormEngine.Records;

/// <summary>
/// A path that a save could not merge because someone else changed it since the save's starting revision:
/// what it holds now and what the save wanted, so a host can show both and let the user choose.
/// </summary>
/// <param name="Path">The answer's path.</param>
/// <param name="CurrentJson">The value in the latest revision, as JSON text, or null when it has none.</param>
/// <param name="SavingJson">The value the refused save held, as JSON text, or null when it removed the answer.</param>
public sealed record SaveConflict(string Path, string? CurrentJson, string? SavingJson);
