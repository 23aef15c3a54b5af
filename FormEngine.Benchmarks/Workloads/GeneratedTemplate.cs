using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FormEngine.Benchmarks.Workloads;

/// <summary>
/// A large assessment template written the way councils write theirs, generated so its size can be chosen:
/// each section opens with a yes/no screening question, a number and a date, then questions revealed by
/// chained <c>show_if</c> rules (each on the one before, on the number, on the screening answer and the
/// date), and a calculated score. Every section after the first is shown unless the previous section's
/// screening answer is no, so one answer can hide a whole section and reveal the next.
/// </summary>
public sealed class GeneratedTemplate
{
    private static readonly string[] Needs = ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"];

    private GeneratedTemplate(int sections, int questionsPerSection)
    {
        Sections = sections;
        QuestionsPerSection = questionsPerSection;
        Yaml = BuildYaml(1);
        Answers = BuildAnswers();
    }

    public int Sections { get; }

    public int QuestionsPerSection { get; }

    public int QuestionCount => Sections * QuestionsPerSection;

    public string Yaml { get; }

    /// <summary>A completed record: every question answered with plausible text, numbers and dates.</summary>
    public JsonObject Answers { get; }

    /// <summary>A text answer in the middle of the form that only the next question's <c>show_if</c> reads.</summary>
    public string LeafTextPath => $"{SectionId(Sections / 2)}.{QuestionId(TextQuestion)}";

    /// <summary>The screening answer of the middle section: changing it hides or shows most of two sections.</summary>
    public string ScreeningPath => $"{SectionId(Sections / 2)}.q01";

    // q05 is text (see TypeOf), and q06's show_if reads it.
    private const int TextQuestion = 5;

    /// <summary>The 2,000-question template of the incremental and load benchmarks.</summary>
    public static GeneratedTemplate Large { get; } = new(100, 20);

    /// <summary>The 300-question completed record of the rendering benchmarks.</summary>
    public static GeneratedTemplate Record { get; } = new(15, 20);

    public FormTemplate Load() => FormTemplate.LoadFromText(Yaml, "generated.yaml").GetTemplateOrThrow();

    private static string SectionId(int s) => "s" + s.ToString("000", CultureInfo.InvariantCulture);

    private static string QuestionId(int q) => "q" + q.ToString("00", CultureInfo.InvariantCulture);

    private static string TypeOf(int q) => q switch
    {
        1 => "choice",
        2 => "number",
        3 => "date",
        _ when q % 5 == 0 => "text",
        _ when q % 5 == 1 => "textarea",
        _ when q % 5 == 2 => "number",
        _ when q % 5 == 3 => "choice",
        _ => "multichoice",
    };

    /// <summary>
    /// A later version of the template, as a council publishes them: each version after the first rewords one
    /// question's label and adds one question (shown by that section's screening answer) in a section of its own,
    /// keeping every change of the versions before it. Every other question and rule is written as in version 1,
    /// but questions after an added one sit one place further on.
    /// </summary>
    /// <param name="version">The version number, from 1.</param>
    /// <returns>The template's YAML.</returns>
    public string VersionYaml(int version) => version == 1 ? Yaml : BuildYaml(version);

    // The section that version `v` changes: spread over the template, never the same twice for ten versions.
    private int ChangedSection(int v) => (v * 37) % Sections;

