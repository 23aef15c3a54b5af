using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Rules;

namespace FormEngine.Tests.Evaluation;

public class SessionTests
{
    [Test]
    public void Section_with_false_show_if_is_hidden_with_all_its_questions()
    {
        var session = TestTemplates.Open("""{"child": {"has_disability": "no"}}""");
        var result = session.Evaluate();
        Assert.That(result.Visible, Does.Not.Contain("disability"));
        Assert.That(result.Visible, Does.Not.Contain("disability.types"));
        Assert.That(result.Missing, Does.Not.Contain("disability.types"));
    }

    [Test]
    public void A_repeat_group_with_min_items_is_required_in_evaluate_explain_and_the_form()
    {
        var session = TestTemplates.Open("{}");
        var why = session.Explain("household.members");
        var group = FormEngine.Views.FormViewBuilder.Build(session).AllElements().Single(e => e.Path == "household.members");
        Assert.Multiple(() =>
        {
            Assert.That(session.Evaluate().Missing, Does.Contain("household.members"));
            Assert.That(why.Required, Is.True);
            Assert.That(why.ToString(), Does.Contain("household.members is required."));
            Assert.That((group.Required, group.Missing), Is.EqualTo((true, true)));
        });

        session.AddItem("household.members");
        Assert.That(session.Evaluate().Missing, Does.Not.Contain("household.members"), "one item answers it");
        Assert.That(session.Explain("household.members").Required, Is.True);
    }

    [Test]
    public void Answering_yes_reveals_the_section_and_its_required_question()
    {
        var session = TestTemplates.Open("""{"child": {"dob": "2020-01-01"}}""");
        session.Set("child.has_disability", "yes");
        var result = session.Evaluate();
        Assert.That(result.Visible, Does.Contain("disability").And.Contain("disability.types"));
        Assert.That(result.Missing, Does.Contain("disability.types"));
        Assert.That(result.Visible, Does.Not.Contain("disability.communication_aids"));
    }

    [Test]
    public void Hidden_answer_reads_as_unanswered_but_is_kept_and_returns_when_shown_again()
    {
        var session = TestTemplates.Open("""{"child": {"has_disability": "yes"}, "disability": {"types": ["COMM"], "communication_aids": "Makaton"}}""");
        Assert.That(session.IsVisible("disability.communication_aids"), Is.True);

        session.Set("child.has_disability", "no");
        Assert.That(session.IsVisible("disability.communication_aids"), Is.False, "hiding the section cascades to its questions");
        Assert.That(session.GetValue("disability.types").IsNull, Is.True, "rules read a hidden answer as null");
        Assert.That(session.GetAnswer("disability.communication_aids").AsText, Is.EqualTo("Makaton"), "the answer is kept");
        Assert.That(session.ToJson()["disability"]!["communication_aids"]!.GetValue<string>(), Is.EqualTo("Makaton"));

        session.Set("child.has_disability", "yes");
        Assert.That(session.GetValue("disability.communication_aids").AsText, Is.EqualTo("Makaton"));
    }

    [Test]
    public void Hidden_answers_are_left_out_of_the_visible_export()
    {
        var session = TestTemplates.Open("""{"child": {"has_disability": "no"}, "disability": {"types": ["COMM"]}}""");
        var export = session.ExportVisibleAnswers();
        Assert.That(export.ContainsKey("disability"), Is.False);
        Assert.That(export["child"]!["has_disability"]!.GetValue<string>(), Is.EqualTo("no"));
    }

    [Test]
    public void Required_rule_decides_whether_a_shown_question_is_missing()
    {
        var session = TestTemplates.Open("""{"child": {"has_disability": "yes"}, "disability": {"types": ["COMM"]}}""");
        Assert.That(session.Evaluate().Missing, Does.Contain("disability.communication_aids"));
        session.Set("disability.communication_aids", "Makaton");
        Assert.That(session.Evaluate().Missing, Does.Not.Contain("disability.communication_aids"));
    }

