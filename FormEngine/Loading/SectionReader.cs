using FormEngine.Diagnostics;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>
/// Reads a section and its questions, including the keys both share: who may see them
/// (<c>audiences</c>, <c>sensitivity</c>) and their rules (<c>show_if</c>, <c>required</c>, <c>validate</c>).
/// Which keys fit which question type is data in <see cref="TemplateKeys"/>.
/// </summary>
internal sealed class SectionReader(Declarations declarations, LocalizedTextReader texts, ChoiceListReader choiceLists, QuestionSets questionSets, DiagnosticBag diagnostics)
{
    private readonly ChoiceLabelReader _choiceLabels = new(declarations, diagnostics);

    public Section Read(YamlMap map)
    {
        var reader = new MapReader(map, "a section", diagnostics);
        reader.RejectUnknownKeys(TemplateKeys.Section);
        reader.RequireKey("id", "Give the section an id such as `child`; rules refer to its questions as `child.question`.");
        var id = reader.Id("section") ?? string.Empty;
        using var part = texts.Within($"section `{id}`");
        var (title, titleText) = texts.Read(reader, "title");
        var (label, labelText) = texts.Read(reader, "label");
        var (hint, hintText) = texts.Read(reader, "hint");
        if (reader.Has("title") && reader.Has("label"))
        {
            diagnostics.Report(DiagnosticCatalogue.DuplicateKey, reader.KeyNode("label")!.Location, "A section has a `title` or a `label`, not both.", "Keep `title`.");
        }

        return new Section
        {
            Id = id,
            Path = id,
            Label = reader.Has("title") ? title : label,
            LabelText = reader.Has("title") ? titleText : labelText,
            Hint = hint.Length > 0 ? hint : null,
            HintText = hintText,
            Audiences = declarations.ReadAudiences(reader),
            Sensitivity = declarations.ReadSensitivity(reader),
            ShowIf = reader.Rule("show_if"),
            Required = ReadRequirement(reader),
            Validations = ReadValidations(reader),
            Questions = ReadQuestions(reader, id, insideRepeat: false),
            Location = map.Location,
        };
    }

    private List<Question> ReadQuestions(MapReader reader, string parentPath, bool insideRepeat)
    {
        var questions = new List<Question>();
        if (reader.Sequence("questions") is not { } list)
        {
            return questions;
        }

        foreach (var item in list.Items)
        {
            if (MapReader.RequireMap(item, "question", diagnostics) is not { } map)
            {
                continue;
            }

            if (QuestionSets.IsUse(map))
            {
                questions.AddRange(questionSets.Expand(map, parentPath, question => ReadQuestion(question, parentPath, insideRepeat)));
            }
            else
            {
                questions.Add(ReadQuestion(map, parentPath, insideRepeat));
            }
        }

        return questions;
    }

    private Question ReadQuestion(YamlMap map, string parentPath, bool insideRepeat)
    {
        var reader = new MapReader(map, "a question", diagnostics);
        reader.RejectUnknownKeys(TemplateKeys.Question);
        reader.RequireKey("id", "Give the question an id such as `dob`.");
        reader.RequireKey("type", $"Say what kind of question it is, e.g. `type: text`. Types: {string.Join(", ", QuestionTypes.Names)}.");
        var id = reader.Id("question") ?? string.Empty;
        var type = ReadType(reader);
        var (label, labelText) = texts.Read(reader, "label");
        var (hint, hintText) = texts.Read(reader, "hint");
        var (_, requiredMessage) = texts.Read(reader, "required_message");
        var (_, addLabel) = texts.Read(reader, "add_label");
        var (_, removeLabel) = texts.Read(reader, "remove_label");
        CheckKeysForType(reader, type);

        var question = new Question
        {
            Id = id,
            Path = $"{parentPath}.{id}",
            Type = type,
            Label = label,
            LabelText = labelText,
            Hint = hint.Length > 0 ? hint : null,
            HintText = hintText,
            Audiences = declarations.ReadAudiences(reader),
            Sensitivity = declarations.ReadSensitivity(reader),
            Summary = reader.Bool("summary") ?? false,
            Display = reader.Bool("display") ?? true,
            ShowIf = reader.Rule("show_if"),
            Required = ReadRequirement(reader),
            RequiredMessage = requiredMessage,
            Validations = ReadValidations(reader),
            Choices = _choiceLabels.Apply(reader, id, choiceLists.ReadForQuestion(reader, id)),
            Min = reader.Decimal("min"),
            Max = reader.Decimal("max"),
            MinItems = reader.Int("min_items", 0),
            MaxItems = reader.Int("max_items", 1),
            AddLabel = addLabel,
            RemoveLabel = removeLabel,
            Value = reader.Rule("value"),
            CarryForward = reader.Bool("carry_forward") ?? false,
            Control = ReadControl(reader),
            Location = map.Location,
        };

        if (question is { Min: { } min, Max: { } max } && min > max)
        {
            diagnostics.Report(DiagnosticCatalogue.InvalidValue, reader.Scalar("min")!.Location, $"`min` ({min}) is larger than `max` ({max}), so no answer could pass.", "Swap them.");
        }

        if (question is { MinItems: { } minItems, MaxItems: { } maxItems } && minItems > maxItems)
        {
            diagnostics.Report(DiagnosticCatalogue.InvalidValue, reader.Scalar("min_items")!.Location, $"`min_items` ({minItems}) is larger than `max_items` ({maxItems}).", "Swap them.");
        }

        // A group that needs at least one item whenever it is shown is required. Saying so in its requirement,
        // the one place every output reads, keeps evaluate, explain, scenarios and the form in agreement.
        if (type == QuestionType.Repeat && question.MinItems is >= 1 and var least && !question.Required.Always)
        {
            if (reader.Node("required") is YamlScalar required)
            {
                diagnostics.Report(DiagnosticCatalogue.InvalidValue, required.Location, $"`min_items: {least}` makes the group required whenever it is shown, so `required: {required.Value}` would never take effect.", "Remove `required:`. To ask for items only in some cases, put a `show_if:` on the group.");
            }

            question = question with { Required = Requirement.Yes };
        }

        if (insideRepeat && question.CarryForward)
        {
            diagnostics.Report(DiagnosticCatalogue.CarryForwardInRepeat, reader.KeyNode("carry_forward")!.Location, "`carry_forward` on a question inside a repeat group has no effect on its own.", "Put `carry_forward: true` on the repeat group to carry all its items forward.");
        }

        if (type == QuestionType.Repeat)
        {
            if (insideRepeat)
            {
                diagnostics.Report(DiagnosticCatalogue.NestedRepeat, map.Location, "A repeat group inside another repeat group is not supported.", "Move the inner group into its own section, or flatten it into the outer group's questions.");
            }

            question = question with { Questions = ReadQuestions(reader, question.Path, insideRepeat: true) };
        }

        return question;
    }

