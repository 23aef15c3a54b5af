using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FormEngine.Analysis;

/// <summary>Writes a <see cref="BurdenReport"/> as a readable table or as JSON.</summary>
public static class BurdenReportWriter
{
    /// <summary>The report as text for a terminal or a pull request.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text.</returns>
    public static string ToText(BurdenReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(Invariant($"Template {report.TemplateId}: {report.Sections} sections, {report.Questions} questions to answer, {report.Calculated} calculated, {report.Notes} notes.\n"));
        text.Append(Invariant($"Asking every question would take about {report.EstimatedMinutesIfEverythingAsked} minutes.\n"));

        if (report.Cases.Count > 0)
        {
            text.Append('\n');
            var width = Math.Max(4, report.Cases.Max(c => c.Name.Length));
            text.Append(Invariant($"{"Case".PadRight(width)}  {"Shown",6}  {"Required",8}  {"Answered",8}  {"Minutes",7}\n"));
            foreach (var burden in report.Cases)
            {
                text.Append(Invariant($"{burden.Name.PadRight(width)}  {burden.Shown,6}  {burden.Required,8}  {burden.Answered,8}  {burden.EstimatedMinutes,7:0.0}\n"));
            }
        }

        Section(text, "Questions no case reached", report.NeverReached.Select(n => $"{n.Location}: {n.Path} ({n.Label})"));
        Section(text, "Questions no answers can ever show", report.NeverShown.Select(n => $"{n.Location}: {n.Path} ({n.Label}): {n.Note}"));
        Section(text, "Questions every case was shown", report.ShownToEveryCase.Select(n => $"{n.Path} ({n.Label})"));
        Section(text, "Labels that nearly repeat each other", report.NearRepeats.Select(r => Invariant($"{r.First.Path} and {r.Second.Path} ({r.Similarity:0.00}): \"{r.First.Label}\" / \"{r.Second.Label}\"")));
        if (report.NearRepeatsTruncated)
        {
            text.Append(Invariant($"  (Only {BurdenAnalyzer.MaxNearRepeats} are listed; there are more.)\n"));
        }

        Section(text, $"Texts above plain-English level (grade {BurdenAnalyzer.PlainEnglishGrade}; {BurdenAnalyzer.ChildGrade} for children)", report.HardTexts.Select(h => Invariant($"{h.Location}: {h.Path}{(h.Audience is null ? string.Empty : $" for {h.Audience}")} (grade {h.Grade}): \"{h.Text}\"")));
        Section(text, "Template warnings", report.Warnings.Select(w => w.ToString()));
        return text.ToString();
    }

    /// <summary>The report as indented JSON.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(BurdenReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        var shape = new
        {
            template = report.TemplateId,
            sections = report.Sections,
            questions = report.Questions,
            calculated = report.Calculated,
            notes = report.Notes,
            estimated_minutes_if_everything_asked = report.EstimatedMinutesIfEverythingAsked,
            cases = report.Cases,
            never_reached = report.NeverReached.Select(Question),
            never_shown = report.NeverShown.Select(Question),
            shown_to_every_case = report.ShownToEveryCase.Select(Question),
            near_repeats = report.NearRepeats.Select(r => new { first = Question(r.First), second = Question(r.Second), similarity = r.Similarity }),
            near_repeats_truncated = report.NearRepeatsTruncated,
            hard_texts = report.HardTexts.Select(h => new { path = h.Path, audience = h.Audience, text = h.Text, grade = h.Grade, location = h.Location.ToString() }),
            warnings = report.Warnings.Select(w => w.ToString()),
        };
        return JsonSerializer.Serialize(shape, options);
    }

    private static object Question(QuestionNote note) => new { path = note.Path, label = note.Label, location = note.Location.ToString(), note = note.Note };

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        text.Append('\n').Append(title).Append(Invariant($" ({list.Count})")).Append(list.Count == 0 ? ": none.\n" : ":\n");
        foreach (var line in list)
        {
            text.Append("  ").Append(line).Append('\n');
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
