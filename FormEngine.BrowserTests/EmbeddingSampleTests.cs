using System.Net;
using System.Text.Json.Nodes;
using UglyToad.PdfPig;
using static FormEngine.BrowserTests.RunningSample;

namespace FormEngine.BrowserTests;

/// <summary>
/// The embedding sample's web pages end to end over HTTP (no browser needed, so they always run): sign-in, a case
/// created, answered through the form with its antiforgery token and revision, read back by a second instance of the
/// application from the same records file, printed as a PDF; a stale save; the history; no demo users outside Development.
/// </summary>
[TestFixture]
public sealed class EmbeddingSampleTests
{
    private string _data = null!;

    private string Database => Path.Combine(_data, "records.db");

    [SetUp]
    public void MakeFolder() => _data = Path.Combine(Path.GetTempPath(), "formengine-tests", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveFolder() => TestFiles.DeleteQuietly(_data);

    [Test]
    public async Task A_case_is_created_answered_stored_reloaded_by_a_new_instance_and_printed()
    {
        string id;
        await using (var first = await StartAsync(Database))
        {
            using var client = await first.SignedInAsync("practitioner", "practitioner-demo");
            var list = await client.GetStringAsync("/");
            var created = await client.PostAsync("/cases", Form(("__RequestVerificationToken", Token(list)), ("reference", "CIN-2026-0042"), ("template", "single_assessment")));
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            id = created.Headers.Location!.OriginalString.Split('/')[^1];

            var form = await client.GetStringAsync($"/cases/{id}");
            Assert.That(form, Does.Contain("name=\"child.has_disability\"").And.Not.Contain("id=\"f-disability\""));
            Assert.That(HiddenField(form, "revision"), Is.EqualTo("0"));

            var saved = await client.PostAsync($"/cases/{id}", Form(("__RequestVerificationToken", Token(form)), ("revision", "0"), ("child.name", "Ffion <Jones>"), ("child.has_disability", "yes")));
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
            form = await client.GetStringAsync($"/cases/{id}");
            Assert.That(form, Does.Contain("id=\"f-disability\""), "the disability section appears once the answer is saved");
            Assert.That(form, Does.Contain("value=\"Ffion &lt;Jones&gt;\""), "answers are written back encoded");
            Assert.That(HiddenField(form, "revision"), Is.EqualTo("1"));

            await client.PostAsync($"/cases/{id}", Form(("__RequestVerificationToken", Token(form)), ("revision", "1"), ("child.name", "Ffion <Jones>"), ("child.has_disability", "yes"), ("disability.types", "COMM"), ("disability.types", "MOB")));
        }

        Assert.That(File.Exists(Database), Is.True);

        // A new instance on the same database: nothing lives in memory between them.
        await using var second = await StartAsync(Database);
        using var again = await second.SignedInAsync("practitioner", "practitioner-demo");
        Assert.That(await again.GetStringAsync("/"), Does.Contain("CIN-2026-0042"));

        using var api = second.Api("practitioner", "practitioner-demo");
        var answers = StoredAnswers.WithoutStamp(await api.GetStringAsync($"/api/cases/{id}"), "single_assessment");
        // Ticked boxes are stored in the choice list's order, whatever order the browser sent them in.
        var expected = JsonNode.Parse("""{"child":{"name":"Ffion <Jones>","has_disability":"yes"},"disability":{"types":["MOB","COMM"]}}""");
        Assert.That(JsonNode.DeepEquals(answers, expected), Is.True, answers.ToJsonString());

        Assert.That(await again.GetStringAsync($"/cases/{id}"), Does.Contain("value=\"COMM\" checked=\"checked\""));

        var pdf = await again.GetAsync($"/cases/{id}/record.pdf");
        Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.That(text, Does.Contain("Ffion <Jones>").And.Contain("CIN-2026-0042").And.Contain("Communication"));

        var history = await again.GetStringAsync($"/cases/{id}/history");
        Assert.That(history, Does.Contain("Revision 2: practitioner").And.Contain("Revision 1: practitioner").And.Contain("disability.types").And.Contain("Ffion &lt;Jones&gt;"));
    }

    [Test]
    public async Task A_stale_form_post_is_not_saved_and_the_page_shows_what_changed_keeping_what_was_typed()
    {
        await using var sample = await StartAsync(Database);
        using var api = sample.Api("practitioner", "practitioner-demo");
        var id = await CaseApiTests.CreateAsync(api);
        using var browser = await sample.SignedInAsync("practitioner", "practitioner-demo");
        var form = await browser.GetStringAsync($"/cases/{id}");

        // Someone else saves the case after the form was opened.
        var other = await CaseApiTests.PutAsync(api, id, "\"0\"", """{"child":{"name":"Ffion Jones"}}""");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var stale = await browser.PostAsync($"/cases/{id}", Form(("__RequestVerificationToken", Token(form)), ("revision", HiddenField(form, "revision")), ("child.has_disability", "yes"), ("child.name", "")));
        var page = await stale.Content.ReadAsStringAsync();
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(page, Does.Contain("Not saved").And.Contain("<code>child.name</code>"), "the page names what changed meanwhile");
        Assert.That(page, Does.Contain("id=\"f-disability\""), "what the user typed is still in the form");
        Assert.That(page, Does.Contain("value=\"Ffion Jones\""), "the other writer's answer is shown, not lost to the stale form's blank");
        Assert.That(HiddenField(page, "revision"), Is.EqualTo("1"), "saving again starts from the revision now shown");

        var stored = StoredAnswers.WithoutStamp(await api.GetStringAsync($"/api/cases/{id}"));
        Assert.That(stored.ToJsonString(), Is.EqualTo("""{"child":{"name":"Ffion Jones"}}"""), "nothing of the stale post was saved");

        var again = await browser.PostAsync($"/cases/{id}", Form(("__RequestVerificationToken", Token(page)), ("revision", "1"), ("child.name", "Ffion Jones"), ("child.has_disability", "yes")));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        stored = StoredAnswers.WithoutStamp(await api.GetStringAsync($"/api/cases/{id}"));
        Assert.That(stored["child"]!["has_disability"]!.GetValue<string>(), Is.EqualTo("yes"));
    }

    [Test]
    public async Task The_history_shows_a_parent_only_changes_to_answers_they_may_see()
    {
        await using var sample = await StartAsync(Database);
        using var api = sample.Api("practitioner", "practitioner-demo");
        var id = await CaseApiTests.CreateAsync(api);
        await CaseApiTests.PutAsync(api, id, "\"0\"", """{"child": {"name": "Ffion"}}""");
        await CaseApiTests.PutAsync(api, id, "\"1\"", """{"child": {"name": "Ffion"}, "parents_health": {"mental_health": "yes", "mental_health_details": "CANARY-history"}}""");

        using var parent = await sample.SignedInAsync("parent", "parent-demo");
        var history = await parent.GetStringAsync($"/cases/{id}/history");
        Assert.That(history, Does.Contain("Saved by practitioner").And.Contain("child.name"));
        Assert.That(history, Does.Not.Contain("parents_health").And.Not.Contain("CANARY"), "a revision that changed only withheld answers is withheld too");
        Assert.That(history, Does.Not.Contain("Revision "), "revision numbers would show a gap where a withheld save was");
        Assert.That(System.Text.RegularExpressions.Regex.Matches(history, "Saved by ").Count, Is.EqualTo(1));

        var list = await parent.GetStringAsync("/");
        Assert.That(list, Does.Not.Contain(">Revisions<"), "a parent is not told how many times a case was saved");

        using var practitioner = await sample.SignedInAsync("practitioner", "practitioner-demo");
        Assert.That(await practitioner.GetStringAsync($"/cases/{id}/history"), Does.Contain("Revision 2: practitioner").And.Contain("CANARY-history"));
    }

    [Test]
    public async Task The_chronology_shows_key_facts_and_flags_as_the_reader_may_see_them_in_html_and_pdf()
    {
        await using var sample = await StartAsync(Database);
        using var api = sample.Api("practitioner", "practitioner-demo");
        var id = await CaseApiTests.CreateAsync(api);
        var young = DateTime.Today.AddYears(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await CaseApiTests.PutAsync(api, id, "\"0\"", $$$"""{"child": {"name": "Ffion", "dob": "{{{young}}}", "has_disability": "yes"}}""");
        await CaseApiTests.PutAsync(api, id, "\"1\"", $$$"""{"child": {"name": "Ffion", "dob": "{{{young}}}", "has_disability": "yes"}, "parents_health": {"mental_health": "yes", "mental_health_details": "CANARY-chronology"}}""");

        using var parent = await sample.SignedInAsync("parent", "parent-demo");
        var chronology = await parent.GetStringAsync($"/cases/{id}/chronology");
        Assert.That(chronology, Does.Contain("Record opened").And.Contain("Ffion").And.Contain("Flag raised"));
        Assert.That(chronology, Does.Not.Contain("CANARY"));

        var pdf = await parent.GetAsync($"/cases/{id}/chronology.pdf");
        Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        Assert.That(string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), Does.Contain("Ffion").And.Contain("Chronology"));
    }

    [Test]
    public async Task A_second_assessment_in_a_case_carries_answers_forward_from_the_first_and_its_record_says_what_changed()
    {
        await using var sample = await StartAsync(Database);
        using var api = sample.Api("practitioner", "practitioner-demo");
        var reference = $"CIN-{Guid.NewGuid():N}"[..16];
        var first = await CreateInCaseAsync(api, reference);
        await CaseApiTests.PutAsync(api, first, "\"0\"", """{"child": {"name": "Ffion", "has_disability": "no"}}""");
        var second = await CreateInCaseAsync(api, reference);

        // The second assessment opens with the first's carried-forward answers, and its record compares with the first.
        using var practitioner = await sample.SignedInAsync("practitioner", "practitioner-demo");
        Assert.That(await practitioner.GetStringAsync($"/cases/{second}"), Does.Contain("value=\"Ffion\""));
        await CaseApiTests.PutAsync(api, second, "\"0\"", """{"child": {"name": "Ffion", "has_disability": "yes"}}""");
        var pdf = await (await practitioner.GetAsync($"/cases/{second}/record.pdf")).Content.ReadAsByteArrayAsync();
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.That(text, Does.Contain("Changed since the previous assessment"));
        Assert.That(text, Does.Contain("was No"), "the disability answer changed from the first assessment's");

        var opening = await CreateInCaseAsync(api, $"CIN-{Guid.NewGuid():N}"[..16]);
        var alone = await (await practitioner.GetAsync($"/cases/{opening}/record.pdf")).Content.ReadAsByteArrayAsync();
        using var aloneDocument = UglyToad.PdfPig.PdfDocument.Open(alone);
        Assert.That(string.Join(" ", aloneDocument.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)), Does.Not.Contain("previous assessment"),
            "a case's first assessment follows none");
    }