    private QuestionType ReadType(MapReader reader)
    {
        var scalar = reader.Scalar("type");
        if (scalar is null || scalar.IsNull)
        {
            return QuestionType.Text;
        }

        if (QuestionTypes.TryParse(scalar.Value, out var type))
        {
            return type;
        }

        diagnostics.Report(DiagnosticCatalogue.UnknownQuestionType, scalar.Location, $"Unknown question type `{scalar.Value}`.", NameSuggester.DidYouMean(scalar.Value, QuestionTypes.Names) ?? $"Types: {string.Join(", ", QuestionTypes.Names)}.");
        return QuestionType.Text;
    }

    private void CheckKeysForType(MapReader reader, QuestionType type)
    {
        foreach (var (key, typesInWords, allowed) in TemplateKeys.ForQuestionTypes)
        {
            if (reader.KeyNode(key) is { } node && !allowed.Contains(type))
            {
                diagnostics.Report(DiagnosticCatalogue.KeyNotForType, node.Location, $"`{key}` applies only to {typesInWords} questions, not `{QuestionTypes.NameOf(type)}`.", "Remove it, or change the question's type.");
            }
        }

        foreach (var (key, why, requiredBy) in TemplateKeys.RequiredByQuestionTypes)
        {
            if (requiredBy.Contains(type))
            {
                reader.RequireKey(key, why);
            }
        }
    }

    private static Requirement ReadRequirement(MapReader reader)
    {
        var scalar = reader.Scalar("required");
        if (scalar is null || scalar.IsNull)
        {
            return Requirement.Never;
        }

        if (scalar.IsPlain && scalar.Value is "true" or "false")
        {
            return scalar.Value == "true" ? Requirement.Yes : Requirement.Never;
        }

        return new Requirement(false, MapReader.ToRule(scalar));
    }

    private List<Validation> ReadValidations(MapReader reader)
    {
        var validations = new List<Validation>();
        if (reader.Sequence("validate") is not { } list)
        {
            return validations;
        }

        foreach (var item in list.Items)
        {
            if (MapReader.RequireMap(item, "validation", diagnostics) is not { } map)
            {
                continue;
            }

            var entry = new MapReader(map, "a validation", diagnostics);
            entry.RejectUnknownKeys(TemplateKeys.Validation);
            entry.RequireKey("rule", "A validation needs a `rule:` that must be true, e.g. `rule: len(notes) <= 500`.");
            entry.RequireKey("message", "A validation needs a `message:` telling the practitioner what to fix.");
            var rule = entry.Rule("rule");
            var (message, messageText) = texts.Read(entry, "message");
            if (rule is not null)
            {
                validations.Add(new Validation(rule, message.Length > 0 ? message : "This answer is not valid.") { MessageText = messageText });
            }
        }

        return validations;
    }

    private ChoiceControl ReadControl(MapReader reader)
    {
        if (reader.Scalar("control") is not { IsNull: false } node)
        {
            return ChoiceControl.Default;
        }

        switch (node.Value)
        {
            case "select":
                return ChoiceControl.Select;
            case "radios":
                return ChoiceControl.Radios;
            default:
                diagnostics.Report(DiagnosticCatalogue.InvalidValue, node.Location, $"Unknown control `{node.Value}`.", $"Use one of: {string.Join(", ", ChoiceControls.Names)}.");
                return ChoiceControl.Default;
        }
    }
}
