namespace FormEngine.Benchmarks.Harness;

/// <summary>One benchmark's result: median time per operation and bytes allocated per operation when known.</summary>
public sealed record Measurement(double MedianNs, long? AllocatedBytes);

/// <summary>Results by key: <c>Class.Method</c>, or <c>Class.Method[param]</c> for parameterised benchmarks.</summary>
public sealed class Results
{
    private readonly Dictionary<string, Measurement> _byKey = new(StringComparer.Ordinal);

    public static string Key(string type, string method, string? parameter) =>
        parameter is null ? $"{type}.{method}" : $"{type}.{method}[{parameter}]";

    public void Add(string key, Measurement measurement) => _byKey[key] = measurement;

    public Measurement? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Memory figures measured outside the timed benchmarks, by name.</summary>
    public Dictionary<string, double> Memory { get; } = new(StringComparer.Ordinal);
}
