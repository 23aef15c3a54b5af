using FormEngine.Diagnostics;

namespace FormEngine.Templates;

/// <summary>A template as written: everything the YAML says, with positions, before rules are compiled.</summary>
public sealed record TemplateDefinition
{
    /// <summary>The template's id, e.g. <c>single_assessment</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The template's version number; answers record which version they were given against.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The template's title.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>The title in every language the template gives, or null for plain text.</summary>
    public LocalizedText? TitleText { get; init; }

    /// <summary>The languages the template is written in; the first is the default (<c>en</c> when not declared).</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["en"];

    /// <summary>The audiences the template declares (for example practitioner, child, parent); the first is the default. Empty when none are declared.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>The sensitivity levels and which audiences may see answers at each.</summary>
    public IReadOnlyList<SensitivityLevel> SensitivityLevels { get; init; } = [];

    /// <summary>The default language.</summary>
    public string DefaultLanguage => Languages.Count > 0 ? Languages[0] : "en";

    /// <summary>Named choice lists, including those from included files.</summary>
    public IReadOnlyList<ChoiceList> ChoiceLists { get; init; } = [];

    /// <summary>Sections in order, included files' sections where their include appears.</summary>
    public IReadOnlyList<Section> Sections { get; init; } = [];

    /// <summary>Flags the case summary shows when raised.</summary>
    public IReadOnlyList<Flag> Flags { get; init; } = [];

    /// <summary>The audiences the case summary that opens a record is for (<c>case_summary: { audiences: [...] }</c>); null for every audience.</summary>
    public IReadOnlyList<string>? CaseSummaryAudiences { get; init; }

    /// <summary>How the form is split into pages for readers not named in <see cref="PagesByAudience"/> (<c>pages:</c>).</summary>
    public PageSplit Pages { get; init; } = PageSplit.None;

    /// <summary>How the form is split into pages for particular audiences (<c>pages: { parent: question, practitioner: none }</c>).</summary>
    public IReadOnlyDictionary<string, PageSplit> PagesByAudience { get; init; } = new Dictionary<string, PageSplit>();

    /// <summary>How the form is split into pages for one reader.</summary>
    /// <param name="audience">The reader's audience, or null for the template's first.</param>
    /// <returns>The split.</returns>
    public PageSplit PagesFor(string? audience) =>
        (audience ?? Audiences.FirstOrDefault()) is { } reader && PagesByAudience.TryGetValue(reader, out var split) ? split : Pages;

    /// <summary>Every file the template was read from, the main file first.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Every file the template was read from, by its path inside the template's folder, with the hash of its bytes.</summary>
    internal IReadOnlyList<Versions.TemplateFile> HashedFiles { get; init; } = [];

    /// <summary>How answers made with earlier versions become answers of this one (<c>migrations:</c>).</summary>
    internal IReadOnlyList<Migration> Migrations { get; init; } = [];

    /// <summary>Where the template starts.</summary>
    public SourceLocation Location { get; init; }
}
