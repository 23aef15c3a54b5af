using System.Text.Json.Nodes;
using FormEngine.Templates;

namespace FormEngine.Evaluation;

/// <summary>
/// Generates a JSON Schema (draft 2020-12) for a template's answers, so that systems storing answers can
/// check them without FormEngine. Unknown keys are allowed, as FormEngine keeps them rather than drop them.
/// </summary>
public static class AnswersSchema
{
    /// <summary>The schema for answers to <paramref name="template"/>.</summary>
    /// <param name="template">The template.</param>
    /// <returns>A JSON Schema document.</returns>
    public static JsonObject Generate(FormTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var sections = new JsonObject();
        foreach (var section in template.Sections)
        {
            sections[section.Id] = new JsonObject
            {
                ["type"] = "object",
                ["title"] = section.Label,
                ["properties"] = Properties(section.Questions),
            };
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"urn:formengine:answers:{template.Id}:{template.Version}",
            ["title"] = $"Answers to {(template.Title.Length > 0 ? template.Title : template.Id)} (version {template.Version})",
            ["type"] = "object",
            ["properties"] = sections,
        };
    }

    private static JsonObject Properties(IReadOnlyList<Question> questions)
    {
        var properties = new JsonObject();
        foreach (var question in questions)
        {
            if (Schema(question) is { } schema)
            {
                if (question.Label.Length > 0)
                {
                    schema["title"] = question.Label;
                }

                properties[question.Id] = schema;
            }
        }

        return properties;
    }

    private static JsonObject? Schema(Question question) => question.Type switch
    {
        QuestionType.Text or QuestionType.TextArea => Nullable("string"),
        // Bounds are left out on purpose: an out-of-range number is a validation error FormEngine reports, not a malformed file.
        QuestionType.Number => Nullable("number"),
        QuestionType.Date => new JsonObject { ["type"] = new JsonArray("string", "null"), ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
        QuestionType.Boolean => Nullable("boolean"),
        QuestionType.Choice => new JsonObject { ["enum"] = Values(question, withNull: true) },
        QuestionType.MultiChoice => new JsonObject
        {
            ["type"] = new JsonArray("array", "null"),
            ["items"] = new JsonObject { ["enum"] = Values(question, withNull: false) },
            ["uniqueItems"] = true,
        },
        QuestionType.Repeat => Repeat(question),
        QuestionType.Signature => new JsonObject
        {
            ["type"] = new JsonArray("object", "null"),
            ["properties"] = new JsonObject
            {
                ["name"] = Nullable("string"),
                ["role"] = Nullable("string"),
                ["date"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            },
            ["additionalProperties"] = false,
        },
        _ => null,
    };

    private static JsonObject Nullable(string type) => new() { ["type"] = new JsonArray(type, "null") };

    private static JsonArray Values(Question question, bool withNull)
    {
        var values = new JsonArray();
        foreach (var choice in question.Choices?.Choices ?? [])
        {
            values.Add(choice.Value);
        }

        if (withNull)
        {
            values.Add(null);
        }

        return values;
    }

    private static JsonObject Repeat(Question question) => new()
    {
        ["type"] = new JsonArray("array", "null"),
        ["items"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = Properties(question.Questions),
        },
    };
}
