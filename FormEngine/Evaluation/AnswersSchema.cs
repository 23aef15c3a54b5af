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
        // Each section's answers, then what FormEngine itself keeps beside them.
        var topLevel = new JsonObject();
        foreach (var section in template.Sections)
        {
            topLevel[section.Id] = new JsonObject
            {
                ["type"] = "object",
                ["title"] = section.Label,
                ["properties"] = Properties(section.Questions),
            };
        }

        topLevel[Versions.TemplateStamp.Key] = Stamp();
        topLevel[ArchivedAnswers.Key] = Archive();
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"urn:formengine:answers:{template.Id}:{template.Version}",
            ["title"] = $"Answers to {(template.Title.Length > 0 ? template.Title : template.Id)} (version {template.Version})",
            ["type"] = "object",
            ["properties"] = topLevel,
        };
    }

    /// <summary><c>$template</c>: which template and version made the answers (FormEngine writes it on every save).</summary>
    private static JsonObject Stamp() => new()
    {
        ["type"] = "object",
        ["title"] = "The template and version these answers were made with",
        ["properties"] = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
            ["version"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
            ["hash"] = new JsonObject { ["type"] = "string", ["pattern"] = "^" + Versions.TemplateHash.Prefix },
        },
        ["required"] = new JsonArray("id", "version"),
    };

    /// <summary><c>$archived</c>: answers set aside rather than destroyed (by a migration, or a stored value of the wrong shape), each kept as it was.</summary>
    private static JsonObject Archive() => new()
    {
        ["type"] = "array",
        ["title"] = "Answers from earlier versions, kept exactly as given",
        ["items"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["path"] = new JsonObject { ["type"] = "string" },
                ["value"] = new JsonObject(),
                ["version"] = new JsonObject { ["type"] = "integer" },
                ["reason"] = new JsonObject { ["type"] = "string" },
            },
            ["required"] = new JsonArray("path", "value", "version", "reason"),
        },
    };

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
