using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormEngine.Diagnostics;
using FormEngine.Evaluation;
using FormEngine.Templates;
using FormEngine.Views;

namespace FormEngine.Renderers.Html;

/// <summary>
/// The inverse of <see cref="HtmlRenderer"/>'s form mode: applies a posted form to the session it was
/// rendered from. It knows the fields the built-in templates write (answer paths as names, a GOV.UK date's
/// <c>-day</c>/<c>-month</c>/<c>-year</c>, a signature's <c>.name</c>/<c>.role</c>/<c>.date</c>, <c>true</c>/<c>false</c> for yes/no, one value per ticked box or the
/// one chosen in a drop-down list, and the buttons that add and remove repeat items), and turns each into the
/// kind of answer its question takes. A follow-up question drawn under the option that reveals it is on the
/// page even while hidden, so what is typed there is kept (rules read a hidden answer as empty).
/// </summary>
/// <remarks>
/// <para>Only the fields the renderer would have put on the page are read: it builds the same view for the same
/// audience, so a question that is hidden, withheld from the reader, or not displayed is untouched whatever is
/// posted under its name. Those names are listed in <see cref="FormBindResult.Ignored"/>, as is anything else
/// the page does not have; field names are only ever looked up, never parsed.</para>
/// <para>A field posted exactly as the page showed it leaves its answer untouched, so an unchanged submit never
/// changes an answer the page could not show as stored (a choice no longer offered, a value of another type).
/// What cannot be read (<c>30/2/2026</c> as a date, <c>ten</c> as a number) is kept as typed and reported, so
/// nothing is lost; a choice the page does not offer is reported and not stored.</para>
/// <para>A field that was not sent at all is treated as not on the submitted page, and its answer left alone:
/// browsers always send text, number and date fields, even empty. A browser sends nothing for an unticked
/// checkbox list or an unanswered radio group, so the renderer writes a hidden <c>_shown</c> field beside each
/// group; with it, nothing ticked means "none" and clears the answer.</para>
/// </remarks>
public static class HtmlFormBinder
{
    /// <summary>The name of the button that adds an item to a repeat group; its value is the group's path.</summary>
    public const string AddItemField = HtmlFormFields.AddItem;

    /// <summary>The name of the button that removes a repeat item; its value is the item's path, e.g. <c>household.members[1]</c>.</summary>
    public const string RemoveItemField = HtmlFormFields.RemoveItem;

