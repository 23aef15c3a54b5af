using FormEngine.Diagnostics;

namespace FormEngine;

/// <summary>The outcome of loading a template: the template, or the diagnostics that prevent it.</summary>
/// <param name="Template">The compiled template, or null when there were errors.</param>
/// <param name="Diagnostics">Every error and warning, in file, line and column order.</param>
public sealed record TemplateLoadResult(FormTemplate? Template, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the template loaded.</summary>
    public bool Success => Template is not null;

    /// <summary>The template, or a <see cref="TemplateException"/> carrying every diagnostic.</summary>
    /// <returns>The template.</returns>
    public FormTemplate GetTemplateOrThrow() => Template ?? throw new TemplateException(Diagnostics);
}
