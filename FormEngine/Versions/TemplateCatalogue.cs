using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using FormEngine.Diagnostics;
using FormEngine.Evaluation;
using FormEngine.Rules;

namespace FormEngine.Versions;

/// <summary>
/// A folder of published template versions, <c>FOLDER/&lt;template id&gt;/&lt;version&gt;/</c>, each with the files
/// published and a <c>manifest.json</c> recording their hashes. A version is checked against its manifest and
/// compiled once, the first time it is asked for, then shared (safe across threads). A record is always read
/// with the version its answers name (<c>$template</c>), so it reads as it did when it was made. Opening a
/// catalogue reads nothing; the versions it compiles share every rule they write alike (see
/// <see cref="TemplateLoadOptions.RuleCache"/>), so a tenth version costs less than the first.
/// </summary>
public sealed class TemplateCatalogue
{
    private readonly ConcurrentDictionary<(string Id, int Version), Lazy<TemplateLoadResult>> _loaded = new();
    private readonly TemplateLoadOptions _options;

    /// <summary>Opens a catalogue folder. Nothing is read until a version is asked for; a folder that does not exist is an empty catalogue.</summary>
    /// <param name="folder">The catalogue's folder.</param>
    /// <param name="options">Limits for loading each version; <see cref="TemplateLoadOptions.Default"/> when null. Without a
    /// <see cref="TemplateLoadOptions.RuleCache"/> the catalogue makes one for its versions to share.</param>
    public TemplateCatalogue(string folder, TemplateLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Folder = folder;
        // Each version's migrations are checked against the earlier versions in this same catalogue, and the
        // versions share their parsed rules: most of a version's rules are written exactly as in the last one.
        options ??= TemplateLoadOptions.Default;
        _options = options with { Catalogue = this, RuleCache = options.RuleCache ?? new RuleSyntaxCache() };
    }

    /// <summary>The catalogue's folder, as given.</summary>
    public string Folder { get; }