    [Test]
    public void Validation_message_is_an_error_only_when_the_rule_is_false()
    {
        var session = TestTemplates.Open("""{"child": {"has_disability": "yes"}, "disability": {"types": ["COMM"], "communication_aids": "A very long description of aids"}}""");
        Assert.That(session.Evaluate().Errors, Does.Contain(new AnswerError("disability.communication_aids", "Keep this under 20 characters.")));
        session.Set("disability.communication_aids", "Makaton");
        Assert.That(session.Evaluate().Errors, Is.Empty);
    }

    [Test]
    public void Validation_of_a_hidden_question_is_not_reported()
    {
        var session = TestTemplates.Open("""{"child": {"has_disability": "no"}, "disability": {"types": ["COMM"], "communication_aids": "A very long description of aids"}}""");
        Assert.That(session.Evaluate().Errors, Is.Empty);
    }

    [Test]
    public void Number_bounds_give_default_messages()
    {
        var session = TestTemplates.Open("""{"household": {"members": [{"name": "Sam", "age": 130}, {"name": "Ali", "age": -1}]}}""");
        var errors = session.Evaluate().Errors;
        Assert.That(errors, Does.Contain(new AnswerError("household.members[0].age", "Enter a number no more than 120.")));
        Assert.That(errors, Does.Contain(new AnswerError("household.members[1].age", "Enter a number of at least 0.")));
    }

    [Test]
    public void Repeat_with_min_items_and_no_items_is_missing()
    {
        var session = TestTemplates.Open();
        Assert.That(session.Evaluate().Missing, Does.Contain("household.members"));
        session.AddItem("household.members");
        Assert.That(session.Evaluate().Missing, Does.Not.Contain("household.members"));
        Assert.That(session.Evaluate().Missing, Does.Contain("household.members[0].name"));
    }

    [Test]
    public void Repeat_field_show_if_reads_its_own_item()
    {
        var session = TestTemplates.Open("""{"household": {"members": [{"name": "Sam", "age": 7}, {"name": "Jo", "age": 40}]}}""");
        var visible = session.Evaluate().Visible;
        Assert.That(visible, Does.Contain("household.members[0].school"));
        Assert.That(visible, Does.Not.Contain("household.members[1].school"));
        session.Set("household.members[1].age", 16);
        Assert.That(session.IsVisible("household.members[1].school"), Is.True);
    }

    [Test]
    public void Visible_lists_sections_questions_and_repeat_items_in_template_order()
    {
        var session = TestTemplates.Open("""{"child": {"has_disability": "no"}, "household": {"members": [{"name": "Sam", "age": 30}]}}""");
        Assert.That(session.Evaluate().Visible, Is.EqualTo(new[]
        {
            "child", "child.dob", "child.name", "child.has_disability", "child.age_years",
            "household", "household.members", "household.members[0].name", "household.members[0].age",
        }));
    }

    [Test]
    public void Calculated_value_follows_its_inputs()
    {
        var session = TestTemplates.Open("""{"child": {"dob": "2017-03-02"}}""");
        Assert.That(session.Evaluate().Values, Does.Contain(new KeyValuePair<string, RuleValue>("child.age_years", RuleValue.FromNumber(9))));
        session.Set("child.dob", new DateOnly(2024, 1, 1));
        Assert.That(session.GetValue("child.age_years"), Is.EqualTo(RuleValue.FromNumber(2)));
    }

    [Test]
    public void Flag_is_raised_when_its_rule_is_true()
    {
        var session = TestTemplates.Open("""{"child": {"dob": "2023-05-01", "has_disability": "yes"}}""");
        Assert.That(session.Evaluate().Flags.Select(f => f.Id), Is.EqualTo(new[] { "under_five_with_disability" }));
        session.Set("child.has_disability", "no");
        Assert.That(session.Evaluate().Flags, Is.Empty);
    }

