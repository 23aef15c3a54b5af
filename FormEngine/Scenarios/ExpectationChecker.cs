using System.Text;
using FormEngine.Evaluation;
using FormEngine.Files;
using FormEngine.Views;

namespace FormEngine.Scenarios;

/// <summary>
/// Checks one scenario's expectations against the form as its reader gets it: the view built for the
/// scenario's audience and language, the same one every renderer draws from. So a question kept from the
/// reader is not visible to the expectation either, a flag withheld from them is not raised, and messages
/// are in their language. A scenario without <c>audience:</c> is for the template's first audience.
/// </summary>
internal sealed class ExpectationChecker
{
    private readonly FormSession _session;
    private readonly Scenario _scenario;
    private readonly ScenarioOptions _options;
    private readonly ViewOptions _reader;
    private readonly ViewContext _context;
    private readonly FormView _view;
    private readonly Dictionary<string, FormElement> _elements;

    public ExpectationChecker(FormSession session, Scenario scenario, ScenarioOptions options)
    {
        _session = session;
        _scenario = scenario;
        _options = options;
        _reader = new ViewOptions { Audience = scenario.Audience, Language = scenario.Language };
        _context = new ViewContext(session.State, _reader);
        _view = FormViewBuilder.Build(session, _reader);
        _elements = _view.AllElements().ToDictionary(e => e.Path, StringComparer.Ordinal);
    }

    /// <summary>Checks that the scenario's audience and language are the template's, where they are written.</summary>
    public static IEnumerable<ScenarioFailure> CheckReader(FormTemplate template, Scenario scenario)
    {
        var definition = template.Definition;
        if (scenario.Audience is { } audience && !definition.Audiences.Contains(audience))
        {
            yield return new ScenarioFailure(scenario.AudienceLocation ?? scenario.Location, scenario.Name, definition.Audiences.Count == 0
                ? $"the template declares no audiences, so this scenario cannot be for `{audience}`. Remove `audience:`, or declare `audiences: [...]` in the template."
                : $"the template has no audience `{audience}`; its audiences are {string.Join(", ", definition.Audiences)}.{Suggest(audience, definition.Audiences)}", null);
        }

        if (scenario.Language is { } language && !definition.Languages.Contains(language))
        {
            yield return new ScenarioFailure(scenario.LanguageLocation ?? scenario.Location, scenario.Name, $"the template is not written in `{language}`; its languages are {string.Join(", ", definition.Languages)}.{Suggest(language, definition.Languages)}", null);
        }
    }

