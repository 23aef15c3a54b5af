using FormEngine.Diagnostics;

namespace FormEngine.Versions;

/// <summary>What publishing a template did.</summary>
public enum PublishOutcome
{
    /// <summary>The version was published.</summary>
    Published,

    /// <summary>The same version with the same files was already published; nothing changed.</summary>
    AlreadyPublished,

    /// <summary>Publishing was refused (the diagnostics say why); nothing was written.</summary>
    Refused,

    /// <summary>The catalogue folder could not be written; nothing was left behind.</summary>
    NotWritten,
}

/// <summary>The outcome of <see cref="TemplateCatalogue.Publish"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Id">The template's id, or null when it did not load.</param>
/// <param name="Version">The version number, or 0 when the template did not load.</param>
/// <param name="Folder">The version's folder in the catalogue, or null when the template did not load.</param>
/// <param name="Diagnostics">The template's warnings, and why publishing was refused or not written.</param>
public sealed record PublishResult(PublishOutcome Outcome, string? Id, int Version, string? Folder, IReadOnlyList<Diagnostic> Diagnostics);
