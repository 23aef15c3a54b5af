using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Views;

namespace FormEngine.Tests.Evaluation;

/// <summary>
/// A stored value of the wrong shape (text where a section's answers belong, and so on) is kept as it is until
/// an answer must be written where it stands; then it moves to <c>$archived</c>, never silently replaced.
/// </summary>
public class WrongShapeAnswersTests
{
    [Test]
    public void Text_where_a_section_belongs_is_archived_when_an_answer_is_saved_there()
    {
        var session = TestTemplates.Open("""{"child": "Sam, aged about six"}""");
        Assert.That(session.ToJson()["child"]!.GetValue<string>(), Is.EqualTo("Sam, aged about six"), "kept as it came until something is written there");

        session.Set("child.name", "Sam");

        var json = session.ToJson();
        Assert.That(json["child"]!.ToJsonString(), Is.EqualTo("""{"name":"Sam"}"""));
        var archived = json["$archived"]!.AsArray().Single()!;
        Assert.That(archived["path"]!.GetValue<string>(), Is.EqualTo("child"));
        Assert.That(archived["value"]!.GetValue<string>(), Is.EqualTo("Sam, aged about six"));
        Assert.That(archived["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(archived["reason"]!.GetValue<string>(), Does.Contain("not a section's answers"));
    }

    [Test]
    public void A_group_that_is_not_a_list_and_an_item_that_is_not_a_set_of_answers_are_archived()
    {
        var session = TestTemplates.Open("""{"household": {"members": "Ann and Bo"}}""");
        session.AddItem("household.members");
        var items = TestTemplates.Open("""{"household": {"members": ["Ann", {"name": "Bo"}]}}""");
        items.Set("household.members[0].age", 30);

        Assert.That(Archived(session), Is.EqualTo(new[] { ("household.members", "\"Ann and Bo\"") }));
        Assert.That(Archived(items), Is.EqualTo(new[] { ("household.members[0]", "\"Ann\"") }));
        Assert.That(items.ToJson()["household"]!["members"]!.ToJsonString(), Is.EqualTo("""[{"age":30},{"name":"Bo"}]"""));
    }

    [Test]
    public void What_was_set_aside_is_shown_in_audit_output_and_an_earlier_archive_is_kept()
    {
        var session = TestTemplates.Open("""{"child": 42, "$archived": {"note": "hand-made"}}""");
        session.Set("child.name", "Sam");

        Assert.That(Archived(session).Select(a => a.Path), Is.EqualTo(new[] { "$archived", "child" }), "the earlier archive, not a list, is kept whole");
        var view = FormViewBuilder.Build(session);
        Assert.That(view.EarlierAnswers.Select(a => a.Path), Does.Contain("child"));
    }

    private static List<(string Path, string Value)> Archived(FormSession session) =>
        [.. session.ToJson()["$archived"]!.AsArray().Select(e => (e!["path"]!.GetValue<string>(), e["value"]!.ToJsonString()))];
}
