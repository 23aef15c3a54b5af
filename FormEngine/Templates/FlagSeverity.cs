namespace FormEngine.Templates;

/// <summary>How urgent a raised flag is; the case summary lists the most severe first.</summary>
public enum FlagSeverity
{
    /// <summary>Worth knowing.</summary>
    Info,

    /// <summary>Needs attention (the default).</summary>
    Concern,

    /// <summary>Needs action now.</summary>
    Urgent,
}
