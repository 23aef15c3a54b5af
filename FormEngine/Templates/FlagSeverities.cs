namespace FormEngine.Templates;

/// <summary>The names flag severities have in YAML.</summary>
public static class FlagSeverities
{
    /// <summary>Every severity name, least severe first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["info", "concern", "urgent"];

    /// <summary>Reads a severity name; unknown names are <see cref="FlagSeverity.Concern"/>.</summary>
    public static FlagSeverity Parse(string name) => name switch
    {
        "info" => FlagSeverity.Info,
        "urgent" => FlagSeverity.Urgent,
        _ => FlagSeverity.Concern,
    };

    /// <summary>The YAML name of a severity.</summary>
    public static string NameOf(FlagSeverity severity) => Names[(int)severity];
}
