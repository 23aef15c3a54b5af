using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace FormEngine.BrowserTests;

/// <summary>
/// The embedding sample's JSON API, whose routes and status codes are a contract: 201 with Location, the answers
/// document with its revision as ETag, If-Match required (428) and checked (412 naming what the other writer
/// changed), 401 without credentials, and a parent who sees only their audience's answers and cannot change others.
/// </summary>
[TestFixture]
public sealed class CaseApiTests
{
    private const string Canary = "CANARY-7f3a-third-party";

    private string _data = null!;
    private RunningSample _sample = null!;
    private HttpClient _practitioner = null!;
    private HttpClient _parent = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _data = Path.Combine(Path.GetTempPath(), "formengine-tests", Guid.NewGuid().ToString("N"));
        _sample = await RunningSample.StartAsync(Path.Combine(_data, "records.db"));
        _practitioner = _sample.Api("practitioner", "practitioner-demo");
        _parent = _sample.Api("parent", "parent-demo");
    }

    [TearDown]
    public async Task StopAsync()
    {
        _practitioner.Dispose();
        _parent.Dispose();
        await _sample.DisposeAsync();
        TestFiles.DeleteQuietly(_data);
    }

    [Test]
    public async Task Creating_a_case_answers_201_with_its_location_and_id()
    {
        var created = await _practitioner.PostAsync("/api/cases", Json("""{"template": "single_assessment"}"""));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        Assert.That(created.Headers.Location!.OriginalString, Is.EqualTo($"/api/cases/{id}"));
        Assert.That((await _practitioner.GetAsync(created.Headers.Location)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var unknown = await _practitioner.PostAsync("/api/cases", Json("""{"template": "no_such_template"}"""));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("single_assessment"), "the refusal lists the templates there are");
    }

    [Test]
    public async Task The_answers_document_carries_its_revision_as_ETag_and_a_save_with_If_Match_gives_the_next()
    {
        var id = await CreateAsync(_practitioner);
        var first = await _practitioner.GetAsync($"/api/cases/{id}");
        Assert.That(first.Headers.ETag?.Tag, Is.EqualTo("\"0\""));

        var put = await PutAsync(_practitioner, id, "\"0\"", """{"child": {"name": "Ffion"}, "$allocated_to": "team-b"}""");
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(put.Headers.ETag?.Tag, Is.EqualTo("\"1\""));

        var now = await _practitioner.GetAsync($"/api/cases/{id}");
        Assert.That(now.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
        Assert.That(JsonNode.DeepEquals(StoredAnswers.WithoutStamp(await now.Content.ReadAsStringAsync()), JsonNode.Parse("""{"child": {"name": "Ffion"}, "$allocated_to": "team-b"}""")), Is.True,
            "the practitioner gets the answers document itself, $ metadata included");
    }

    [Test]
    public async Task A_stale_If_Match_is_refused_412_naming_the_paths_the_other_writer_changed()
    {
        var id = await CreateAsync(_practitioner);
        await PutAsync(_practitioner, id, "\"0\"", """{"child": {"name": "Ffion"}}""");
        await PutAsync(_practitioner, id, "\"1\"", """{"child": {"name": "Ffion", "has_disability": "yes"}}""");

        var stale = await PutAsync(_practitioner, id, "\"1\"", """{"child": {"name": "Someone else"}}""");
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        var body = JsonNode.Parse(await stale.Content.ReadAsStringAsync())!;
        Assert.That(body["changed"]!.AsArray().Select(p => p!.GetValue<string>()), Is.EqualTo(new[] { "child.has_disability" }));
        Assert.That(body["etag"]!.GetValue<string>(), Is.EqualTo("\"2\""));
        Assert.That((await _practitioner.GetStringAsync($"/api/cases/{id}")), Does.Contain("has_disability").And.Not.Contain("Someone else"), "nothing was saved");
    }

    [Test]
    public async Task A_save_without_If_Match_is_refused_428_with_a_JSON_body()
    {
        var id = await CreateAsync(_practitioner);
        var missing = await PutAsync(_practitioner, id, ifMatch: null, """{"child": {"name": "Ffion"}}""");
        Assert.That(missing.StatusCode, Is.EqualTo((HttpStatusCode)428));
        Assert.That(missing.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["changed"], Is.Not.Null);
        Assert.That(StoredAnswers.WithoutStamp(await _practitioner.GetStringAsync($"/api/cases/{id}")).ToJsonString(), Is.EqualTo("{}"));
    }

    [Test]
    public async Task Requests_without_credentials_or_with_a_wrong_password_get_401()
    {
        var id = await CreateAsync(_practitioner);
        using var anonymous = _sample.Anonymous();
        using var wrong = _sample.Api("parent", "practitioner-demo");
        foreach (var client in new[] { anonymous, wrong })
        {
            Assert.That((await client.GetAsync($"/api/cases/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await client.PostAsync("/api/cases", Json("""{"template": "single_assessment"}"""))).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await PutAsync(client, id, "\"0\"", "{}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [Test]
    public async Task A_parent_never_gets_a_third_party_answer_and_their_save_keeps_it_unchanged()
    {
        var id = await WithCanaryAsync();
        var seen = await _parent.GetAsync($"/api/cases/{id}");
        var json = await seen.Content.ReadAsStringAsync();
        Assert.That(json, Does.Not.Contain(Canary).And.Not.Contain("parents_health"), "withheld answers are absent, not masked");
        Assert.That(json, Does.Contain("Ffion"));

        // The parent sends back what they saw with a change of their own: the withheld answers stay as they were.
        var document = JsonNode.Parse(json)!.AsObject();
        document["child"]!["name"] = "Ffion Jones";
        var saved = await PutAsync(_parent, id, seen.Headers.ETag!.Tag, document.ToJsonString());
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await saved.Content.ReadAsStringAsync());
        Assert.That(await saved.Content.ReadAsStringAsync(), Does.Not.Contain(Canary));

        var record = JsonNode.Parse(await _practitioner.GetStringAsync($"/api/cases/{id}"))!;
        Assert.That(record["child"]!["name"]!.GetValue<string>(), Is.EqualTo("Ffion Jones"));
        Assert.That(record["parents_health"]!["mental_health_details"]!.GetValue<string>(), Is.EqualTo(Canary));
    }

    [Test]
    public async Task A_parent_writing_a_third_party_answer_is_refused_403_and_nothing_changes()
    {
        var id = await WithCanaryAsync();
        var refused = await PutAsync(_parent, id, "\"1\"", """{"child": {"name": "Ffion"}, "parents_health": {"mental_health": "yes", "mental_health_details": "overwritten"}}""");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["paths"]!.AsArray().Select(p => p!.GetValue<string>()), Does.Contain("parents_health.mental_health_details"));

        var stale = await PutAsync(_parent, id, "\"0\"", """{"child": {"name": "Ffion"}}""");
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(await stale.Content.ReadAsStringAsync(), Does.Not.Contain("parents_health"), "a parent is not told that a withheld answer changed");

        Assert.That(await _practitioner.GetStringAsync($"/api/cases/{id}"), Does.Contain(Canary));
        Assert.That((await _parent.PostAsync("/api/cases", Json("""{"template": "single_assessment"}"""))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Bodies_that_are_not_answers_documents_are_refused_and_change_nothing()
    {
        var id = await CreateAsync(_practitioner);
        foreach (var (body, status) in new[]
        {
            ("not json", HttpStatusCode.BadRequest),
            ("[1, 2]", HttpStatusCode.BadRequest),
            ("""{"child.name": "dotted"}""", HttpStatusCode.BadRequest),
            ($$"""{"child": {"name": "x"}, "pad": "{{new string('x', 2 * 1024 * 1024)}}"}""", HttpStatusCode.RequestEntityTooLarge),
        })
        {
            var refused = await PutAsync(_practitioner, id, "\"0\"", body);
            Assert.That(refused.StatusCode, Is.EqualTo(status), body.Length > 100 ? "a 2 MiB body" : body);
        }

        var now = await _practitioner.GetAsync($"/api/cases/{id}");
        Assert.That(now.Headers.ETag?.Tag, Is.EqualTo("\"0\""));
        Assert.That(StoredAnswers.WithoutStamp(await now.Content.ReadAsStringAsync()).ToJsonString(), Is.EqualTo("{}"));
    }

    /// <summary>A case whose first revision has the child's name and a canary in a third-party answer.</summary>
    private async Task<string> WithCanaryAsync()
    {
        var id = await CreateAsync(_practitioner);
        var put = await PutAsync(_practitioner, id, "\"0\"",
            $$$"""{"child": {"name": "Ffion"}, "parents_health": {"mental_health": "yes", "mental_health_details": "{{{Canary}}}"}}""");
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return id;
    }

    internal static async Task<string> CreateAsync(HttpClient client)
    {
        var created = await client.PostAsync("/api/cases", Json("""{"template": "single_assessment"}"""));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    internal static Task<HttpResponseMessage> PutAsync(HttpClient client, string id, string? ifMatch, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/cases/{id}/answers") { Content = Json(json) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return client.SendAsync(request);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
