using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Views;

namespace FormEngine.Tests.Confidentiality;

/// <summary>
/// Random templates (see <see cref="RandomTemplate"/>), each read by a parent and a child in every format,
/// mode and theme, as an export and as explanations. Two properties must hold for every one: no canary from
/// an answer the reader may not see appears anywhere (a PDF's raw bytes included), and the reader's output is
/// byte for byte the same when every answer they may not see is different. The second needs no list of what
/// could leak, so the test cannot be tuned to the ways leaks were found before.
/// <c>FORMENGINE_LEAK_SEEDS</c> sets how many templates are tried (CI tries more than a local run).
/// </summary>
public class GeneratedLeakTests
{
    private static IEnumerable<TestCaseData> Seeds()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("FORMENGINE_LEAK_SEEDS"), out var n) && n > 0 ? n : 12;
        return Enumerable.Range(1, count).Select(seed => new TestCaseData(seed).SetName($"No_reader_learns_a_withheld_answer_from_generated_template_{seed}"));
    }

    [TestCaseSource(nameof(Seeds))]
    public void No_reader_learns_a_withheld_answer(int seed)
    {
        var generated = new RandomTemplate(seed);
        var load = FormTemplate.LoadFromText(generated.Yaml);
        Assert.That(load.Template, Is.Not.Null, $"Generated template {seed} does not load:\n{string.Join("\n", load.Diagnostics.Where(d => d.IsError))}\n{generated.Yaml}");
        var template = load.Template!;
        var options = new FormSessionOptions { Today = TestTemplates.Today };

        foreach (var audience in new[] { "parent", "child" })
        {
            var view = new ViewOptions { Audience = audience, Language = generated.Language };
            var given = FormSession.Open(template, generated.Answers(), options);
            var varied = FormSession.Open(template, generated.Answers(variantFor: audience), options);
            var canaries = generated.CanariesWithheldFrom(audience).Distinct().ToList();
            var context = $"template {seed} for {audience} in {generated.Language}";

            foreach (var (format, mode, theme) in LeakProbe.Outputs())
            {
                var text = LeakProbe.Render(given, view, format, mode, theme, out var bytes);
                var textVaried = LeakProbe.Render(varied, view, format, mode, theme, out var bytesVaried);
                foreach (var canary in canaries)
                {
                    Assert.That(text.Contains(canary, StringComparison.Ordinal) || textVaried.Contains(canary, StringComparison.Ordinal), Is.False, $"{canary} leaked into {format}/{mode}/{theme}, {context}:\n{generated.Yaml}");
                    Assert.That(LeakProbe.Contains(bytes, canary) || LeakProbe.Contains(bytesVaried, canary), Is.False, $"{canary} is in the bytes of {format}/{mode}/{theme}, {context}:\n{generated.Yaml}");
                }

                Assert.That(text, Is.EqualTo(textVaried), $"{format}/{mode}/{theme} changes with answers withheld from the reader, {context}:\n{generated.Yaml}");
                Assert.That(bytes, Is.EqualTo(bytesVaried), $"The bytes of {format}/{mode}/{theme} change with answers withheld from the reader, {context}");
            }

            var exported = LeakProbe.ExportAndExplanations(given, view);
            Assert.That(exported, Is.EqualTo(LeakProbe.ExportAndExplanations(varied, view)), $"The export or an explanation changes with answers withheld from the reader, {context}:\n{generated.Yaml}");
            Assert.That(canaries.Where(c => exported.Contains(c, StringComparison.Ordinal)), Is.Empty, $"{context}:\n{generated.Yaml}");
        }
    }
}
