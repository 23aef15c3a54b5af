using FormEngine.Evaluation;

namespace FormEngine.Fuzz.Targets;

/// <summary>
/// The answers reader: <see cref="AnswersDocument.Parse"/>, then a session over each example template opened
/// with the answers as the current and as the previous assessment's, evaluated and exported. Answers come
/// from browsers, imports and old records, so none of this may throw.
/// </summary>
internal sealed class AnswersTarget : IFuzzTarget
{
    private static readonly string[] TemplateFiles =
    [
        "rules-quickstart/quickstart.yaml",
        "single-assessment/single-assessment.yaml",
        "wellbeing-check/wellbeing-check.yaml",
        "my-views/my-views.yaml",
    ];

    // The date the example answers were written for, so their dates and ages mean what they say.
    private static readonly DateOnly Today = new(2026, 11, 26);

    private FormTemplate[] _templates = [];

    public string Name => "answers";

    public void Prepare()
    {
        _templates = TemplateFiles
            .Select(f => FormTemplate.Load(Path.Combine(AppContext.BaseDirectory, "templates", f)).GetTemplateOrThrow())
            .ToArray();
    }

    public void Run(string input)
    {
        var result = AnswersDocument.Parse(input);
        foreach (var diagnostic in result.Diagnostics)
        {
            _ = diagnostic.ToString();
        }

        if (result.Answers is not { } answers)
        {
            return;
        }

        foreach (var template in _templates)
        {
            var session = FormSession.Open(template, answers, new FormSessionOptions { Today = Today });
            _ = session.Evaluate();
            _ = session.AnswerIssues();
            _ = session.ExportVisibleAnswers().ToJsonString();
            _ = session.ToJson().ToJsonString();

            var carried = FormSession.Open(template, null, new FormSessionOptions { Today = Today, PreviousAnswers = answers });
            _ = carried.CarriedForward.Count;
            _ = carried.Evaluate();
        }
    }

    public IEnumerable<(string Name, string Text)> Seeds(string repoRoot)
    {
        foreach (var file in Corpus.Files(repoRoot, "examples", "*.json"))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}answers", StringComparison.Ordinal) || Path.GetFileName(file) == "answers.json")
            {
                yield return (Path.GetRelativePath(repoRoot, file), File.ReadAllText(file));
            }
        }
    }

    public IEnumerable<string> DictionaryWords(string repoRoot)
    {
        foreach (var token in new[] { "{", "}", "[", "]", ":", ",", "\"", "\\u", "\\ud800", "\\\"", "true", "false", "null", "-0", "1e400", "79228162514264337593543950335", "\"2017-03-02\"", "/* */", "//" })
        {
            yield return token;
        }

        // The section and question ids of the example templates, as JSON keys.
        foreach (var file in TemplateFiles)
        {
            var path = Path.Combine(repoRoot, "examples", file);
            foreach (var line in File.ReadLines(path))
            {
                var trimmed = line.TrimStart(' ', '-');
                if (trimmed.StartsWith("id: ", StringComparison.Ordinal))
                {
                    yield return $"\"{trimmed[4..].Trim()}\":";
                }
            }
        }
    }
}
