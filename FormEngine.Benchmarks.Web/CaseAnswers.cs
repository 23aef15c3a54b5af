using System.Text.Json.Nodes;

namespace FormEngine.Benchmarks.Web;

/// <summary>
/// Stands in for the host's records store: the case's answers as JSON text, read and parsed for every request and
/// replaced by each accepted post, as a host reading a database row would. (The database's own time is not part of
/// what is measured here; docs/benchmarks.md has the records store's figures.)
/// </summary>
public sealed class CaseAnswers
{
    private volatile string _json;

    /// <summary>Starts from an answers file.</summary>
    /// <param name="path">The answers file.</param>
    public CaseAnswers(string path) => _json = File.ReadAllText(path);

    /// <summary>The answers as they are now, as a new document the caller owns.</summary>
    /// <returns>The answers.</returns>
    public JsonObject Read() => JsonNode.Parse(_json)!.AsObject();

    /// <summary>Replaces the answers.</summary>
    /// <param name="answers">The new answers.</param>
    public void Write(JsonObject answers) => _json = answers.ToJsonString();
}
