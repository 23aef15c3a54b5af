using FormEngine.Diagnostics;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>Reads a flag: a rule that, when it holds, raises a message in the case summary.</summary>
internal sealed class FlagReader(Declarations declarations, LocalizedTextReader texts, DiagnosticBag diagnostics)
{
    /// <summary>The flag, or null when it has no id or no usable <c>when</c> rule (both already reported).</summary>
    public Flag? Read(YamlMap map)
    {
        var reader = new MapReader(map, "a flag", diagnostics);
        reader.RejectUnknownKeys(TemplateKeys.Flag);
        reader.RequireKey("id", "Give the flag an id.");
        reader.RequireKey("when", "A flag needs a `when:` rule saying when it is raised.");
        reader.RequireKey("message", "A flag needs a `message:` for the case summary.");
        var id = reader.Id("flag");
        using var part = texts.Within("the flags");
        var when = reader.Rule("when");
        var severity = FlagSeverity.Concern;
        if (reader.Scalar("severity") is { IsNull: false } severityNode)
        {
            if (!FlagSeverities.Names.Contains(severityNode.Value))
            {
                diagnostics.Report(DiagnosticCatalogue.InvalidValue, severityNode.Location, $"Unknown flag severity `{severityNode.Value}`.", $"Use one of: {string.Join(", ", FlagSeverities.Names)}.");
            }
            else
            {
                severity = FlagSeverities.Parse(severityNode.Value);
            }
        }

        if (id is null || when is null)
        {
            return null;
        }

        var (message, messageText) = texts.Read(reader, "message");
        return new Flag(id, when, message.Length > 0 ? message : id, severity, map.Location) { MessageText = messageText, Audiences = declarations.ReadAudiences(reader) };
    }
}
