using FormEngine.Diagnostics;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>
/// Turns a template's YAML files into a <see cref="TemplateDefinition"/>. Reading happens in two passes:
/// first every file (following includes) so that all choice lists are known, then sections and flags.
/// Every problem is reported with its position; reading goes on after an error so that one pass shows
/// the author everything that needs fixing.
/// </summary>
internal sealed partial class TemplateReader
{
    private readonly DiagnosticBag _diagnostics;
    private readonly TemplateFiles _files;
    private readonly int _maxIncludeDepth;
    private readonly Dictionary<string, ChoiceList> _choiceLists = new(StringComparer.Ordinal);
    private readonly List<FileUnit> _units = [];
    private readonly Dictionary<string, SensitivityLevel> _sensitivity = new(StringComparer.Ordinal);
    private List<string> _languages = ["en"];
    private List<string> _audiences = [];

    public TemplateReader(TemplateLoadOptions options, DiagnosticBag diagnostics, string? rootDirectory)
    {
        _diagnostics = diagnostics;
        _files = new TemplateFiles(options, diagnostics, rootDirectory);
        _maxIncludeDepth = options.MaxIncludeDepth;
    }

    public TemplateDefinition? Read(SourceFile main)
    {
        var root = _files.ReadMain(main);
        if (root is null)
        {
            return null;
        }

        var mainUnit = Collect(main, root, isMain: true, chain: [main.FullPath ?? main.DisplayPath]);
        ReadDeclarations(new MapReader(root, "the template", _diagnostics));
        foreach (var unit in _units)
        {
            ReadChoiceLists(unit);
        }

        var top = new MapReader(root, "the template", _diagnostics);
        top.RejectUnknownKeys(TemplateKeys.Template);
        top.RequireKey("id", "Give the template an id such as `single_assessment`.");
        var id = ReadId(top, "template") ?? "template";
        var version = top.Int("version", 1) ?? 1;
        var (title, titleText) = ReadText(top, "title");

        var sections = new List<Section>();
        var flags = new List<Flag>();
        ReadUnitContent(mainUnit, sections, flags);

        return new TemplateDefinition
        {
            Id = id,
            Version = version,
            Title = title,
            TitleText = titleText,
            Languages = _languages,
            Audiences = _audiences,
            SensitivityLevels = [.. _sensitivity.Values],
            ChoiceLists = [.. _choiceLists.Values],
            Sections = sections,
            Flags = flags,
            Files = [.. _files.Files.Select(f => f.DisplayPath)],
            Location = root.Location,
        };
    }

    /// <summary>A file and the files it includes, read but not yet interpreted.</summary>
    private sealed record FileUnit(SourceFile File, YamlMap Root, bool IsMain)
    {
        public List<FileUnit> TopIncludes { get; } = [];

        public Dictionary<YamlNode, FileUnit> SectionIncludes { get; } = [];
    }

    private FileUnit Collect(SourceFile file, YamlMap root, bool isMain, List<string> chain)
    {
        var unit = new FileUnit(file, root, isMain);
        _units.Add(unit);
        var reader = new MapReader(root, isMain ? "the template" : "an included file", _diagnostics);

        if (reader.Node("include") is { } includeNode)
        {
            var includes = includeNode switch
            {
                YamlScalar scalar => [scalar],
                YamlSequence sequence => sequence.Items,
                _ => [],
            };
            if (includeNode is YamlMap)
            {
                _diagnostics.Report(DiagnosticCatalogue.WrongShape, includeNode.Location, "`include` must be a file path or a list of file paths.");
            }

            foreach (var item in includes)
            {
                if (Include(file, item, chain) is { } included)
                {
                    unit.TopIncludes.Add(included);
                }
            }
        }

        if (reader.Node("sections") is YamlSequence sections)
        {
            foreach (var item in sections.Items)
            {
                if (item is YamlMap map && map.Entries.Count == 1 && map.Entries[0].Key.Value == "include")
                {
                    if (Include(file, map.Entries[0].Value, chain) is { } included)
                    {
                        unit.SectionIncludes[item] = included;
                    }
                }
            }
        }

        return unit;
    }