    [Test]
    public void Carry_forward_fills_unanswered_questions_from_the_previous_assessment()
    {
        var session = TestTemplates.Open(
            """{"child": {"name": "Sam"}}""",
            previousJson: """{"child": {"dob": "2019-04-05", "name": "Samuel", "has_disability": "yes"}}""");
        Assert.That(session.CarriedForward, Is.EqualTo(new[] { "child.dob" }), "only carry_forward questions, and only where not already answered");
        Assert.That(session.GetValue("child.dob").AsDate, Is.EqualTo(new DateOnly(2019, 4, 5)));
        Assert.That(session.GetValue("child.name").AsText, Is.EqualTo("Sam"));
        Assert.That(session.GetValue("child.has_disability").IsNull, Is.True);
        Assert.That(session.Evaluate().CarriedForward, Is.EqualTo(new[] { "child.dob" }));
    }

    [Test]
    public void Answer_of_the_wrong_type_is_an_error_on_its_path_and_is_kept()
    {
        var session = TestTemplates.Open("""{"child": {"dob": "last Tuesday"}}""");
        var result = session.Evaluate();
        Assert.That(result.Errors.Single(e => e.Path == "child.dob").Message, Does.Contain("YYYY-MM-DD"));
        Assert.That(session.ToJson()["child"]!["dob"]!.GetValue<string>(), Is.EqualTo("last Tuesday"));
        Assert.That(result.Values.Single().Value.IsNull, Is.True, "a calculation reading a bad date gets null");
    }

    [Test]
    public void Choice_answer_that_is_not_a_choice_is_reported()
    {
        var session = TestTemplates.Open("""{"child": {"has_disability": "maybe"}}""");
        Assert.That(session.Evaluate().Errors.Single().Message, Does.Contain("not one of the choices"));
    }

    [Test]
    public void Unrecognised_answers_are_reported_kept_and_written_back_unchanged()
    {
        const string answers = """{"child": {"nickname": "Sammy", "dob": "2017-03-02"}, "extra": [1, 2], "household": {"members": [{"name": "A", "shoe": 5}]}}""";
        var session = TestTemplates.Open(answers);
        Assert.That(session.Evaluate().Unrecognised, Is.EqualTo(new[] { "child.nickname", "extra", "household.members[0].shoe" }));
        session.Set("child.name", "Sam");
        var saved = session.ToJson();
        Assert.That(saved["child"]!["nickname"]!.GetValue<string>(), Is.EqualTo("Sammy"));
        Assert.That(saved["extra"]!.ToJsonString(), Is.EqualTo("[1,2]"));
        Assert.That(saved["household"]!["members"]![0]!["shoe"]!.GetValue<int>(), Is.EqualTo(5));
    }

    [Test]
    public void Round_trip_without_changes_gives_the_same_document()
    {
        const string answers = """{"child":{"dob":"2017-03-02","nickname":"x"},"disability":{"types":["COMM"]},"zzz":true}""";
        var session = TestTemplates.Open(answers);
        var saved = session.ToJson();
        saved.Remove("$template");
        Assert.That(saved.ToJsonString(), Is.EqualTo(answers));
    }

    [Test]
    public void Saved_and_exported_answers_name_the_template_version_and_hash_first()
    {
        var session = TestTemplates.Open("""{"child":{"dob":"2017-03-02"}}""");
        var expected = $$$"""{"id":"single_assessment","version":1,"hash":"{{{session.Template.Hash}}}"}""";
        Assert.That(session.Template.Hash, Does.Match("^sha256:[0-9a-f]{64}$"));
        foreach (var document in new[] { session.ToJson(), session.ExportVisibleAnswers(), FormEngine.Views.AnswerExport.ForAudience(session, new FormEngine.Views.ViewOptions()) })
        {
            Assert.That(document.First().Key, Is.EqualTo("$template"));
            Assert.That(document["$template"]!.ToJsonString(), Is.EqualTo(expected));
        }
    }

    [Test]
    public void Answers_saved_by_a_session_open_again_with_the_same_template()
    {
        var first = TestTemplates.Open("""{"child":{"dob":"2017-03-02"}}""");
        var again = FormSession.Open(first.Template, first.ToJson(), new FormSessionOptions { Today = first.Today });
        Assert.That(again.ToJson().ToJsonString(), Is.EqualTo(first.ToJson().ToJsonString()));
    }

