using System.Text.Json.Nodes;
using FormEngine.Records.Answers;
using static FormEngine.Records.Tests.Support.Json;

namespace FormEngine.Records.Tests.Answers;

public sealed class AnswersDiffTests
{
    [Test]
    public void Paths_name_section_questions_repeat_item_fields_and_metadata()
    {
        var before = Obj("""{"$template":{"id":"sa","version":"3"},"child":{"dob":"2017-03-02","types":["MOB"]},"household":{"members":[{"name":"Jo","age":34}]}}""");
        var after = Obj("""{"$template":{"id":"sa","version":"4"},"child":{"dob":"2017-03-02","types":["MOB","COMM"]},"household":{"members":[{"name":"Jo","age":35}]}}""");
        Assert.That(AnswersDiff.Compare(before, after), Is.EqualTo(new[]
        {
            new AnswerChange("$template.version", "\"3\"", "\"4\""),
            new AnswerChange("child.types", """["MOB"]""", """["MOB","COMM"]"""),
            new AnswerChange("household.members[0].age", "34", "35"),
        }));
    }

    [Test]
    public void A_new_section_is_one_change_per_answer_and_an_added_item_one_change_holding_the_item()
    {
        var changes = AnswersDiff.Compare(Obj("""{"household":{"members":[]}}"""), Obj("""{"child":{"dob":"2017-03-02","name":"Alex"},"household":{"members":[{"name":"Jo"}]}}"""));
        Assert.That(changes.Select(c => (c.Path, c.OldJson, c.NewJson)), Is.EqualTo(new (string, string?, string?)[]
        {
            ("household.members[0]", null, """{"name":"Jo"}"""),
            ("child.dob", null, "\"2017-03-02\""),
            ("child.name", null, "\"Alex\""),
        }));
    }

    [Test]
    public void An_answer_set_to_null_differs_from_an_answer_removed()
    {
        var changes = AnswersDiff.Compare(Obj("""{"child":{"a":1,"b":2}}"""), Obj("""{"child":{"a":null}}"""));
        Assert.That(changes, Is.EqualTo(new[] { new AnswerChange("child.a", "1", "null"), new AnswerChange("child.b", "2", null) }));
    }

    [Test]
    public void A_key_that_cannot_be_written_as_a_path_is_refused_with_where_it_is()
    {
        var ex = Assert.Throws<RecordStoreException>(() => AnswersDiff.Normalize(Obj("""{"child":{"first.name":"Alex"}}""")));
        Assert.That(ex!.Message, Does.Contain("first.name").And.Contain("child"));
    }

    [Test]
    public void Applying_the_changes_between_two_documents_gives_the_second_for_many_random_pairs()
    {
        var random = new Random(20261130);
        for (var i = 0; i < 2000; i++)
        {
            var before = AnswersDiff.Normalize(RandomAnswers(random));
            var after = AnswersDiff.Normalize(random.Next(3) == 0 ? RandomAnswers(random) : Mutate(before, random));
            var replayed = (JsonObject)before.DeepClone();
            var applied = AnswersDiff.TryApply(replayed, AnswersDiff.Compare(before, after), out var misfit);
            Assert.That(applied, Is.True, $"pair {i}: {misfit}");
            Assert.That(Same(replayed, after), Is.True, $"pair {i}:\n{before.ToJsonString()}\n{after.ToJsonString()}\n{replayed.ToJsonString()}");
        }
    }

    [Test]
    public void Removing_an_item_someone_else_edited_is_a_conflict()
    {
        var started = Obj("""{"h":{"m":[{"n":"Jo"},{"n":"Sam"}]}}""");
        var latest = Obj("""{"h":{"m":[{"n":"Jo"},{"n":"Sam","age":9}]}}""");
        var saving = Obj("""{"h":{"m":[{"n":"Jo"}]}}""");
        var merge = AnswersMerge.Merge(started, latest, saving);
        Assert.That(merge.Conflicts, Is.EqualTo(new[] { new SaveConflict("h.m[1]", """{"n":"Sam","age":9}""", null) }));
    }

    [Test]
    public void The_same_change_made_by_both_is_not_a_conflict()
    {
        var started = Obj("""{"c":{"a":1}}""");
        var both = Obj("""{"c":{"a":2}}""");
        var merge = AnswersMerge.Merge(started, both, (JsonObject)both.DeepClone());
        Assert.That(merge.Conflicts, Is.Empty);
        Assert.That(Same(merge.Answers, both), Is.True);
    }

    private static JsonObject RandomAnswers(Random random)
    {
        var answers = new JsonObject();
        foreach (var section in new[] { "child", "family", "$meta" }.Where(_ => random.Next(4) > 0))
        {
            var obj = new JsonObject();
            for (var q = 0; q < random.Next(4); q++)
            {
                obj[$"q{random.Next(5)}"] = RandomValue(random, depth: 0);
            }

            answers[section] = obj;
        }

        return answers;
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 1 ? 5 : 8) switch
    {
        0 => null,
        1 => random.Next(100),
        2 => $"t{random.Next(3)}",
        3 => new JsonArray("A", random.Next(2) == 0 ? "B" : "C"),
        4 => random.Next(2) == 0,
        5 => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => (JsonNode)Item(random, depth))]),
        6 => new JsonObject(),
        _ => Item(random, depth),
    };

    private static JsonObject Item(Random random, int depth)
    {
        var item = new JsonObject();
        for (var f = 0; f < random.Next(3); f++)
        {
            item[$"f{random.Next(4)}"] = RandomValue(random, depth + 1);
        }

        return item;
    }

    private static JsonObject Mutate(JsonObject answers, Random random)
    {
        var copy = (JsonObject)answers.DeepClone();
        foreach (var (_, section) in copy.ToList())
        {
            if (section is JsonObject obj && random.Next(2) == 0)
            {
                obj[$"q{random.Next(5)}"] = RandomValue(random, 0);
            }
        }

        if (random.Next(3) == 0)
        {
            copy.Remove(copy.Select(p => p.Key).FirstOrDefault() ?? "none");
        }

        return copy;
    }
}
