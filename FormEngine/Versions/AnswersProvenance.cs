using System.Text.Json.Nodes;

namespace FormEngine.Versions;

/// <summary>
/// Which template an answers document belongs to: the check made before answers are read with a template,
/// and the stamp written whenever answers are written. One place decides both, so no path of the library
/// can read a record with a version it was not made under, or write answers that do not say what made them.
/// </summary>
public static class AnswersProvenance
{
    /// <summary>
    /// Why these answers may not be read with this template as they are: their <c>$template</c> names another
    /// template or version, or cannot be read. Null when they may (including answers that name no template,
    /// such as those written by hand or before FormEngine recorded it).
    /// </summary>
    /// <param name="template">The template about to read the answers.</param>
    /// <param name="answers">The answers document.</param>
    /// <returns>The refusal in words for the person who gave the answers, or null.</returns>
    public static string? Refusal(FormTemplate template, JsonObject answers)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(answers);
        var stamp = TemplateStamp.FromAnswers(answers, out var problem);
        return problem ?? stamp?.RefusalFor(template);
    }

    /// <summary>The refusal as a diagnostic on the answers file, or null when the answers may be read with the template.</summary>
    internal static Diagnostics.Diagnostic? Check(FormTemplate template, JsonObject answers, string answersFile) =>
        Refusal(template, answers) is { } refusal
            ? Diagnostics.DiagnosticCatalogue.AnswersForAnotherVersion.At(Diagnostics.SourceLocation.FileOnly(answersFile), refusal, null)
            : null;

    /// <summary>The document with <c>$template</c> naming <paramref name="template"/> as its first key, the rest in their order.</summary>
    internal static JsonObject Stamped(JsonObject document, FormTemplate template)
    {
        var stamped = new JsonObject { [TemplateStamp.Key] = TemplateStamp.Of(template).ToJson() };
        foreach (var key in document.Select(entry => entry.Key).ToList())
        {
            if (key == TemplateStamp.Key)
            {
                continue;
            }

            var value = document[key];
            document.Remove(key);
            stamped[key] = value;
        }

        return stamped;
    }
}
