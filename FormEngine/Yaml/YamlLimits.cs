namespace FormEngine.Yaml;

/// <summary>Limits applied while reading YAML, so that no file can exhaust memory or the stack.</summary>
internal sealed record YamlLimits(int MaxDepth, int MaxNodes);