    private FileUnit? Include(SourceFile from, YamlNode node, List<string> chain)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            _diagnostics.Report(DiagnosticCatalogue.WrongShape, node.Location, "An include must be a file path, e.g. `common/family-factors.yaml`.");
            return null;
        }

        if (_files.Resolve(from, scalar) is not var (fullPath, displayPath))
        {
            return null;
        }

        if (chain.Contains(fullPath))
        {
            var names = chain.Select(DisplayOf).Append(displayPath);
            _diagnostics.Report(DiagnosticCatalogue.IncludeCycle, scalar.Location, $"Files include each other in a loop: {string.Join(" -> ", names)}.", "Remove one of these includes; shared parts belong in a file that includes nothing that includes it.");
            return null;
        }

        if (chain.Count >= _maxIncludeDepth)
        {
            _diagnostics.Report(DiagnosticCatalogue.TooDeep, scalar.Location, $"Includes are nested more than {_maxIncludeDepth} files deep.", "Include shared files from the main template instead of through long chains.");
            return null;
        }

        var root = _files.ReadFile(fullPath, displayPath, scalar.Location);
        if (root is null)
        {
            return null;
        }

        var file = _files.Files.First(f => f.FullPath == fullPath);
        return Collect(file, root, isMain: false, chain: [.. chain, fullPath]);
    }

    private string DisplayOf(string fullPath) =>
        _files.Files.FirstOrDefault(f => f.FullPath == fullPath)?.DisplayPath ?? fullPath;

    private void ReadUnitContent(FileUnit unit, List<Section> sections, List<Flag> flags)
    {
        var reader = new MapReader(unit.Root, unit.IsMain ? "the template" : "an included file", _diagnostics);
        if (!unit.IsMain)
        {
            reader.RejectUnknownKeys(TemplateKeys.IncludedFile);
        }

        if (reader.Sequence("sections") is { } sectionList)
        {
            foreach (var item in sectionList.Items)
            {
                if (unit.SectionIncludes.TryGetValue(item, out var included))
                {
                    ReadUnitContent(included, sections, flags);
                }
                else if (item is YamlMap map && map.Entries.Count == 1 && map.Entries[0].Key.Value == "include")
                {
                    // The include could not be read; its diagnostic is already reported.
                }
                else if (RequireMap(item, "section") is { } sectionMap)
                {
                    sections.Add(ReadSection(sectionMap));
                }
            }
        }

        if (reader.Sequence("flags") is { } flagList)
        {
            foreach (var item in flagList.Items)
            {
                if (RequireMap(item, "flag") is { } flagMap && ReadFlag(flagMap) is { } flag)
                {
                    flags.Add(flag);
                }
            }
        }

        foreach (var included in unit.TopIncludes)
        {
            ReadUnitContent(included, sections, flags);
        }
    }

    private YamlMap? RequireMap(YamlNode node, string what)
    {
        if (node is YamlMap map)
        {
            return map;
        }

        _diagnostics.Report(DiagnosticCatalogue.WrongShape, node.Location, $"Each {what} must be a set of `name: value` lines (starting with `id:`), but this is {node.KindName}.");
        return null;
    }

    private string? ReadId(MapReader reader, string what)
    {
        var scalar = reader.Scalar("id");
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        if (!TemplateIds.IsValid(scalar.Value))
        {
            _diagnostics.Report(DiagnosticCatalogue.InvalidId, scalar.Location, $"The {what} id `{scalar.Value}` must be lower_snake_case: small letters, digits and `_`, starting with a letter.", $"Try `{TemplateIds.Suggest(scalar.Value)}`.");
        }

        return scalar.Value;
    }

    private void ReadChoiceLists(FileUnit unit)
    {
        var reader = new MapReader(unit.Root, "the template", _diagnostics);
        var lists = reader.Mapping("choices");
        if (lists is null)
        {
            return;
        }

        foreach (var (key, value) in lists.Entries)
        {
            if (!TemplateIds.IsValid(key.Value))
            {
                _diagnostics.Report(DiagnosticCatalogue.InvalidId, key.Location, $"The choice list name `{key.Value}` must be lower_snake_case.", $"Try `{TemplateIds.Suggest(key.Value)}`.");
            }

            if (_choiceLists.TryGetValue(key.Value, out var existing))
            {
                _diagnostics.Report(DiagnosticCatalogue.DuplicateId, key.Location, $"The choice list `{key.Value}` is already defined at {existing.Location}.", "Give one of them another name.");
                continue;
            }

            if (ReadChoices(value, key.Value, key.Location) is { } choices)
            {
                _choiceLists[key.Value] = new ChoiceList(key.Value, choices, key.Location);
            }
        }
    }

    private List<Choice>? ReadChoices(YamlNode node, string listName, SourceLocation at)
    {
        if (node is not YamlSequence sequence)
        {
            _diagnostics.Report(DiagnosticCatalogue.WrongShape, node.Location, $"The choices of `{listName}` must be a list, e.g. `[yes, no]`, but here they are {node.KindName}.");
            return null;
        }

        if (sequence.Items.Count == 0)
        {
            _diagnostics.Report(DiagnosticCatalogue.BadChoices, at, $"The choice list `{listName}` has no choices.", "Add at least one choice.");
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
                    _diagnostics.Report(DiagnosticCatalogue.BadChoices, item.Location, "A choice must be a value (e.g. `yes`) or `{ value: ..., label: ... }`.");
                }

                continue;
            }

            if (!seen.Add(choice.Value))
            {
                _diagnostics.Report(DiagnosticCatalogue.BadChoices, item.Location, $"The choice value `{choice.Value}` appears twice in `{listName}`.", "Each value must be different, or answers could not tell them apart.");
                continue;
            }

            choices.Add(choice);
        }

        return choices;
    }

    private Choice? ReadChoice(YamlMap map)
    {
        var reader = new MapReader(map, "a choice", _diagnostics);
        reader.RejectUnknownKeys(TemplateKeys.Choice);
        var value = reader.Text("value");
        if (value is null)
        {
            reader.RequireKey("value", "Give the choice a `value:`, which answers store.");
            return null;
        }

        var (label, labelText) = ReadText(reader, "label");
        var (hint, _) = ReadText(reader, "hint");
        return new Choice(value, label.Length > 0 ? label : value, hint.Length > 0 ? hint : null) { LabelText = labelText };
    }

    private Section ReadSection(YamlMap map)
    {
        var reader = new MapReader(map, "a section", _diagnostics);
        reader.RejectUnknownKeys(TemplateKeys.Section);
        reader.RequireKey("id", "Give the section an id such as `child`; rules refer to its questions as `child.question`.");
        var id = ReadId(reader, "section") ?? string.Empty;
        var (title, titleText) = ReadText(reader, "title");
        var (label, labelText) = ReadText(reader, "label");
        var (hint, hintText) = ReadText(reader, "hint");
        if (reader.Has("title") && reader.Has("label"))
        {
            _diagnostics.Report(DiagnosticCatalogue.DuplicateKey, reader.KeyNode("label")!.Location, "A section has a `title` or a `label`, not both.", "Keep `title`.");
        }

        return new Section
        {
            Id = id,
            Path = id,
            Label = reader.Has("title") ? title : label,
            LabelText = reader.Has("title") ? titleText : labelText,
            Hint = hint.Length > 0 ? hint : null,
            HintText = hintText,
            Audiences = ReadAudiences(reader),
            Sensitivity = ReadSensitivity(reader),
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
            if (RequireMap(item, "question") is { } map)
            {
                questions.Add(ReadQuestion(map, parentPath, insideRepeat));
            }
        }

        return questions;
    }

    private Question ReadQuestion(YamlMap map, string parentPath, bool insideRepeat)
    {
        var reader = new MapReader(map, "a question", _diagnostics);
        reader.RejectUnknownKeys(TemplateKeys.Question);
        reader.RequireKey("id", "Give the question an id such as `dob`.");
        reader.RequireKey("type", $"Say what kind of question it is, e.g. `type: text`. Types: {string.Join(", ", QuestionTypes.Names)}.");
        var id = ReadId(reader, "question") ?? string.Empty;
        var type = ReadType(reader);
        var (label, labelText) = ReadText(reader, "label");
        var (hint, hintText) = ReadText(reader, "hint");
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
            Audiences = ReadAudiences(reader),
            Sensitivity = ReadSensitivity(reader),
            Summary = reader.Bool("summary") ?? false,
            ShowIf = reader.Rule("show_if"),
            Required = ReadRequirement(reader),
            Validations = ReadValidations(reader),
            Choices = ReadQuestionChoices(reader, id),
            Min = reader.Decimal("min"),
            Max = reader.Decimal("max"),
            MinItems = reader.Int("min_items", 0),
            MaxItems = reader.Int("max_items", 1),
            Value = reader.Rule("value"),
            CarryForward = reader.Bool("carry_forward") ?? false,
            Location = map.Location,
        };

        if (question is { Min: { } min, Max: { } max } && min > max)
        {
            _diagnostics.Report(DiagnosticCatalogue.InvalidValue, reader.Scalar("min")!.Location, $"`min` ({min}) is larger than `max` ({max}), so no answer could pass.", "Swap them.");
        }

        if (question is { MinItems: { } minItems, MaxItems: { } maxItems } && minItems > maxItems)
        {
            _diagnostics.Report(DiagnosticCatalogue.InvalidValue, reader.Scalar("min_items")!.Location, $"`min_items` ({minItems}) is larger than `max_items` ({maxItems}).", "Swap them.");
        }

        if (insideRepeat && question.CarryForward)
        {
            _diagnostics.Report(DiagnosticCatalogue.CarryForwardInRepeat, reader.KeyNode("carry_forward")!.Location, "`carry_forward` on a question inside a repeat group has no effect on its own.", "Put `carry_forward: true` on the repeat group to carry all its items forward.");
        }

        if (type == QuestionType.Repeat)
        {
            if (insideRepeat)
            {
                _diagnostics.Report(DiagnosticCatalogue.NestedRepeat, map.Location, "A repeat group inside another repeat group is not supported.", "Move the inner group into its own section, or flatten it into the outer group's questions.");
            }

            question = question with { Questions = ReadQuestions(reader, question.Path, insideRepeat: true) };
            if (question.Questions.Count == 0)
            {
                reader.RequireKey("questions", "A repeat group asks its `questions:` once per item.");
            }
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

        _diagnostics.Report(DiagnosticCatalogue.UnknownQuestionType, scalar.Location, $"Unknown question type `{scalar.Value}`.", NameSuggester.DidYouMean(scalar.Value, QuestionTypes.Names) ?? $"Types: {string.Join(", ", QuestionTypes.Names)}.");
        return QuestionType.Text;
    }

    private void CheckKeysForType(MapReader reader, QuestionType type)
    {
        void OnlyFor(string key, string types, params QuestionType[] allowed)
        {
            if (reader.KeyNode(key) is { } node && !allowed.Contains(type))
            {
                _diagnostics.Report(DiagnosticCatalogue.KeyNotForType, node.Location, $"`{key}` applies only to {types} questions, not `{QuestionTypes.NameOf(type)}`.", "Remove it, or change the question's type.");
            }
        }

        OnlyFor("choices", "choice and multichoice", QuestionType.Choice, QuestionType.MultiChoice);
        OnlyFor("min", "number", QuestionType.Number);
        OnlyFor("max", "number", QuestionType.Number);
        OnlyFor("min_items", "repeat", QuestionType.Repeat);
        OnlyFor("max_items", "repeat", QuestionType.Repeat);
        OnlyFor("questions", "repeat", QuestionType.Repeat);
        OnlyFor("value", "calculated", QuestionType.Calculated);
        OnlyFor("required", "answerable", QuestionType.Text, QuestionType.TextArea, QuestionType.Number, QuestionType.Date, QuestionType.Boolean, QuestionType.Choice, QuestionType.MultiChoice, QuestionType.Repeat);
        OnlyFor("carry_forward", "answerable", QuestionType.Text, QuestionType.TextArea, QuestionType.Number, QuestionType.Date, QuestionType.Boolean, QuestionType.Choice, QuestionType.MultiChoice, QuestionType.Repeat);

        if (type is QuestionType.Choice or QuestionType.MultiChoice)
        {
            reader.RequireKey("choices", "Name a choice list (e.g. `choices: yes_no`) or list the choices (e.g. `choices: [yes, no]`).");
        }

        if (type == QuestionType.Calculated)
        {
            reader.RequireKey("value", "A calculated question needs a `value:` rule, e.g. `value: age(child.dob)`.");
        }
    }

    private ChoiceList? ReadQuestionChoices(MapReader reader, string questionId)
    {
        var node = reader.Node("choices");
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { IsNull: false } name:
                if (_choiceLists.TryGetValue(name.Value, out var list))
                {
                    return list;
                }

                _diagnostics.Report(DiagnosticCatalogue.UnknownChoiceList, name.Location, $"There is no choice list named `{name.Value}`.", NameSuggester.DidYouMean(name.Value, _choiceLists.Keys) ?? "Define it under `choices:` at the top of the template, or list the choices here.");
                return null;
            default:
                var choices = ReadChoices(node, questionId, node.Location);
                return choices is null ? null : new ChoiceList(questionId, choices, node.Location);
        }
    }

    private Requirement ReadRequirement(MapReader reader)
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
            if (RequireMap(item, "validation") is not { } map)
            {
                continue;
            }

            var entry = new MapReader(map, "a validation", _diagnostics);
            entry.RejectUnknownKeys(TemplateKeys.Validation);
            entry.RequireKey("rule", "A validation needs a `rule:` that must be true, e.g. `rule: len(notes) <= 500`.");
            entry.RequireKey("message", "A validation needs a `message:` telling the practitioner what to fix.");
            var rule = entry.Rule("rule");
            var (message, messageText) = ReadText(entry, "message");
            if (rule is not null)
            {
                validations.Add(new Validation(rule, message.Length > 0 ? message : "This answer is not valid.") { MessageText = messageText });
            }
        }

        return validations;
    }

    private Flag? ReadFlag(YamlMap map)
    {
        var reader = new MapReader(map, "a flag", _diagnostics);
        reader.RejectUnknownKeys(TemplateKeys.Flag);
        reader.RequireKey("id", "Give the flag an id.");
        reader.RequireKey("when", "A flag needs a `when:` rule saying when it is raised.");
        reader.RequireKey("message", "A flag needs a `message:` for the case summary.");
        var id = ReadId(reader, "flag");
        var when = reader.Rule("when");
        var severity = FlagSeverity.Concern;
        if (reader.Scalar("severity") is { IsNull: false } severityNode)
        {
            if (!FlagSeverities.Names.Contains(severityNode.Value))
            {
                _diagnostics.Report(DiagnosticCatalogue.InvalidValue, severityNode.Location, $"Unknown flag severity `{severityNode.Value}`.", $"Use one of: {string.Join(", ", FlagSeverities.Names)}.");
                severity = FlagSeverity.Concern;
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

        var (message, messageText) = ReadText(reader, "message");
        return new Flag(id, when, message.Length > 0 ? message : id, severity, map.Location) { MessageText = messageText };
    }
}
