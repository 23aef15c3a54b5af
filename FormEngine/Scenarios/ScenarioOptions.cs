using FormEngine.Evaluation;

namespace FormEngine.Scenarios;

/// <summary>Settings for running scenarios.</summary>
public sealed record ScenarioOptions
{
    /// <summary>
    /// Renders a session as text for <c>approved:</c> expectations (the command line uses the text record
    /// renderer). When null, scenarios with approved renderings fail with a message saying so.
    /// </summary>
    public Func<FormSession, string>? RenderForApproval { get; init; }

    /// <summary>When true, <c>approved:</c> files that differ or are missing are (re)written instead of failing.</summary>
    public bool UpdateApproved { get; init; }

    /// <summary>Limits and display settings for loading the templates under test.</summary>
    public TemplateLoadOptions LoadOptions { get; init; } = TemplateLoadOptions.Default;
}
