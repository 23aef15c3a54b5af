namespace FormEngine.Rules;

/// <summary>How serious a diagnostic is.</summary>
public enum RuleSeverity
{
    /// <summary>The rule cannot be compiled.</summary>
    Error,

    /// <summary>The rule compiles but probably does not do what the author meant.</summary>
    Warning,
}
