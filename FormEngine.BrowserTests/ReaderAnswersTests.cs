using System.Text.Json.Nodes;
using EmbeddingSample;

namespace FormEngine.BrowserTests;

/// <summary>
/// The sample applies what a reader sends to the record answer by answer; repeat items are matched by position, so a
/// group sent with fewer items is taken whole, and only when the reader was shown every answer in it.
/// </summary>
public class ReaderAnswersTests
{
    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    [Test]
    public void Removing_the_first_item_of_a_group_the_reader_sees_whole_leaves_exactly_the_others()
    {
        var record = Obj("""{"household":{"members":[{"name":"Jo","age":34},{"name":"Sam","age":9}]}}""");
        var result = ReaderAnswers.Apply(record, record, Obj("""{"household":{"members":[{"name":"Sam","age":9}]}}"""));
        Assert.That(result.ToJsonString(), Is.EqualTo("""{"household":{"members":[{"name":"Sam","age":9}]}}"""));
    }

    [Test]
    public void Removing_every_item_removes_the_group()
    {
        var record = Obj("""{"household":{"members":[{"name":"Jo"}],"others":"none"}}""");
        var result = ReaderAnswers.Apply(record, record, Obj("""{"household":{"others":"none"}}"""));
        Assert.That(result.ToJsonString(), Is.EqualTo("""{"household":{"others":"none"}}"""));
    }

    [Test]
    public void A_group_holding_an_answer_withheld_from_the_reader_is_not_shrunk_so_that_answer_never_moves_to_another_item()
    {
        var record = Obj("""{"household":{"members":[{"name":"Jo","convictions":"CANARY-Jo"},{"name":"Sam"}]}}""");
        var shown = Obj("""{"household":{"members":[{"name":"Jo"},{"name":"Sam"}]}}""");
        var result = ReaderAnswers.Apply(record, shown, Obj("""{"household":{"members":[{"name":"Sam"}]}}"""));
        Assert.That(result.ToJsonString(), Is.EqualTo(record.ToJsonString()));
        Assert.That(ReaderAnswers.Differences(shown, Obj("""{"household":{"members":[{"name":"Sam"}]}}""")), Is.Not.Empty, "the caller sees the send did not apply");
    }

    [Test]
    public void Changing_an_item_without_removing_any_still_goes_answer_by_answer_keeping_what_the_reader_cannot_see()
    {
        var record = Obj("""{"household":{"members":[{"name":"Jo","convictions":"CANARY-Jo"},{"name":"Sam"}]}}""");
        var shown = Obj("""{"household":{"members":[{"name":"Jo"},{"name":"Sam"}]}}""");
        var result = ReaderAnswers.Apply(record, shown, Obj("""{"household":{"members":[{"name":"Jo Jones"},{"name":"Sam"},{"name":"Alex"}]}}"""));
        Assert.That(result.ToJsonString(), Is.EqualTo("""{"household":{"members":[{"name":"Jo Jones","convictions":"CANARY-Jo"},{"name":"Sam"},{"name":"Alex"}]}}"""));
    }
}
