using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Evaluation;

/// <summary>
/// Reads one answer from JSON into the value rules see. An answer that does not fit its question gives
/// an error message and reads as unanswered; the JSON itself is never changed, so nothing is lost.
/// </summary>
internal static class AnswerConverter
{
    public static (RuleValue Value, string? Error) Read(Question question, JsonNode? node)
    {
        if (node is null)
        {
            return (RuleValue.Null, null);
        }

        return question.Type switch
        {
            QuestionType.Text or QuestionType.TextArea => ReadText(node),
            QuestionType.Number => ReadNumber(node),
            QuestionType.Date => ReadDate(node),
            QuestionType.Boolean => ReadBoolean(node),
            QuestionType.Choice => ReadChoice(question, node),
            QuestionType.MultiChoice => ReadMultiChoice(question, node),
            QuestionType.Signature => ReadSignature(node),
            _ => (RuleValue.Null, null),
        };
    }

    /// <summary>Turns a value given through the API into JSON, the form answers are stored in.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        DateOnly date => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTime dateTime => JsonValue.Create(DateOnly.FromDateTime(dateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        decimal number => JsonValue.Create(number),
        int number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        IEnumerable<string> texts => new JsonArray([.. texts.Select(t => (JsonNode?)JsonValue.Create(t))]),
        _ => throw new ArgumentException($"Answers can be text, numbers, true/false, dates, lists of text or JSON, not {value.GetType().Name}.", nameof(value)),
    };

    private static (RuleValue, string?) ReadText(JsonNode node)
    {
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.String:
                    var text = value.GetValue<string>();
                    return (text.Length == 0 ? RuleValue.Null : RuleValue.FromText(text), null);
                case JsonValueKind.Number:
                    return (RuleValue.FromText(value.ToJsonString()), null);
            }
        }

        return (RuleValue.Null, "This answer should be text.");
    }

    private static (RuleValue, string?) ReadNumber(JsonNode node)
    {
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.Number when decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                    return (RuleValue.FromNumber(number), null);
                case JsonValueKind.String:
                    var text = value.GetValue<string>().Trim();
                    if (text.Length == 0)
                    {
                        return (RuleValue.Null, null);
                    }

                    if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
                    {
                        return (RuleValue.FromNumber(parsed), null);
                    }

                    return (RuleValue.Null, $"Enter a number, not `{Shorten(text)}`.");
            }
        }

        return (RuleValue.Null, "This answer should be a number.");
    }

    private static (RuleValue, string?) ReadDate(JsonNode node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>().Trim();
            if (text.Length == 0)
            {
                return (RuleValue.Null, null);
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (RuleValue.FromDate(date), null);
            }

            return (RuleValue.Null, $"Enter a real date written YYYY-MM-DD, not `{Shorten(text)}`.");
        }

        return (RuleValue.Null, "This answer should be a date written YYYY-MM-DD.");
    }

    /// <summary>
    /// A signature is given when it has a name and a date; rules read the date. Nothing filled in is no signature;
    /// a name without a date, or a date without a name, is an error, so a half-given signature never counts.
    /// </summary>
    private static (RuleValue, string?) ReadSignature(JsonNode node)
    {
        if (node is not JsonObject signature || signature.Any(p => p.Key is not ("name" or "role" or "date")))
        {
            return (RuleValue.Null, "This answer should be a signature: {\"name\": \"...\", \"role\": \"...\", \"date\": \"YYYY-MM-DD\"}.");
        }

        string? Part(string key) => signature[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().Trim() : null;
        if (signature.Any(p => p.Value is not null && Part(p.Key) is null))
        {
            return (RuleValue.Null, "The name, role and date of a signature are each written as text.");
        }

        var (name, role, date) = (Part("name") ?? string.Empty, Part("role") ?? string.Empty, Part("date") ?? string.Empty);
        if (name.Length == 0 && role.Length == 0 && date.Length == 0)
        {
            return (RuleValue.Null, null);
        }

        if (name.Length == 0)
        {
            return (RuleValue.Null, "A signature needs the name of who gave it.");
        }

        if (date.Length == 0)
        {
            return (RuleValue.Null, "A signature needs the date it was given, written YYYY-MM-DD.");
        }

        var (value, error) = ReadDate(JsonValue.Create(date));
        return (value, error);
    }

    private static (RuleValue, string?) ReadBoolean(JsonNode node)
    {
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.True:
                    return (RuleValue.True, null);
                case JsonValueKind.False:
                    return (RuleValue.False, null);
                case JsonValueKind.String when value.GetValue<string>() is "true" or "false":
                    return (RuleValue.FromBoolean(value.GetValue<string>() == "true"), null);
                case JsonValueKind.String when value.GetValue<string>().Length == 0:
                    return (RuleValue.Null, null);
            }
        }

        return (RuleValue.Null, "This answer should be true or false.");
    }

    private static (RuleValue, string?) ReadChoice(Question question, JsonNode node)
    {
        var (text, error) = ChoiceText(node);
        if (error is not null)
        {
            return (RuleValue.Null, error);
        }

        if (text is null || text.Length == 0)
        {
            return (RuleValue.Null, null);
        }

        if (question.Choices is { } list && list.Find(text) is null)
        {
            return (RuleValue.Null, NotAChoice(list, text));
        }

        return (RuleValue.FromText(text), null);
    }

    private static (RuleValue, string?) ReadMultiChoice(Question question, JsonNode node)
    {
        if (node is not JsonArray array)
        {
            return (RuleValue.Null, "This answer should be a list of choices, e.g. [\"MOB\", \"COMM\"].");
        }

        var values = new List<RuleValue>(array.Count);
        foreach (var item in array)
        {
            var (text, error) = item is null ? (null, null) : ChoiceText(item);
            if (error is not null)
            {
                return (RuleValue.Null, error);
            }

            if (text is null)
            {
                continue;
            }

            if (question.Choices is { } list && list.Find(text) is null)
            {
                return (RuleValue.Null, NotAChoice(list, text));
            }

            values.Add(RuleValue.FromText(text));
        }

        return (values.Count == 0 ? RuleValue.Null : RuleValue.FromList(values), null);
    }

    private static (string? Text, string? Error) ChoiceText(JsonNode node)
    {
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.String:
                    return (value.GetValue<string>(), null);
                case JsonValueKind.Number:
                    return (value.ToJsonString(), null);
            }
        }

        return (null, "This answer should be one of the choices, written as text.");
    }

    private static string NotAChoice(ChoiceList list, string text)
    {
        var values = string.Join(", ", list.Choices.Take(12).Select(c => c.Value));
        return $"`{Shorten(text)}` is not one of the choices ({values}{(list.Choices.Count > 12 ? ", ..." : string.Empty)}).";
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
