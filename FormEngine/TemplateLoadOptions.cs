using FormEngine.Rules;

namespace FormEngine;

/// <summary>Limits and settings for loading templates. The defaults suit any real template many times over.</summary>
public sealed record TemplateLoadOptions
{
    /// <summary>The default options.</summary>
    public static TemplateLoadOptions Default { get; } = new();

    /// <summary>Largest template file read, in bytes (default 4 MiB). Larger files get a diagnostic and are not parsed.</summary>
    public long MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of YAML blocks and lists (default 64).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most YAML nodes in one file (default 200,000).</summary>
    public int MaxNodes { get; init; } = 200_000;

    /// <summary>Longest chain of files including each other (default 16).</summary>
    public int MaxIncludeDepth { get; init; } = 16;

    /// <summary>
    /// When set, file names in diagnostics and rule locations are written relative to this folder
    /// (for example a council's template repository), so they read the same on every machine.
    /// When null, the path is shown as it was given to the loader.
    /// </summary>
    public string? DisplayBase { get; init; }

    /// <summary>
    /// The catalogue of published versions, when there is one: a template's <c>migrations:</c> are then checked
    /// against the questions of the earlier versions they start from, and a <c>from:</c> naming a version never
    /// published is an error. Without it, migrations are checked against this version's questions only.
    /// </summary>
    public Versions.TemplateCatalogue? Catalogue { get; init; }

    // The rules language owns this limit; the loader only passes on a host's choice, so the default is
    // read from there rather than written twice.
    /// <summary>
    /// How the template's rules are evaluated (default <see cref="RuleEvaluationTier.Closures"/>, the quickest to
    /// load). A host that keeps a template loaded and evaluates it very often may choose
    /// <see cref="RuleEvaluationTier.Adaptive"/> (rules evaluated often are compiled to IL) or
    /// <see cref="RuleEvaluationTier.IL"/> (all at once, at load). Every tier gives the same results.
    /// </summary>
    public RuleEvaluationTier RuleTier { get; init; } = RuleEvaluationTier.Closures;

    /// <summary>
    /// Where parsed rules are kept, so that a rule written the same way in several templates or versions is read
    /// once and shared. Each template still checks and compiles every rule against its own questions, so sharing
    /// never changes a result or a diagnostic. When null (the default for a template loaded on its own), each load
    /// shares rules only within itself. A <see cref="Versions.TemplateCatalogue"/> gives all its versions one
    /// cache of its own unless these options name one; pass the same cache to several catalogues, or to
    /// templates loaded one by one, to share between them too.
    /// </summary>
    public RuleSyntaxCache? RuleCache { get; init; }

    /// <summary>Longest rule, in characters (default 10,000, the rules language's own default).</summary>
    public int MaxRuleLength { get; init; } = RuleCompileOptions.Default.MaxLength;
}
