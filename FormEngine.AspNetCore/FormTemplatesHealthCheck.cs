using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FormEngine.AspNetCore;

/// <summary>
/// Reports whether every template loaded: healthy when all did, unhealthy when none could, degraded when some
/// files were left out. The description and data name each file and its first error with line and column.
/// Added by <c>AddFormEngine</c> as <c>formengine-templates</c>; map it with <c>app.MapHealthChecks("/health")</c>.
/// </summary>
public sealed class FormTemplatesHealthCheck(IFormTemplates templates) : IHealthCheck
{
    /// <summary>The name the check is registered under.</summary>
    public const string Name = "formengine-templates";

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = templates.Problems;
        if (problems.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{templates.All.Count} templates loaded."));
        }

        var data = problems.ToDictionary(
            p => p.File,
            p => (object)(p.Diagnostics.FirstOrDefault(d => d.IsError) ?? p.Diagnostics.FirstOrDefault())?.ToString()!,
            StringComparer.Ordinal);
        var description = $"{problems.Count} template files did not load ({templates.All.Count} did): {string.Join("; ", data.Select(d => $"{d.Key}: {d.Value}"))}";
        var status = templates.All.Count == 0 ? HealthStatus.Unhealthy : HealthStatus.Degraded;
        return Task.FromResult(new HealthCheckResult(status, description, data: data));
    }
}