    /// <summary>The ids of the templates with at least one published version, in ordinal order.</summary>
    public IReadOnlyList<string> TemplateIds =>
        Directory.Exists(Folder)
            ? [.. Directory.EnumerateDirectories(Folder).Select(Path.GetFileName).OfType<string>().Where(id => Versions(id).Count > 0).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The published versions of a template, lowest first (folders whose name is not a version number are not versions).</summary>
    /// <param name="templateId">The template's id.</param>
    /// <returns>The version numbers; empty when none is published.</returns>
    public IReadOnlyList<int> Versions(string templateId)
    {
        ArgumentNullException.ThrowIfNull(templateId);
        var folder = TemplateFolder(templateId);
        if (folder is null || !Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(folder)
            .Select(Path.GetFileName)
            .Select(name => name is { Length: > 0 } && name[0] != '0' && name.All(char.IsAsciiDigit) && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0)
            .Where(number => number > 0)
            .Order()];
    }

    /// <summary>
    /// A published version, checked against its manifest (every file's hash, then the template's) and compiled
    /// the first time it is asked for; later calls share the same template. Never throws for bad content: a
    /// changed file, a broken manifest or a missing version is a diagnostic naming the file.
    /// </summary>
    /// <param name="templateId">The template's id.</param>
    /// <param name="version">The version number.</param>
    /// <returns>The template, or the diagnostics that stop it being trusted.</returns>
    public TemplateLoadResult Load(string templateId, int version)
    {
        ArgumentNullException.ThrowIfNull(templateId);
        if (TemplateFolder(templateId) is null || !Versions(templateId).Contains(version))
        {
            return NotFound(templateId, version);
        }

        return _loaded.GetOrAdd((templateId, version), key => new Lazy<TemplateLoadResult>(() => PublishedVersion.Load(this, key.Id, key.Version, _options))).Value;
    }

    /// <summary>The latest published version of a template.</summary>
    /// <param name="templateId">The template's id.</param>
    /// <returns>The template, or the diagnostics that stop it loading.</returns>
    public TemplateLoadResult LoadLatest(string templateId)
    {
        ArgumentNullException.ThrowIfNull(templateId);
        var versions = Versions(templateId);
        return versions.Count == 0 ? NotFound(templateId, null) : Load(templateId, versions[^1]);
    }

    /// <summary>The version the answers were made with, as their <c>$template</c> names it.</summary>
    /// <param name="answers">An answers document.</param>
    /// <param name="answersFile">The name diagnostics give the answers.</param>
    /// <returns>The template, or why it cannot be picked: no <c>$template</c>, or one the catalogue does not hold.</returns>
    public TemplateLoadResult LoadFor(JsonObject answers, string answersFile = "answers.json")
    {
        ArgumentNullException.ThrowIfNull(answers);
        var stamp = TemplateStamp.FromAnswers(answers, out var problem);
        if (stamp is null)
        {
            var message = problem ?? $"These answers do not say which template and version made them (they have no `{TemplateStamp.Key}`), so the catalogue cannot pick one.";
            return new TemplateLoadResult(null, [DiagnosticCatalogue.AnswersForAnotherVersion.At(SourceLocation.FileOnly(answersFile), message, "Render them with the template file they were made with instead of `--catalogue`.")]);
        }

        var loaded = Load(stamp.Id, stamp.Version);
        if (loaded.Template is { } template && stamp.Hash is { } hash && hash != template.Hash)
        {
            var warning = DiagnosticCatalogue.AnswersFromOtherFiles.At(SourceLocation.FileOnly(answersFile), $"These answers name version {stamp.Version} of `{stamp.Id}`, but were made with other files under that number (hash {hash}, the published version's is {template.Hash}); they are read with the published files.", "Check the record against the published version. Publish a changed template under a new version number, never reuse one.");
            return loaded with { Diagnostics = [.. loaded.Diagnostics, warning] };
        }

        return loaded;
    }

    /// <summary>Opens a session on answers with the version they name.</summary>
    /// <param name="answers">The answers document, with its <c>$template</c>.</param>
    /// <param name="options">The evaluation date and previous answers.</param>
    /// <returns>The session.</returns>
    /// <exception cref="TemplateException">The version cannot be picked or trusted; it carries every diagnostic.</exception>
    public FormSession OpenSession(JsonObject answers, FormSessionOptions options)
    {
        var template = LoadFor(answers).GetTemplateOrThrow();
        return FormSession.Open(template, answers, options);
    }

    /// <summary>
    /// Migrates answers from the version they name to <paramref name="toVersion"/> (the latest when null), step
    /// by step through every published version between, applying each version's declared migration. Anything
    /// no step carries goes to <c>$archived</c> with its original value; nothing is lost. Answers already at the
    /// target come back unchanged, so migrating twice is the same as once. Never throws for bad input.
    /// </summary>
    /// <param name="answers">The answers document, with its <c>$template</c>.</param>
    /// <param name="today">The date <c>today()</c> and <c>age()</c> read in <c>set</c> rules.</param>
    /// <param name="toVersion">The version to migrate to, or null for the latest.</param>
    /// <param name="answersFile">The name diagnostics give the answers.</param>
    /// <returns>The migrated answers, or why they could not be migrated.</returns>
    public MigrationResult Migrate(JsonObject answers, DateOnly today, int? toVersion = null, string answersFile = "answers.json")
    {
        ArgumentNullException.ThrowIfNull(answers);
        return AnswersMigration.Migrate(this, answers, today, toVersion, answersFile);
    }

    /// <summary>
    /// Publishes a template as a new immutable version: copies it and every file it includes into
    /// <c>FOLDER/&lt;id&gt;/&lt;version&gt;/</c> with its manifest, in one step (a failure leaves nothing behind).
    /// Refused with a diagnostic when the template has errors, when the version exists with other content
    /// (the same content again changes nothing), when it is not higher than the latest published, and when it
    /// changes what stored answers mean without a migration covering it.
    /// </summary>
    /// <param name="templatePath">The template's main file.</param>
    /// <param name="published">The publication date recorded in the manifest.</param>
    /// <returns>What happened, with diagnostics.</returns>
    public PublishResult Publish(string templatePath, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(templatePath);
        return CataloguePublisher.Publish(this, templatePath, published, _options);
    }

    /// <summary>The folder of one version (which may not exist).</summary>
    internal string VersionFolder(string templateId, int version) =>
        Path.Combine(Folder, templateId, version.ToString(CultureInfo.InvariantCulture));

    // An id that could leave the catalogue's folder (`..`, `a/b`) is no template id at all.
    private string? TemplateFolder(string templateId) =>
        Loading.TemplateIds.IsValid(templateId) ? Path.Combine(Folder, templateId) : null;

    private TemplateLoadResult NotFound(string templateId, int? version)
    {
        var versions = TemplateFolder(templateId) is null ? [] : Versions(templateId);
        var what = version is null || versions.Count == 0 ? $"template `{templateId}`" : $"version {version} of `{templateId}`";
        var held = versions.Count > 0
            ? $"It has version{(versions.Count == 1 ? string.Empty : "s")} {string.Join(", ", versions)} of `{templateId}`."
            : TemplateIds is { Count: > 0 } ids ? $"It has {string.Join(", ", ids.Select(id => $"`{id}`"))}." : "It has no published templates.";
        var message = $"The catalogue `{Folder}` has no {what}. {held}";
        return new TemplateLoadResult(null, [DiagnosticCatalogue.NotInCatalogue.At(SourceLocation.FileOnly(Folder), message, "Publish it there with `formengine publish`, or check the catalogue folder.")]);
    }
}
