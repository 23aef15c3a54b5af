using FormEngine.Evaluation;

namespace FormEngine.Tests.Evaluation;

/// <summary>
/// Incremental recalculation must always agree with evaluating the same answers from scratch.
/// Random edits are applied one at a time; after each, a fresh session opened on the saved answers
/// must give the same result.
/// </summary>
public class IncrementalEvaluationTests
{
    private static readonly (string Path, object?[] Values)[] Edits =
    [
        ("child.dob", ["2017-03-02", "2024-06-30", null, "not a date"]),
        ("child.has_disability", ["yes", "no", null, "maybe"]),
        ("child.name", ["Sam", null]),
        ("disability.types", [new[] { "COMM" }, new[] { "MOB" }, new[] { "MOB", "COMM" }, null]),
        ("disability.communication_aids", ["Makaton", "A very long description indeed", null]),
    ];

    [TestCaseSource(nameof(Seeds))]
    public void Incremental_results_match_a_fresh_evaluation_after_every_edit(int seed)
    {
        var random = new Random(seed);
        var template = TestTemplates.Load();
        var session = FormSession.Open(template, null, new FormSessionOptions { Today = TestTemplates.Today });

        for (var step = 0; step < 40; step++)
        {
            var choice = random.Next(Edits.Length + 3);
            var items = session.ItemCount("household.members");
            if (choice == Edits.Length)
            {
                session.AddItem("household.members");
            }
            else if (choice == Edits.Length + 1 && items > 0)
            {
                session.RemoveItem("household.members", random.Next(items));
            }
            else if (choice == Edits.Length + 2 && items > 0)
            {
                var item = random.Next(items);
                session.Set($"household.members[{item}].age", random.Next(2) == 0 ? null : random.Next(-5, 130));
            }
            else if (choice < Edits.Length)
            {
                var (path, values) = Edits[choice];
                session.Set(path, values[random.Next(values.Length)]);
            }

            var fresh = FormSession.Open(template, session.ToJson(), new FormSessionOptions { Today = TestTemplates.Today });
            Assert.That(EvaluationJson.Write(session.Evaluate()), Is.EqualTo(EvaluationJson.Write(fresh.Evaluate())), $"seed {seed}, step {step}");
        }
    }

    private static IEnumerable<int> Seeds() => Enumerable.Range(1, 25);
}
