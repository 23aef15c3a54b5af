using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FormEngine.AspNetCore.Tests;

/// <summary>An MVC controller uses the same results and post helper, with MVC's own antiforgery filter in front.</summary>
public class MvcTests
{
    [Test]
    public async Task A_controller_renders_the_form_and_saves_a_post_its_antiforgery_filter_has_read()
    {
        await using var app = await TestApp.StartAsync();
        app.Cases[1] = new JsonObject();
        var page = await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, "/mvc/cases/1"));
        var html = await page.Content.ReadAsStringAsync();
        var (_, _, cookie, token) = await app.OpenFormAsync("practitioner", 1);

        var forged = await Post(app, "/mvc/cases/1", TestApp.Field("family.child_name", "Forged"), cookie);
        var saved = await Post(app, "/mvc/cases/1", TestApp.Field("__RequestVerificationToken", token!) + "&" + TestApp.Field("family.child_name", "Sam"), cookie);

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("__RequestVerificationToken").And.Contain("action=\"/mvc/cases/1\""));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        Assert.That(app.Cases[1]["family"]!["child_name"]!.GetValue<string>(), Is.EqualTo("Sam"));
    }

    private static Task<HttpResponseMessage> Post(TestApp app, string address, string body, string? cookie)
    {
        var request = TestApp.As("practitioner", HttpMethod.Post, address);
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        request.Headers.Add("Cookie", cookie);
        return app.Client.SendAsync(request);
    }
}

/// <summary>A case form in MVC.</summary>
[Authorize]
public sealed class CasesController(Func<int, FormSession?> open, ConcurrentDictionary<int, JsonObject> cases) : Controller
{
    [HttpGet("/mvc/cases/{id:int}")]
    public IResult Get(int id) => open(id) is { } session ? FormResults.Form(session, new FormPage { Action = $"/mvc/cases/{id}" }) : Results.NotFound();

    [HttpPost("/mvc/cases/{id:int}")]
    [ValidateAntiForgeryToken]
    public async Task<IResult> Post(int id)
    {
        if (open(id) is not { } session)
        {
            return Results.NotFound();
        }

        var post = await FormPosts.BindAsync(HttpContext, session);
        if (!post.Applied)
        {
            return post.Refusal;
        }

        cases[id] = session.ToJson();
        return Results.Redirect($"/mvc/cases/{id}");
    }
}