    [TestCase("""{"id":"single_assessment","version":2}""", "made with version 2 of `single_assessment`, not version 1")]
    [TestCase("""{"id":"other","version":1}""", "made with the template `other`, not `single_assessment`")]
    [TestCase("""{"id":"single_assessment","version":"1"}""", "gives the version as the text \"1\"")]
    [TestCase("""{"id":"single_assessment"}""", "has no version number")]
    [TestCase("""[1]""", "is not an object")]
    [TestCase("""{"id":"single_assessment","version":1,"hash":"md5:00"}""", "has a hash that is not `sha256:`")]
    public void Answers_naming_another_template_or_version_are_refused_not_misread(string stamp, string message)
    {
        var answers = JsonNode.Parse("""{"$template":""" + stamp + ""","child":{"dob":"2017-03-02"}}""")!.AsObject();
        var template = TestTemplates.Open("{}").Template;
        Assert.That(FormEngine.Versions.AnswersProvenance.Refusal(template, answers), Does.Contain(message));
        var refused = Assert.Throws<ArgumentException>(() => FormSession.Open(template, answers, new FormSessionOptions { Today = new DateOnly(2026, 11, 26) }));
        Assert.That(refused!.Message, Does.Contain(message));
    }

    [Test]
    public void The_hash_is_the_same_wherever_the_files_are_and_changes_with_any_byte()
    {
        var here = FormTemplate.LoadFromText(TestTemplates.Assessment, "t.yaml").Template!;
        var elsewhere = FormTemplate.LoadFromText(TestTemplates.Assessment, "other/folder/t.yaml").Template!;
        var changed = FormTemplate.LoadFromText(TestTemplates.Assessment + "\n", "t.yaml").Template!;
        Assert.That(elsewhere.Hash, Is.EqualTo(here.Hash));
        Assert.That(changed.Hash, Is.Not.EqualTo(here.Hash));
    }

    [Test]
    public void Metadata_keys_are_not_answers_and_are_written_back_unchanged()
    {
        const string answers = """{"$template":{"id":"single_assessment","version":1},"child":{"dob":"2017-03-02"},"$archived":["old.path"],"$other":1}""";
        var session = TestTemplates.Open(answers);
        session.Set("child.name", "Sam");
        Assert.That(session.Unrecognised, Is.Empty);
        Assert.That(session.AnswerIssues(), Is.Empty);
        Assert.That(session.ExportVisibleAnswers().ContainsKey("$archived"), Is.False);
        var saved = session.ToJson();
        Assert.That(saved["$archived"]!.ToJsonString(), Is.EqualTo("""["old.path"]"""));
        Assert.That(saved["$other"]!.ToJsonString(), Is.EqualTo("1"));
    }

    [Test]
    public void Removing_an_item_moves_later_items_up()
    {
        var session = TestTemplates.Open("""{"household": {"members": [{"name": "A", "age": 30}, {"name": "B", "age": 5}]}}""");
        session.RemoveItem("household.members", 0);
        Assert.That(session.ItemCount("household.members"), Is.EqualTo(1));
        Assert.That(session.GetValue("household.members[0].name").AsText, Is.EqualTo("B"));
        Assert.That(session.IsVisible("household.members[0].school"), Is.True);
    }

    [Test]
    public void Setting_an_unknown_path_names_the_nearest_question()
    {
        var session = TestTemplates.Open();
        var error = Assert.Throws<ArgumentException>(() => session.Set("child.dobb", "2020-01-01"));
        Assert.That(error!.Message, Does.Contain("child.dob"));
    }

    [Test]
    public void Explain_names_the_rule_that_hides_a_question_with_its_trace()
    {
        var session = TestTemplates.Open("""{"child": {"has_disability": "yes"}, "disability": {"types": ["MOB"]}}""");
        var explanation = session.Explain("disability.communication_aids");
        Assert.That(explanation.Visible, Is.False);
        Assert.That(explanation.Visibility.Select(v => v.Explanation.IsTrue), Is.EqualTo(new[] { true, false }));
        Assert.That(explanation.ToString(), Does.Contain("disability.communication_aids is hidden."));
        Assert.That(explanation.ToString(), Does.Contain("'COMM' in disability.types"));
        Assert.That(explanation.Visibility[1].Location.Line, Is.EqualTo(30));
    }
}