    /// <summary>Applies a posted form to the session.</summary>
    /// <param name="session">The session the form was rendered from; it is changed in place.</param>
    /// <param name="post">The posted fields.</param>
    /// <param name="view">The audience and language the form was rendered for.</param>
    /// <param name="options">The options the form was rendered with (its <see cref="RenderOptions.Theme"/> decides how dates are posted).</param>
    /// <returns>What changed, what could not be read, and what was ignored.</returns>
    /// <exception cref="ArgumentException">The theme is not one of <see cref="HtmlRenderer.Themes"/>, or the template does not declare the audience.</exception>
    public static FormBindResult Bind(FormSession session, FormPost post, ViewOptions view, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(options);
        if (!HtmlRenderer.Themes.Contains(options.Theme, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown HTML theme `{options.Theme}`; use one of: {string.Join(", ", HtmlRenderer.Themes)}.", nameof(options));
        }

        // The page as it was rendered: decided before anything changes, because an answer can show or hide
        // other questions, and the reader answered the page they saw.
        var form = FormViewBuilder.Build(session, view);
        var govuk = options.Theme == "govuk";
        var names = new HashSet<string>(StringComparer.Ordinal) { AddItemField, RemoveItemField, HtmlFormFields.Shown };
        // The host's own hidden fields (an antiforgery token) were on the page too; they are the host's to read.
        names.UnionWith(options.HiddenFields.Select(field => field.Key));
        var shownGroups = post.Values(HtmlFormFields.Shown).ToHashSet(StringComparer.Ordinal);
        var changes = new List<(string Path, JsonNode? Value)>();
        var problems = new List<FieldProblem>();
        var groups = new Dictionary<string, QuestionView>(StringComparer.Ordinal);
        foreach (var question in OnPage(form))
        {
            if (question.Type == QuestionType.Repeat)
            {
                groups[question.Path] = question;
                continue;
            }

            var field = new Field(question, govuk && question.Type == QuestionType.Date);

            names.UnionWith(field.Names);
            var (outcome, value, problem) = Read(field, post, shownGroups, session.Today);
            if (problem is not null)
            {
                problems.Add(problem);
            }

            if (outcome == Outcome.Set && !Same(question.Type, session.State.StoredAnswer(field.Plan(session), field.Item), value))
            {
                changes.Add((question.Path, value));
            }
        }

        var changed = new List<string>();
        foreach (var (path, value) in changes)
        {
            session.Set(path, value);
            changed.Add(path);
        }

        ApplyButtons(session, post, groups, changed, problems);
        return new FormBindResult
        {
            Changed = changed,
            Problems = problems,
            Ignored = [.. post.Names.Where(name => !names.Contains(name))],
        };
    }

    /// <summary>Every question the form shows a field for (and the repeat groups whose buttons it writes), in page order.</summary>
    private static IEnumerable<QuestionView> OnPage(FormView form)
    {
        // The check-your-answers page shows answers, not fields: posting it changes nothing.
        if (form.Paging?.IsCheckAnswers == true)
        {
            yield break;
        }

        foreach (var section in form.Sections.Where(s => HtmlModeRules.Includes(s, OutputMode.Form)))
        {
            foreach (var question in section.Questions.Where(q => HtmlModeRules.Includes(q, OutputMode.Form) && !q.Withheld))
            {
                if (question.Type == QuestionType.Repeat)
                {
                    yield return question;
                    foreach (var item in question.Items)
                    {
                        foreach (var field in item.Questions.Where(f => HtmlModeRules.Includes(f, OutputMode.Form) && !f.Withheld && f.TakesAnswer))
                        {
                            yield return field;
                        }
                    }
                }
                else if (question.TakesAnswer)
                {
                    yield return question;
                }
            }
        }
    }

    private enum Outcome
    {
        Untouched,
        Set,
    }

    private static (Outcome, JsonNode?, FieldProblem?) Read(Field field, FormPost post, HashSet<string> shownGroups, DateOnly today)
    {
        var question = field.Question;
        var type = question.Type;
        var grouped = type is QuestionType.Boolean or QuestionType.Choice or QuestionType.MultiChoice;
        if (!field.Names.Any(post.Contains) && !(grouped && shownGroups.Contains(question.Path)))
        {
            // Not on the submitted page: nothing sent for it means nothing to change.
            return (Outcome.Untouched, null, null);
        }

        var posted = field.Names.Select(post.Values).ToArray();
        var shown = field.Shown();
        if (posted.Zip(shown).All(pair => SameText(pair.First, pair.Second)))
        {
            return (Outcome.Untouched, null, null);
        }

        if (type != QuestionType.MultiChoice && posted.FirstOrDefault(values => values.Count > 1) is { } repeated)
        {
            return (Outcome.Untouched, null, new FieldProblem(DiagnosticCodes.AnswerNotAChoice, question.Path, "This field was sent more than once, so which answer is meant cannot be known; the answer was left as it was.", string.Join(", ", repeated)));
        }

        string Single(int index) => posted[index] is [var only] ? only : string.Empty;
        switch (type)
        {
            case QuestionType.Text:
                return Text(Single(0).Trim());
            case QuestionType.TextArea:
                return Text(Single(0).ReplaceLineEndings("\n").Trim());
            case QuestionType.Number:
                return Number(question.Path, Single(0).Trim());
            case QuestionType.Date when field.Names.Length == 3:
                return DateFromParts(question.Path, Single(0).Trim(), Single(1).Trim(), Single(2).Trim());
            case QuestionType.Date:
                return Date(question.Path, Single(0).Trim());
            case QuestionType.Signature:
                return Signature(question.Path, Single(0).Trim(), Single(1).Trim(), Single(2).Trim(), today);
            case QuestionType.Boolean:
                return Single(0) switch
                {
                    "" when posted[0].Count == 0 => (Outcome.Set, null, null),
                    "true" => (Outcome.Set, JsonValue.Create(true), null),
                    "false" => (Outcome.Set, JsonValue.Create(false), null),
                    var other => NotOffered(question.Path, other),
                };
            case QuestionType.Choice:
                // A drop-down list sends its empty first option ("Choose one") when nothing is chosen.
                if (posted[0].Count == 0 || Single(0).Length == 0)
                {
                    return (Outcome.Set, null, null);
                }

                return question.Choices.Any(c => c.Value == Single(0))
                    ? (Outcome.Set, JsonValue.Create(Single(0)), null)
                    : NotOffered(question.Path, Single(0));
            default:
                var ticked = posted[0].Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
                if (ticked.FirstOrDefault(v => !question.Choices.Any(c => c.Value == v)) is { } unknown)
                {
                    return NotOffered(question.Path, unknown);
                }

                // Stored in the choice list's order, whatever order the browser sent the boxes in.
                var values = question.Choices.Where(c => ticked.Contains(c.Value)).Select(c => (JsonNode?)JsonValue.Create(c.Value)).ToArray();
                return (Outcome.Set, values.Length == 0 ? null : new JsonArray(values), null);
        }
    }

    /// <summary>
    /// A signature's name, role and date. A name given without a date is signed today (the session's date), so the
    /// record says when it was confirmed without the reader typing it; a date that is not one is kept as typed and
    /// reported, as for a date question.
    /// </summary>
    private static (Outcome, JsonNode?, FieldProblem?) Signature(string path, string name, string role, string date, DateOnly today)
    {
        if (name.Length > 0 && date.Length == 0)
        {
            date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var value = new SignatureView(name, role, date).ToJson();
        return date.Length > 0 && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? (Outcome.Set, value, new FieldProblem(DiagnosticCodes.AnswerWrongType, path, $"Enter a real date, not `{Shorten(date)}`.", date))
            : (Outcome.Set, value, null);
    }

    private static (Outcome, JsonNode?, FieldProblem?) Text(string text) =>
        (Outcome.Set, text.Length == 0 ? null : JsonValue.Create(text), null);

    private static (Outcome, JsonNode?, FieldProblem?) Number(string path, string text)
    {
        if (text.Length == 0)
        {
            return (Outcome.Set, null, null);
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return (Outcome.Set, JsonValue.Create(number), null);
        }

        return KeptAsTyped(path, text, $"Enter a number, not `{Shorten(text)}`.", text);
    }

    private static (Outcome, JsonNode?, FieldProblem?) Date(string path, string text)
    {
        if (text.Length == 0)
        {
            return (Outcome.Set, null, null);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return (Outcome.Set, JsonValue.Create(text), null);
        }

        return KeptAsTyped(path, text, $"Enter a real date, not `{Shorten(text)}`.", text);
    }

    private static (Outcome, JsonNode?, FieldProblem?) DateFromParts(string path, string day, string month, string year)
    {
        if (day.Length == 0 && month.Length == 0 && year.Length == 0)
        {
            return (Outcome.Set, null, null);
        }

        // GOV.UK asks for a four-digit year: "26" is more likely 2026 than the year 26, so it is not guessed.
        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && year.Length == 4 && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return (Outcome.Set, JsonValue.Create(new DateOnly(y, m, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), null);
        }

        // Kept in the order a stored date is written, so the three boxes show it again as typed.
        var entered = $"{day}/{month}/{year}";
        return KeptAsTyped(path, $"{year}-{month}-{day}", $"Enter a real date, not `{Shorten(entered)}`.", entered);
    }

    private static (Outcome, JsonNode?, FieldProblem?) KeptAsTyped(string path, string stored, string message, string entered) =>
        (Outcome.Set, JsonValue.Create(stored), new FieldProblem(DiagnosticCodes.AnswerWrongType, path, message, entered));

    private static (Outcome, JsonNode?, FieldProblem?) NotOffered(string path, string value) =>
        (Outcome.Untouched, null, new FieldProblem(DiagnosticCodes.AnswerNotAChoice, path, $"`{Shorten(value)}` is not one of the choices on the page; the answer was left as it was.", value));

    private static void ApplyButtons(FormSession session, FormPost post, Dictionary<string, QuestionView> groups, List<string> changed, List<FieldProblem> problems)
    {
        // A browser sends only the button that was pressed, so more than one is not from the page.
        if (post.Values(RemoveItemField) is [var item]
            && groups.Values.SelectMany(g => g.Items.Where(i => i.Removable).Select(i => (Group: g, i.Index))).FirstOrDefault(x => HtmlFormFields.ItemPath(x.Group.Path, x.Index) == item) is { Group: not null } remove)
        {
            session.RemoveItem(remove.Group.Path, remove.Index);
            changed.Add(item);
        }

        if (post.Values(AddItemField) is [var path] && groups.ContainsKey(path))
        {
            if (session.Template.Find(path) is Question { MaxItems: int max } && session.ItemCount(path) >= max)
            {
                problems.Add(new FieldProblem(DiagnosticCodes.AnswerWrongType, path, string.Create(CultureInfo.InvariantCulture, $"No more than {max} item(s) can be added."), path));
                return;
            }

            session.AddItem(path);
            changed.Add(path);
        }
    }

    /// <summary>Whether a parsed answer is the stored one: numbers by value (<c>30</c> and <c>30.0</c> are one answer), the rest as JSON.</summary>
    private static bool Same(QuestionType type, JsonNode? stored, JsonNode? parsed)
    {
        if (type == QuestionType.Number && stored is JsonValue a && parsed is JsonValue b
            && a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(a.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && decimal.TryParse(b.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            return x == y;
        }

        return JsonNode.DeepEquals(stored, parsed);
    }

    // Browsers send a textarea's line breaks as CRLF whatever the page held.
    private static bool SameText(IReadOnlyList<string> posted, IReadOnlyList<string> shown) =>
        posted.Count == shown.Count && posted.Zip(shown).All(p => p.First.ReplaceLineEndings("\n") == p.Second.ReplaceLineEndings("\n"));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    /// <summary>One question's field or fields, as the renderer wrote them.</summary>
    private sealed class Field(QuestionView question, bool dateParts)
    {
        public QuestionView Question { get; } = question;

        public string[] Names { get; } = question.Type == QuestionType.Signature
            ? [question.Path + HtmlFormFields.SignatureNameSuffix, question.Path + HtmlFormFields.SignatureRoleSuffix, question.Path + HtmlFormFields.SignatureDateSuffix]
            : dateParts
                ? [question.Path + HtmlFormFields.DaySuffix, question.Path + HtmlFormFields.MonthSuffix, question.Path + HtmlFormFields.YearSuffix]
                : [question.Path];

        public int Item => AnswerPath.TryParse(Question.Path, out var parsed) ? parsed.ItemIndex : -1;

        public Binding.NodePlan Plan(FormSession session) => session.Template.FindPlan(Question.TemplatePath)!;

        /// <summary>What the page held in each field: what an unchanged submit sends back.</summary>
        public IReadOnlyList<string>[] Shown()
        {
            var question = Question;
            if (question.Type == QuestionType.Signature)
            {
                var signature = question.Signature ?? SignatureView.Empty;
                return [[signature.Name], [signature.Role], [signature.Date]];
            }

            if (Names.Length == 3)
            {
                var (day, month, year) = HtmlFormFields.DateParts(question.InputValue);
                return [[day], [month], [year]];
            }

            return question.Type switch
            {
                QuestionType.Boolean => [question.InputValue is "true" or "false" ? [question.InputValue] : []],
                QuestionType.Choice or QuestionType.MultiChoice => [[.. question.Choices.Where(c => c.Selected).Select(c => c.Value)]],
                _ => [[question.InputValue]],
            };
        }
    }
}
