using System.Text.Json.Nodes;
using FormEngine.Renderers;

namespace FormEngine.Cli.Preview;

/// <summary>What one browser is previewing: its answers and how it wants the form shown.</summary>
internal sealed class PreviewState
{
    /// <summary>Held while a request reads or changes this state; one browser's requests do not interleave.</summary>
    public object Gate { get; } = new();

    public JsonObject Answers { get; set; } = [];

    /// <summary>
    /// The answers to open with the template as it now is. The preview tries a draft, and its answers follow the
    /// draft: when the author changes the template's id or version, answers saved from the page before name the
    /// old one, so that name is left out here (published records are read with their own version by the catalogue).
    /// </summary>
    public JsonObject AnswersFor(FormTemplate template)
    {
        if (FormEngine.Versions.AnswersProvenance.Refusal(template, Answers) is null)
        {
            return Answers;
        }

        var draft = (JsonObject)Answers.DeepClone();
        draft.Remove(FormEngine.Versions.TemplateStamp.Key);
        return draft;
    }

    /// <summary>The audience the view is built for; null for everything the template has.</summary>
    public string? Audience { get; set; }

    /// <summary>The language; null for the template's first language.</summary>
    public string? Language { get; set; }

    public string Theme { get; set; } = "plain";

    public OutputMode Mode { get; set; } = OutputMode.Form;

    /// <summary>What changed on the page after the last answer, read out once by the live region.</summary>
    public string? Announcement { get; set; }

    /// <summary>A message about the last action (e.g. an answers file that did not load), shown once.</summary>
    public string? Message { get; set; }

    public DateTime LastUsed { get; set; } = DateTime.UtcNow;
}

/// <summary>
/// Each browser's state, found by a random id in a cookie. The preview is one author's local tool, so state
/// lives in memory and the number of browsers is capped (the least recently used is dropped). Only requests
/// that change state add to it, and those must come from the preview's own pages, so another site cannot
/// push an author's answers out.
/// </summary>
internal sealed class PreviewStates
{
    private const int MaxStates = 200;
    private const int IdBytes = 16;
    private readonly Dictionary<string, PreviewState> _states = new(StringComparer.Ordinal);

    public static string NewId() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(IdBytes));

    /// <summary>True for an id of the form <see cref="NewId"/> makes.</summary>
    public static bool IsWellFormed(string? id) => id is { Length: IdBytes * 2 } && id.All(char.IsAsciiHexDigitUpper);

    /// <summary>The browser's state, or null when the id is unknown; never adds one.</summary>
    public PreviewState? Find(string? id)
    {
        lock (_states)
        {
            if (id is not null && _states.TryGetValue(id, out var existing))
            {
                existing.LastUsed = DateTime.UtcNow;
                return existing;
            }

            return null;
        }
    }

    /// <summary>The browser's state, created under its cookie's id (when well formed) or a new one.</summary>
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

            newId = IsWellFormed(id) ? id! : NewId();
            var state = new PreviewState();
            _states[newId] = state;
            return state;
        }
    }
}
