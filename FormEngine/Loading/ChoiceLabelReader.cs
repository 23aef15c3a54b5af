using FormEngine.Diagnostics;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>
/// Reads a question's <c>choice_labels:</c>, its own labels for its choices per language, and gives the
/// question its own copy of its choice list with them in place. Welsh answers a yes/no question with the
/// question's verb (Oes/Nac oes, Ydy/Nac ydy), so one shared list cannot word every question.
/// </summary>
/// <remarks>
/// Applying the labels to the question's list when the template is read means every place that shows a
/// choice's label (answers, form options, rule descriptions) reads them without knowing they exist.
/// </remarks>
internal sealed class ChoiceLabelReader(Declarations declarations, DiagnosticBag diagnostics)
{
    /// <summary>The question's choices with its <c>choice_labels</c> applied; <paramref name="choices"/> itself when it has none.</summary>
    public ChoiceList? Apply(MapReader reader, string questionId, ChoiceList? choices)
    {
        var node = reader.Node("choice_labels");
        if (node is null or YamlScalar { IsNull: true })
        {
            return choices;
        }

        if (node is not YamlMap languages)
        {
            diagnostics.Report(DiagnosticCatalogue.WrongShape, node.Location, $"`choice_labels` must list labels per language, e.g. `choice_labels: {{ cy: {{ 'yes': Oes, 'no': Nac oes }} }}`, but here it is {node.KindName}.");
            return choices;
        }

        var labels = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (language, perChoice) in languages.Entries)
        {
            if (!declarations.Languages.Contains(language.Value))
            {
                diagnostics.Report(
                    DiagnosticCatalogue.UnknownLanguageOrAudience,
                    language.Location,
                    $"`{language.Value}` is not one of the template's languages ({string.Join(", ", declarations.Languages)}).",
                    NameSuggester.DidYouMean(language.Value, declarations.Languages) ?? $"Declare it at the top of the template, e.g. `languages: [{string.Join(", ", declarations.Languages.Append(language.Value))}]`.");
                continue;
            }

            if (perChoice is not YamlMap map)
            {
                diagnostics.Report(DiagnosticCatalogue.WrongShape, perChoice.Location, $"The `{language.Value}` choice labels must give a label per choice value, e.g. `{language.Value}: {{ 'yes': ..., 'no': ... }}`, but here they are {perChoice.KindName}.");
                continue;
            }

            labels[language.Value] = Read(map, questionId, choices);
        }

        return choices is null || labels.Count == 0 ? choices : choices with { Choices = [.. choices.Choices.Select(choice => Relabel(choice, labels))] };
    }

    private Dictionary<string, string> Read(YamlMap map, string questionId, ChoiceList? choices)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = choices?.Choices.Select(c => c.Value).ToList() ?? [];
        foreach (var (value, label) in map.Entries)
        {
            if (choices is not null && choices.Find(value.Value) is null)
            {
                diagnostics.Report(
                    DiagnosticCatalogue.BadChoices,
                    value.Location,
                    $"`{value.Value}` is not one of the choices of `{questionId}` ({string.Join(", ", values)}), so its label would never be shown.",
                    NameSuggester.DidYouMean(value.Value, values) ?? "Label only the question's own choice values.");
            }
            else if (label is not YamlScalar { IsNull: false } text)
            {
                diagnostics.Report(DiagnosticCatalogue.WrongShape, label.Location, $"The label of `{value.Value}` must be text.");
            }
            else
            {
                labels[value.Value] = text.Value;
            }
        }

        return labels;
    }

    /// <summary>
    /// The question's label replaces every wording of the choice in that language, audience wordings
    /// included: the list's wording for a child was written for other questions, not this one.
    /// </summary>
    private Choice Relabel(Choice choice, Dictionary<string, Dictionary<string, string>> labels)
    {
        var own = labels.Where(l => l.Value.ContainsKey(choice.Value)).ToDictionary(l => l.Key, l => l.Value[choice.Value], StringComparer.Ordinal);
        if (own.Count == 0)
        {
            return choice;
        }

        var text = choice.LabelText ?? LocalizedText.Plain(choice.Label, declarations.DefaultLanguage);
        var variants = text.Variants.Where(v => !own.ContainsKey(v.Key.Language)).ToDictionary(v => v.Key, v => v.Value);
        foreach (var (language, label) in own)
        {
            variants[(string.Empty, language)] = label;
        }

        return choice with
        {
            Label = own.GetValueOrDefault(declarations.DefaultLanguage) ?? choice.Label,
            LabelText = new LocalizedText(variants, declarations.DefaultLanguage, text.Location),
        };
    }
}
