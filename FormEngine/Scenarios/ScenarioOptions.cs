using FormEngine.Views;

namespace FormEngine.Scenarios;

/// <summary>Settings for running scenarios.</summary>
public sealed record ScenarioOptions
{
    /// <summary>
    /// Renders a record for <c>approved:</c> expectations. It is given the view for the scenario's reader
    /// (its <c>audience:</c> and <c>language:</c>, built by the runner so an approved file can never be
    /// rendered for someone else) and the approved file's extension (<c>.md</c>, <c>.html</c>...) to choose
    /// the format; the command line renders <c>.html</c> as HTML and anything else as text. When null,
    /// scenarios with approved renderings fail with a message saying so.
    /// </summary>
    public Func<FormView, string, string>? RenderForApproval { get; init; }

    /// <summary>When true, <c>approved:</c> files that differ or are missing are (re)written instead of failing.</summary>
    public bool UpdateApproved { get; init; }

    /// <summary>Limits and display settings for loading the templates under test.</summary>
    public TemplateLoadOptions LoadOptions { get; init; } = TemplateLoadOptions.Default;
}
