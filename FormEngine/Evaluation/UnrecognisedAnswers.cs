using System.Text.Json.Nodes;
using FormEngine.Diagnostics;
using FormEngine.Templates;

namespace FormEngine.Evaluation;

/// <summary>
/// Finds the answers in a document that the template has no question for. They are reported, never
/// removed: a practitioner's entry survives a template that no longer asks for it. FormEngine's own
/// metadata keys are not answers, so they are not reported.
/// </summary>
internal static class UnrecognisedAnswers
{
    public static IReadOnlyList<AnswerIssue> Find(StoredAnswers answers, FormTemplate template)
    {
        var found = new List<AnswerIssue>();
        void Add(string path, string message) => found.Add(new AnswerIssue(DiagnosticCatalogue.AnswerUnrecognised.Code, path, message));

        foreach (var (key, value) in answers.Entries)
        {
            if (StoredAnswers.IsMetadataKey(key))
            {
                continue;
            }

            var section = template.FindPlan(key);
            if (section is not { IsSection: true })
            {
                Add(key, "The template has no section with this id.");
                continue;
            }

            if (value is null)
            {
                continue;
            }

            if (value is not JsonObject sectionAnswers)
            {
                Add(key, "A section's answers should be an object of question ids and answers.");
                continue;
            }

            foreach (var (questionId, answer) in sectionAnswers)
            {
                var path = $"{key}.{questionId}";
                var question = template.FindPlan(path);
                if (question?.Question is not { IsAnswerable: true } q)
                {
                    Add(path, question is null ? "The template has no question with this id here." : "This question takes no answer.");
                }
                else if (q.Type == QuestionType.Repeat && answer is JsonArray items)
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i] is not JsonObject item)
                        {
                            Add($"{path}[{i}]", "Each item should be an object of question ids and answers.");
                            continue;
                        }

                        foreach (var (fieldId, _) in item)
                        {
                            var field = template.FindPlan($"{path}.{fieldId}");
                            if (field?.Question is not { TakesAnswer: true })
                            {
                                Add(AnswerPath.Format(path, i, fieldId), field is null ? "The repeat group has no question with this id." : "This question takes no answer.");
                            }
                        }
                    }
                }
            }
        }

        return found;
    }
}
