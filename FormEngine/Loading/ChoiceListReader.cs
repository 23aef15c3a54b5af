using FormEngine.Diagnostics;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>
/// Reads the named choice lists under <c>choices:</c> in every file, and a question's <c>choices:</c>,
/// which either names one of those lists or lists its own choices.
/// </summary>
internal sealed class ChoiceListReader(LocalizedTextReader texts, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, ChoiceList> _lists = new(StringComparer.Ordinal);

    /// <summary>Every named list read so far, in the order they were defined.</summary>
    public IReadOnlyCollection<ChoiceList> Lists => _lists.Values;

    /// <summary>The named lists of one file. Names are shared by the whole template, so a name used twice is reported.</summary>
    public void ReadNamedLists(YamlMap root)
    {
        var reader = new MapReader(root, "the template", diagnostics);
        var lists = reader.Mapping("choices");
        if (lists is null)
        {
            return;
        }

        foreach (var (key, value) in lists.Entries)
        {
            if (!TemplateIds.IsValid(key.Value))
            {
                diagnostics.Report(DiagnosticCatalogue.InvalidId, key.Location, $"The choice list name `{key.Value}` must be lower_snake_case.", $"Try `{TemplateIds.Suggest(key.Value)}`.");
            }

            if (_lists.TryGetValue(key.Value, out var existing))
            {
                diagnostics.Report(DiagnosticCatalogue.DuplicateId, key.Location, $"The choice list `{key.Value}` is already defined at {existing.Location}.", "Give one of them another name.");
                continue;
            }

            using var part = texts.Within($"choice list `{key.Value}`");
            if (ReadChoices(value, key.Value, key.Location) is { } choices)
            {
                _lists[key.Value] = new ChoiceList(key.Value, choices, key.Location);
            }
        }
    }

    /// <summary>A question's <c>choices:</c>: a named list, or its own list named after the question; null when absent or unusable.</summary>
    public ChoiceList? ReadForQuestion(MapReader reader, string questionId)
    {
        var node = reader.Node("choices");
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { IsNull: false } name:
                if (_lists.TryGetValue(name.Value, out var list))
                {
                    return list;
                }

                diagnostics.Report(DiagnosticCatalogue.UnknownChoiceList, name.Location, $"There is no choice list named `{name.Value}`.", NameSuggester.DidYouMean(name.Value, _lists.Keys) ?? "Define it under `choices:` at the top of the template, or list the choices here.");
                return null;
            default:
                var choices = ReadChoices(node, questionId, node.Location);
                return choices is null ? null : new ChoiceList(questionId, choices, node.Location);
        }
    }

    private List<Choice>? ReadChoices(YamlNode node, string listName, SourceLocation at)
    {
        if (node is not YamlSequence sequence)
        {
            diagnostics.Report(DiagnosticCatalogue.WrongShape, node.Location, $"The choices of `{listName}` must be a list, e.g. `[yes, no]`, but here they are {node.KindName}.");
            return null;
        }

        if (sequence.Items.Count == 0)
        {
            diagnostics.Report(DiagnosticCatalogue.BadChoices, at, $"The choice list `{listName}` has no choices.", "Add at least one choice.");
            return null;
        }

        var choices = new List<Choice>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            Choice? choice = item switch
            {
                YamlScalar { IsNull: false } scalar => new Choice(scalar.Value, scalar.Value),
                YamlMap map => ReadChoice(map),
                _ => null,
            };
            if (choice is null)
            {
                if (item is not YamlMap)
                {
                    diagnostics.Report(DiagnosticCatalogue.BadChoices, item.Location, "A choice must be a value (e.g. `yes`) or `{ value: ..., label: ... }`.");
                }

                continue;
            }

            if (!seen.Add(choice.Value))
            {
                diagnostics.Report(DiagnosticCatalogue.BadChoices, item.Location, $"The choice value `{choice.Value}` appears twice in `{listName}`.", "Each value must be different, or answers could not tell them apart.");
                continue;
            }

            choices.Add(choice);
        }

        return choices;
    }

    private Choice? ReadChoice(YamlMap map)
    {
        var reader = new MapReader(map, "a choice", diagnostics);
        reader.RejectUnknownKeys(TemplateKeys.Choice);
        var value = reader.Text("value");
        if (value is null)
        {
            reader.RequireKey("value", "Give the choice a `value:`, which answers store.");
            return null;
        }

        var (label, labelText) = texts.Read(reader, "label");
        var (hint, _) = texts.Read(reader, "hint");
        return new Choice(value, label.Length > 0 ? label : value, hint.Length > 0 ? hint : null) { LabelText = labelText };
    }
}
