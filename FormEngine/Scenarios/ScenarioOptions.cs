using FormEngine.Evaluation;

namespace FormEngine.Scenarios;

/// <summary>Settings for running scenarios.</summary>
public sealed record ScenarioOptions
{
    /// <summary>
    /// Renders a session as a record for <c>approved:</c> expectations. It is given the approved file's
    /// extension (<c>.md</c>, <c>.html</c>...) to choose the format; the command line renders <c>.html</c>
    /// as HTML and anything else as text. When null, scenarios with approved renderings fail with a
    /// message saying so.
    /// </summary>
    public Func<FormSession, string, string>? RenderForApproval { get; init; }

    /// <summary>When true, <c>approved:</c> files that differ or are missing are (re)written instead of failing.</summary>
    public bool UpdateApproved { get; init; }

    /// <summary>Limits and display settings for loading the templates under test.</summary>
    public TemplateLoadOptions LoadOptions { get; init; } = TemplateLoadOptions.Default;
}