    public ScenarioFailure? Check(Expectation expectation)
    {
        ScenarioFailure Fail(string message, string? trace = null) => new(expectation.Location, _scenario.Name, message, trace);

        switch (expectation.Kind)
        {
            case ExpectationKind.Flag or ExpectationKind.NoFlag:
                return CheckFlag(expectation, Fail);
            case ExpectationKind.NoErrors:
                return _view.Errors.Count == 0 ? null : Fail($"expected no errors, but found {_view.Errors.Count}: {string.Join("; ", _view.Errors.Select(e => $"{e.Path}: {e.Message}"))}");
            case ExpectationKind.NoMissing:
                return _view.Missing.Count == 0 ? null : Fail($"expected no required question to be unanswered, but {_view.Missing.Count} {(_view.Missing.Count == 1 ? "is" : "are")}: {string.Join(", ", _view.Missing)}.");
            case ExpectationKind.NoFlags:
                return _view.Flags.Count == 0 ? null : Fail($"expected no flags to be raised{ForReader()}, but {string.Join(", ", _view.Flags.Select(f => $"`{f.Id}`"))} {(_view.Flags.Count == 1 ? "is" : "are")}.");
            case ExpectationKind.Approved:
                return CheckApproved(expectation, Fail);
        }

        PathExplanation why;
        try
        {
            why = FormViewBuilder.Explain(_session, expectation.Path, _reader);
        }
        catch (ArgumentException ex)
        {
            return Fail(ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
        }

        var path = expectation.Path;
        if (!_elements.TryGetValue(path, out var element))
        {
            // The path is in the template (Explain accepted it), so either it is left out for this reader or
            // it names a repeat item the answers do not have.
            var (plan, _) = SessionPaths.Resolve(_session.State, path);
            if (_context.IsForAudience(plan))
            {
                return Fail($"{path} is not in the form: `{plan.Repeat!.Path}` has {_session.State.ItemCount(plan.Repeat)} item(s), counted from 0.");
            }

            return expectation.Kind is ExpectationKind.Hidden or ExpectationKind.NotRequired
                ? null
                : Fail($"expected {Describe(expectation.Kind, path)}, but {path} is not in the form for {_view.Audience}: its `audiences:` leave them out.");
        }

        var trace = why.ToString();
        switch (expectation.Kind)
        {
            case ExpectationKind.Visible when !element.Visible:
                return Fail($"expected {path} to be shown{ForReader()}, but it is hidden.", trace);
            case ExpectationKind.Hidden when element.Visible:
                return Fail($"expected {path} to be hidden{ForReader()}, but it is shown.", trace);
            case ExpectationKind.Required when !element.Required:
                return Fail($"expected {path} to be required{ForReader()}, but it is not.", trace);
            case ExpectationKind.NotRequired when element.Required:
                return Fail($"expected {path} not to be required{ForReader()}, but it is.", trace);
            case ExpectationKind.Missing when !_view.Missing.Contains(path):
                return Fail($"expected {path} to be required and unanswered{ForReader()}, but it is {(element.Withheld ? "withheld from them" : element.Required ? "answered" : "not required")}.", trace);
            case ExpectationKind.Error:
                var messages = _view.Errors.Where(e => e.Path == path).Select(e => e.Message).ToList();
                if (messages.Count == 0)
                {
                    return Fail($"expected an error on {path}{ForReader()}, but it has none{(element.Withheld ? ": its answer is withheld from them" : string.Empty)}.", trace);
                }

                return expectation.Expected is { } message && !messages.Contains(message)
                    ? Fail($"expected the error \"{message}\" on {path}, but found: {string.Join("; ", messages.Select(m => $"\"{m}\""))}.")
                    : null;
            case ExpectationKind.Value:
                if (element is not QuestionView question)
                {
                    return Fail($"{path} is a section, so it has no value; name one of its questions, e.g. `{path}.{((SectionView)element).Questions.FirstOrDefault()?.Id ?? "id"}`.");
                }

                if (question.Withheld)
                {
                    return Fail($"expected {path} to be {Quote(expectation.Expected)}, but its answer is withheld from {_view.Audience}: they read \"{question.DisplayValue}\".");
                }

                var actual = FormatValue(question.Value);
                return actual == expectation.Expected ? null : Fail($"expected {path} to be {Quote(expectation.Expected)}, but it is {Quote(actual)}.", trace);
            default:
                return null;
        }
    }

    private ScenarioFailure? CheckFlag(Expectation expectation, Func<string, string?, ScenarioFailure> fail)
    {
        var explanation = SessionExplainer.ExplainFlag(_session.State, expectation.Path);
        if (explanation is null)
        {
            return fail($"The template has no flag `{expectation.Path}`.{Suggest(expectation.Path, _session.State.Flags.Select(f => f.Flag.Id))}", null);
        }

        var wanted = expectation.Kind == ExpectationKind.Flag;
        var raised = _view.Flags.Any(f => f.Id == expectation.Path);
        if (raised == wanted)
        {
            return null;
        }

        if (wanted && explanation.IsTrue)
        {
            // Raised, but not for this reader; its rule's trace could show them what is withheld, so it is not given.
            return fail($"expected flag `{expectation.Path}` to be raised{ForReader()}, but it is withheld from {_view.Audience}: the flag's `audiences:`, or information its rule reads, is not for them.", null);
        }

        return fail(wanted
            ? $"expected flag `{expectation.Path}` to be raised{ForReader()}, but it is not raised."
            : $"expected flag `{expectation.Path}` not to be raised{ForReader()}, but it is raised.", explanation.ToString());
    }

    private ScenarioFailure? CheckApproved(Expectation expectation, Func<string, string?, ScenarioFailure> fail)
    {
        if (_options.RenderForApproval is not { } render)
        {
            return fail("this scenario compares a rendering with an approved file, but no renderer was given to the scenario runner.", null);
        }

        var actual = render(_view, Path.GetExtension(expectation.Path));
        var path = expectation.Path;
        if (_options.UpdateApproved)
        {
            try
            {
                // A first run creates the approved files, so their folder may not exist yet.
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, actual, new UTF8Encoding(false));
                return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return fail($"the approved file `{expectation.Expected}` could not be written: {ex.Message}", "Check that its folder can be written to, and that no folder has the file's name.");
            }
        }

        var read = InputFiles.ReadText(path, expectation.Expected ?? path, AnswersDocument.MaxBytes, "approved file");
        if (read.Problem == InputFileProblem.NotFound)
        {
            return fail($"the approved file `{expectation.Expected}` does not exist. Run with the option to update approved files after checking the output.", null);
        }

        if (read.Text is not { } approved)
        {
            return fail(read.Message, read.Suggestion);
        }

        if (approved == actual)
        {
            return null;
        }

        var expectedLines = approved.Split('\n');
        var actualLines = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
        string At(string[] lines) => line < lines.Length ? lines[line] : "<end>";
        return fail($"the rendering differs from `{expectation.Expected}` at line {line + 1}.", $"- {At(expectedLines)}\n+ {At(actualLines)}");
    }

    // Failures of a scenario written for a reader say so, since the same expectation may hold for another.
    private string ForReader() =>
        _scenario.Audience is null && _scenario.Language is null ? string.Empty
        : _scenario.Language is null ? $" for {_view.Audience}"
        : $" for {_view.Audience ?? "the reader"} in `{_view.Language}`";

    private static string Describe(ExpectationKind kind, string path) => kind switch
    {
        ExpectationKind.Visible => $"{path} to be shown",
        ExpectationKind.Required => $"{path} to be required",
        ExpectationKind.Missing => $"{path} to be required and unanswered",
        ExpectationKind.Error => $"an error on {path}",
        _ => $"a value for {path}",
    };

    private static string Suggest(string typed, IEnumerable<string> known) =>
        Diagnostics.NameSuggester.DidYouMean(typed, known) is { } hint ? " " + hint : string.Empty;

    private static string FormatValue(Rules.RuleValue value) =>
        value.Kind == Rules.RuleTypeKind.List
            ? string.Join(", ", value.AsList.Select(AnswerFormatter.FormatForInput))
            : AnswerFormatter.FormatForInput(value);

    private static string Quote(string? text) => string.IsNullOrEmpty(text) ? "empty" : $"`{text}`";
}
