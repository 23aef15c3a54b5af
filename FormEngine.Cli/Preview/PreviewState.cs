using System.Text.Json.Nodes;
using FormEngine.Renderers;

namespace FormEngine.Cli.Preview;

/// <summary>What one browser is previewing: its answers and how it wants the form shown.</summary>
internal sealed class PreviewState
{
    /// <summary>Held while a request reads or changes this state; one browser's requests do not interleave.</summary>
    public object Gate { get; } = new();

    public JsonObject Answers { get; set; } = [];

    /// <summary>The audience the view is built for; null for everything the template has.</summary>
    public string? Audience { get; set; }

    /// <summary>The language; null for the template's first language.</summary>
    public string? Language { get; set; }

    public string Theme { get; set; } = "plain";

    public RenderMode Mode { get; set; } = RenderMode.Form;

    /// <summary>What changed on the page after the last answer, read out once by the live region.</summary>
    public string? Announcement { get; set; }

    /// <summary>A message about the last action (e.g. an answers file that did not load), shown once.</summary>
    public string? Message { get; set; }

    public DateTime LastUsed { get; set; } = DateTime.UtcNow;
}

/// <summary>
/// Each browser's state, found by a random id in a cookie. The preview is one author's local tool, so state
/// lives in memory and the number of browsers is capped (the least recently used is dropped).
/// </summary>
internal sealed class PreviewStates
{
    private const int MaxStates = 200;
    private readonly Dictionary<string, PreviewState> _states = new(StringComparer.Ordinal);

    public PreviewState GetOrCreate(string? id, out string newId)
    {
        lock (_states)
        {
            if (id is not null && _states.TryGetValue(id, out var existing))
            {
                newId = id;
                existing.LastUsed = DateTime.UtcNow;
                return existing;
            }

            if (_states.Count >= MaxStates)
            {
                _states.Remove(_states.MinBy(s => s.Value.LastUsed).Key);
            }

            newId = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            var state = new PreviewState();
            _states[newId] = state;
            return state;
        }
    }
}
