using System.Globalization;
using FormEngine.Templates;
using FormEngine.Views;
using Scriban.Runtime;

namespace FormEngine.Renderers.Html;

/// <summary>A question's own variables (its field, choices, date parts, reveals, length limit) and a repeat item's.</summary>
internal static partial class HtmlModels
{
    private static void AddQuestion(ElementModel model, QuestionView question, HtmlRenderContext context)
    {
        var mode = context.Options.Mode;
        var words = context.Words;
        var fieldId = HtmlText.FieldId(question.Path) + context.IdSuffix;
        model["type"] = LowerCaseNames<QuestionType>.Of(question.Type);
        model["shown_field"] = HtmlFormFields.Shown;
        if (question.Type == QuestionType.Note)
        {
            // A note is prose: its paragraphs as the view divides them, so HTML, PDF and text agree.
            model["paragraphs"] = question.DisplayLabelParagraphs;
            model["hint_paragraphs"] = question.HintParagraphs;
        }

        model["answer"] = question.Withheld && question.DisplayValue.Length == 0 ? Withheld(words) : question.DisplayValue;
        model["answered"] = question.IsAnswered;
        model["value"] = question.InputValue;
        model["carried_forward"] = question.CarriedForward;
        model["min"] = question.Min is { } min ? AnswerFormatter.FormatNumber(min) : null;
        model["max"] = question.Max is { } max ? AnswerFormatter.FormatNumber(max) : null;
        model["number_hint"] = (model["min"], model["max"]) switch
        {
            (string from, string to) => Wording.Fill(context.Words.NumberRangeFormat, from, to),
            (string from, null) => Wording.Fill(context.Words.NumberMinFormat, from),
            (null, string to) => Wording.Fill(context.Words.NumberMaxFormat, to),
            _ => null,
        };
        model["value_is_number"] = question.InputValue.Length == 0
            || decimal.TryParse(question.InputValue, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
        // Only ten characters can be a yyyy-MM-dd date; the length test spares parsing every other answer.
        model["value_is_date"] = question.InputValue.Length == 0
            || question.InputValue.Length == 10 && DateOnly.TryParseExact(question.InputValue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        if (question.Type == QuestionType.Signature)
        {
            // The parts as stored, for the three fields HtmlFormBinder reads back under these suffixes.
            var signature = question.Signature ?? SignatureView.Empty;
            model["signature"] = new ScriptObject { ["name"] = signature.Name, ["role"] = signature.Role, ["date"] = signature.Date };
            model["signature_fields"] = new ScriptObject
            {
                ["name"] = HtmlFormFields.SignatureNameSuffix,
                ["role"] = HtmlFormFields.SignatureRoleSuffix,
                ["date"] = HtmlFormFields.SignatureDateSuffix,
            };
        }

        var (day, month, year) = HtmlFormFields.DateParts(question.InputValue);
        model["year"] = year;
        model["month"] = month;
        model["day"] = day;
        model["day_name"] = question.Path + HtmlFormFields.DaySuffix;
        model["month_name"] = question.Path + HtmlFormFields.MonthSuffix;
        model["year_name"] = question.Path + HtmlFormFields.YearSuffix;
        model["day_id"] = fieldId + HtmlFormFields.DaySuffix;
        model["month_id"] = fieldId + HtmlFormFields.MonthSuffix;
        model["year_id"] = fieldId + HtmlFormFields.YearSuffix;
        if (question.Type == QuestionType.Date)
        {
            var wrong = HtmlFormProblems.WrongDateParts(question, model["has_errors"] is true);
            model["day_wrong"] = wrong[0];
            model["month_wrong"] = wrong[1];
            model["year_wrong"] = wrong[2];
        }

        model["select"] = question.AsksWithSelect;
        model["max_length"] = question.MaxLength;
        model["count_id"] = fieldId + "-info";
        model["character_limit"] = question.MaxLength is { } limit ? Wording.Fill(words.CharacterLimitFormat, limit.ToString(CultureInfo.InvariantCulture)) : null;
        model["add_id"] = HtmlFormProblems.AddButtonId(fieldId);
        // GOV.UK Frontend's character count speaks English unless given its messages (%{count} is its placeholder).
        model["count_messages"] = question.MaxLength is null ? null : new List<ScriptObject>
        {
            CountMessage("characters-under-limit.other", Wording.Fill(words.CharactersLeftFormat, "%{count}")),
            CountMessage("characters-under-limit.one", words.OneCharacterLeft),
            CountMessage("characters-at-limit", Wording.Fill(words.CharactersLeftFormat, "0")),
            CountMessage("characters-over-limit.other", Wording.Fill(words.CharactersOverFormat, "%{count}")),
            CountMessage("characters-over-limit.one", words.OneCharacterOver),
        };
        if (question.MaxLength is not null && mode == OutputMode.Form)
        {
            // The character count's message describes the field first, then the hint and the error, as GOV.UK orders them.
            model["described_by"] = string.Join(' ', new[] { fieldId + "-info", question.Hint is null ? null : fieldId + "-hint", model["has_errors"] is true ? fieldId + "-error" : null }.OfType<string>());
        }

        var choices = question.Type == QuestionType.Boolean
            ? [new ChoiceView("true", words.Yes, null, question.InputValue == "true"), new ChoiceView("false", words.No, null, question.InputValue == "false")]
            : question.Choices;
        model["choices"] = new OnceList<ScriptObject>(() => Choices(question, choices, fieldId, context));

        if (question.Type != QuestionType.Repeat)
        {
            return;
        }

        var label = question.DisplayLabel;
        // The buttons that add and remove items post these names; HtmlFormBinder reads them back.
        model["add_field"] = HtmlFormFields.AddItem;
        model["remove_field"] = HtmlFormFields.RemoveItem;
        model["add_label"] = question.AddLabel;
        var secondLabel = context.SideBySide && context.Second!.Twin(question) is QuestionView twin ? twin.DisplayLabel : null;
        model["items"] = question.Withheld
            // Not even how many items there are: the placeholder stands for the whole group.
            ? new LazyList<ScriptObject>(0, _ => throw new InvalidOperationException())
            : mode == OutputMode.Blank
                ? new LazyList<ScriptObject>(ModeRules.BlankRepeatItems, i => Item(label, secondLabel, i, question.ItemTemplate, null, context))
                : new LazyList<ScriptObject>(question.Items.Count, i => Item(label, secondLabel, question.Items[i].Index, question.Items[i].Questions, question.Path, context, question.Items[i].RemoveLabel, question.Items[i].Removable));
    }

    /// <summary>A question's options as its template sees them, with the questions each one reveals (form mode).</summary>
    private static List<ScriptObject> Choices(QuestionView question, IReadOnlyList<ChoiceView> choices, string fieldId, HtmlRenderContext context)
    {
        var mode = context.Options.Mode;
        var models = new List<ScriptObject>(choices.Count);
        for (var index = 0; index < choices.Count; index++)
        {
            var choice = choices[index];
            // The first option takes the field's own id, so error summary links land on it.
            var id = index == 0 ? fieldId : $"{fieldId}-{index + 1}";
            var followers = mode == OutputMode.Form ? context.FollowUps.Values.Where(f => f.FollowUpOf!.Path == question.Path && f.FollowUpOf.Value == choice.Value).ToList() : [];
            models.Add(new ScriptObject(9)
            {
                ["value"] = choice.Value,
                ["label"] = choice.Label,
                ["hint"] = choice.Hint,
                ["selected"] = choice.Selected,
                ["id"] = id,
                ["hint_id"] = id + "-hint",
                // The questions this option reveals (GOV.UK's conditional reveal), drawn inside it. They are rendered
                // here, apart, because the option list is written inside a `capture`, which must not receive
                // another template's output.
                ["conditional"] = followers.Count == 0 ? null : new HtmlMarkup(string.Concat(followers.Select(f => context.RenderToMarkup(f).Html))),
                ["conditional_id"] = "conditional-" + id,
            });
        }

        return models;
    }

    /// <summary>One item's variables; <paramref name="group"/> is the group's path for an item that can be removed, null on a blank form.</summary>
    private static ScriptObject Item(string label, string? secondLabel, int index, IReadOnlyList<QuestionView> questions, string? group, HtmlRenderContext context, string? removeLabel = null, bool removable = false)
    {
        var included = Included(questions, context);
        var children = Children(included, context);
        var item = new ScriptObject
        {
            ["index"] = index,
            ["number"] = index + 1,
            ["title"] = string.Create(CultureInfo.InvariantCulture, $"{label} {index + 1}"),
            ["level"] = context.HeadingLevel + 2,
            ["questions"] = children,
            ["blocks"] = Blocks(included, children, context),
        };
        if (secondLabel is not null)
        {
            item["second_title"] = string.Create(CultureInfo.InvariantCulture, $"{secondLabel} {index + 1}");
        }

        if (group is not null)
        {
            item["path"] = HtmlFormFields.ItemPath(group, index);
            item["remove_label"] = removeLabel;
            item["removable"] = removable;
        }

        return item;
    }

    private static ScriptObject CountMessage(string key, string text) => new() { ["key"] = key, ["text"] = text };
}