    private static async Task<string> CreateInCaseAsync(HttpClient api, string reference)
    {
        var created = await api.PostAsync("/api/cases", new StringContent($$"""{"template": "single_assessment", "reference": "{{reference}}"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    [Test]
    public async Task A_signed_off_assessment_is_changed_only_by_an_addendum_with_its_reason_which_the_record_shows()
    {
        await using var sample = await StartAsync(Database);
        using var api = sample.Api("practitioner", "practitioner-demo");
        var id = await CaseApiTests.CreateAsync(api);
        await CaseApiTests.PutAsync(api, id, "\"0\"", """{"child": {"name": "Ffion"}}""");
        using var browser = await sample.SignedInAsync("practitioner", "practitioner-demo");
        var form = await browser.GetStringAsync($"/cases/{id}");
        var signed = await browser.PostAsync($"/cases/{id}/sign-off", Form(("__RequestVerificationToken", Token(form)), ("role", "team manager")));
        Assert.That(signed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        // Without a reason nothing changes: the API says why, and the form first asks for one.
        var refused = await CaseApiTests.PutAsync(api, id, "\"1\"", """{"child": {"name": "Ffion Jones"}}""");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Addendum-Reason"));
        Assert.That(await browser.GetStringAsync($"/cases/{id}"), Does.Contain("Why is the record being changed?").And.Not.Contain("name=\"child.name\""));

        var reasoned = await browser.GetStringAsync($"/cases/{id}?reason=Birth%20certificate%20seen");
        Assert.That(HiddenField(reasoned, "addendum_reason"), Is.EqualTo("Birth certificate seen"));
        var saved = await browser.PostAsync($"/cases/{id}", Form(("__RequestVerificationToken", Token(reasoned)), ("revision", "1"), ("addendum_reason", "Birth certificate seen"), ("child.name", "Ffion Jones")));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(StoredAnswers.WithoutStamp(await api.GetStringAsync($"/api/cases/{id}"))["child"]!["name"]!.GetValue<string>(), Is.EqualTo("Ffion Jones"));

        var pdf = await (await browser.GetAsync($"/cases/{id}/record.pdf")).Content.ReadAsByteArrayAsync();
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.That(text, Does.Contain("Signed off by practitioner, team manager"));
        Assert.That(text, Does.Contain("Changes after sign-off").And.Contain("Birth certificate seen"));
    }

    [Test]
    public async Task A_form_post_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var sample = await StartAsync(Database);
        using var api = sample.Api("practitioner", "practitioner-demo");
        var id = await CaseApiTests.CreateAsync(api);
        using var browser = await sample.SignedInAsync("practitioner", "practitioner-demo");
        var refused = await browser.PostAsync($"/cases/{id}", Form(("revision", "0"), ("child.name", "Forged")));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(StoredAnswers.WithoutStamp(await api.GetStringAsync($"/api/cases/{id}")).ToJsonString(), Is.EqualTo("{}"));
    }

    [Test]
    public async Task Pages_need_sign_in_and_a_wrong_password_signs_nobody_in()
    {
        await using var sample = await StartAsync(Database);
        using var anonymous = sample.Anonymous();
        var list = await anonymous.GetAsync("/");
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(list.Headers.Location!.OriginalString, Does.Contain("/sign-in"));

        var signIn = await anonymous.GetStringAsync("/sign-in");
        var wrong = await anonymous.PostAsync("/sign-in", Form(("__RequestVerificationToken", Token(signIn)), ("username", "parent"), ("password", "practitioner-demo")));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await anonymous.GetAsync("/")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task Outside_Development_the_demo_users_do_not_exist()
    {
        await using var sample = await StartAsync(Database, environment: "Production");
        using var api = sample.Api("practitioner", "practitioner-demo");
        Assert.That((await api.GetAsync("/api/cases/anything")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var anonymous = sample.Anonymous();
        Assert.That(await anonymous.GetStringAsync("/sign-in"), Does.Contain("Nobody can sign in here").And.Not.Contain("name=\"password\""));
    }

    [Test]
    public async Task A_parent_whose_form_the_template_splits_is_asked_a_page_at_a_time_and_each_save_goes_to_the_next()
    {
        var templates = Path.Combine(_data, "templates");
        Directory.CreateDirectory(Path.Combine(templates, "home-visit"));
        await File.WriteAllTextAsync(Path.Combine(templates, "home-visit", "home-visit.yaml"), """
            id: home_visit
            version: 1
            title: Home visit
            audiences: [practitioner, parent]
            pages: { parent: question }
            sections:
              - id: visit
                title: The visit
                questions:
                  - { id: notes, type: textarea, label: What happened }
                  - { id: wishes, type: textarea, label: What you would like to happen next }
            """);
        await using var sample = await StartAsync(Database, templates: templates);
        using var api = sample.Api("practitioner", "practitioner-demo");
        var created = await api.PostAsync("/api/cases", new StringContent("""{"template": "home_visit"}""", System.Text.Encoding.UTF8, "application/json"));
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        using var parent = await sample.SignedInAsync("parent", "parent-demo");
        var first = await parent.GetStringAsync($"/cases/{id}");
        Assert.That(first, Does.Contain("name=\"visit.notes\"").And.Not.Contain("name=\"visit.wishes\""), "the parent starts on the first page");
        var saved = await parent.PostAsync($"/cases/{id}?page=1", Form(("__RequestVerificationToken", Token(first)), ("revision", HiddenField(first, "revision")), ("visit.notes", "We talked in the kitchen.")));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        Assert.That(saved.Headers.Location!.OriginalString, Does.Contain("page=2"));

        var second = await parent.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.That(second, Does.Contain("name=\"visit.wishes\"").And.Not.Contain("name=\"visit.notes\""));
        Assert.That(StoredAnswers.WithoutStamp(await api.GetStringAsync($"/api/cases/{id}"), "home_visit").ToJsonString(), Is.EqualTo("""{"visit":{"notes":"We talked in the kitchen."}}"""));

        using var practitioner = await sample.SignedInAsync("practitioner", "practitioner-demo");
        Assert.That(await practitioner.GetStringAsync($"/cases/{id}"), Does.Contain("name=\"visit.notes\"").And.Contain("name=\"visit.wishes\""), "the practitioner's form is one page");
        Assert.That((await parent.GetAsync($"/cases/{id}?page=99")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
