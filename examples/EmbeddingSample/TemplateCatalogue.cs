using FormEngine;

namespace EmbeddingSample;

/// <summary>
/// The templates this application offers, loaded once at start-up. A loaded <see cref="FormTemplate"/> is
/// immutable and thread-safe, so every request shares it. A template with errors is reported and left out
/// rather than stopping the whole service.
/// </summary>
public sealed class TemplateCatalogue
{
    private readonly Dictionary<string, FormTemplate> _byId = new(StringComparer.Ordinal);

    public TemplateCatalogue(string folder, ILogger logger)
    {
        // Each example lives in its own folder; *.scenarios.yaml files are tests, and common/ holds includes.
        foreach (var file in Directory.EnumerateDirectories(folder).SelectMany(d => Directory.EnumerateFiles(d, "*.yaml")).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".scenarios.yaml", StringComparison.Ordinal))
            {
                continue;
            }

            var result = FormTemplate.Load(file);
            if (result.Template is { } template)
            {
                _byId[template.Id] = template;
                logger.LogInformation("Loaded template {Id} version {Version} from {File}", template.Id, template.Version, file);
            }
            else
            {
                foreach (var diagnostic in result.Diagnostics)
                {
                    logger.LogError("{Diagnostic}", diagnostic.ToString());
                }
            }
        }
    }

    public IReadOnlyCollection<FormTemplate> All => _byId.Values;

    public FormTemplate? Find(string id) => _byId.GetValueOrDefault(id);
}