    private string BuildYaml(int version)
    {
        var y = new StringBuilder();
        y.AppendLine("id: generated_assessment").Append("version: ").AppendLine(version.ToString(CultureInfo.InvariantCulture)).AppendLine("title: Generated assessment");
        var changed = Enumerable.Range(2, Math.Max(0, version - 1)).ToDictionary(ChangedSection);
        y.AppendLine("choices:").AppendLine("  yes_no: [yes, no]").AppendLine("  needs: [" + string.Join(", ", Needs) + "]");
        y.AppendLine("sections:");
        for (var s = 0; s < Sections; s++)
        {
            var sid = SectionId(s);
            y.Append("  - id: ").AppendLine(sid);
            y.Append("    title: Family and environmental factors, part ").AppendLine((s + 1).ToString(CultureInfo.InvariantCulture));
            if (s > 0)
            {
                y.Append("    show_if: \"").Append(SectionId(s - 1)).AppendLine(".q01 != 'no'\"");
            }

            y.AppendLine("    questions:");
            for (var q = 1; q <= QuestionsPerSection; q++)
            {
                var qid = QuestionId(q);
                var type = q == QuestionsPerSection ? "calculated" : TypeOf(q);
                y.Append("      - id: ").AppendLine(qid);
                y.Append("        type: ").AppendLine(type);
                var reworded = q == 7 && changed.ContainsKey(s) ? " (reworded)" : string.Empty;
                y.Append("        label: \"Question ").Append(q).Append(" about the family's housing, income and support network (part ").Append(s + 1).Append(')').Append(reworded).AppendLine("\"");
                if (type is "choice")
                {
                    y.Append("        choices: ").AppendLine(q == 1 || q % 2 == 0 ? "yes_no" : "needs");
                }
                else if (type is "multichoice")
                {
                    y.AppendLine("        choices: needs");
                }
                else if (type is "number")
                {
                    y.AppendLine("        min: 0").AppendLine("        max: 1000");
                }
                else if (type is "calculated")
                {
                    y.Append("        value: ").Append(sid).AppendLine(".q02 * 2");
                }

                if (q >= 4 && type != "calculated")
                {
                    y.Append("        show_if: \"").Append(ShowIf(sid, q)).AppendLine("\"");
                }

                if (q == 2)
                {
                    y.AppendLine("        required: true");
                }

                if (type is "text" or "textarea")
                {
                    y.AppendLine("        validate:");
                    y.Append("          - rule: len(").Append(sid).Append('.').Append(qid).AppendLine(") <= 2000");
                    y.AppendLine("            message: Keep this under 2,000 characters.");
                }

                if (q == QuestionsPerSection / 2 && changed.TryGetValue(s, out var addedIn))
                {
                    y.Append("      - id: added_in_").AppendLine(addedIn.ToString(CultureInfo.InvariantCulture));
                    y.AppendLine("        type: textarea");
                    y.Append("        label: \"What has changed since the last assessment? (added in version ").Append(addedIn).AppendLine(")\"");
                    y.Append("        show_if: \"").Append(sid).AppendLine(".q01 = 'yes'\"");
                }
            }
        }

        y.AppendLine("flags:");
        y.AppendLine("  - id: many_concerns");
        y.Append("    when: \"").Append(SectionId(0)).Append(".q02 > 50 and ").Append(SectionId(Sections - 1)).AppendLine(".q01 = 'yes'\"");
        y.AppendLine("    message: Many concerns recorded; discuss with a manager.");
        return y.ToString();
    }

    private static string ShowIf(string sid, int q) => (q % 4) switch
    {
        0 => $"{sid}.q01 = 'yes'",
        1 => $"answered({sid}.q{q - 1:00})",
        2 => $"{sid}.q02 > {q}",
        _ => $"{sid}.q01 = 'yes' and {sid}.q03 < date('2025-01-01')",
    };

    private JsonObject BuildAnswers()
    {
        var answers = new JsonObject();
        for (var s = 0; s < Sections; s++)
        {
            var section = new JsonObject();
            for (var q = 1; q < QuestionsPerSection; q++)
            {
                section[QuestionId(q)] = TypeOf(q) switch
                {
                    "choice" => q == 1 || q % 2 == 0 ? "yes" : Needs[(s + q) % Needs.Length],
                    "number" => 20 + ((s * 7 + q) % 60),
                    "date" => "2019-05-01",
                    "multichoice" => new JsonArray("N1", "N4"),
                    "textarea" => "The family lives in a two-bedroom flat rented from the council. Mum says the damp in the children's room has got worse since the winter and the landlord has not replied to her letters. The health visitor has seen the flat and agrees.",
                    _ => "Grandmother nearby, visits twice a week and collects the children from school.",
                };
            }

            answers[SectionId(s)] = section;
        }

        return answers;
    }
}
