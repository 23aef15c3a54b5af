using System.Net;
using System.Text.Json.Nodes;

namespace FormEngine.AspNetCore.Tests;

/// <summary>A form opened, filled in and saved through ASP.NET Core, with antiforgery on, as a browser does it.</summary>
public class FormRoundTripTests
{
    [TestCase("govuk")]
    [TestCase("plain")]
    public async Task A_form_is_opened_and_saved_with_the_antiforgery_token(string theme)
    {
        await using var app = await TestApp.StartAsync(theme: theme);
        app.Cases[1] = new JsonObject();

        var (response, html, cookie, token) = await app.OpenFormAsync("practitioner", 1);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(app.Server.AllowSynchronousIO, Is.False, "the response body refuses synchronous writes, like Kestrel's");
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/html; charset=utf-8"));
        Assert.That(response.Headers.CacheControl!.NoStore, Is.True);
        Assert.That(token, Is.Not.Null.And.Not.Empty, "the form carries ASP.NET Core's antiforgery token");
        Assert.That(cookie, Does.StartWith(".AspNetCore.Antiforgery."));
        Assert.That(html, Does.Not.Contain("There is a problem"), "a new form opens clean");

        var body = string.Join("&", TestApp.Field("__RequestVerificationToken", token!), TestApp.Field("family.child_name", "  Sam Jones "),
            TestApp.Field("family.age", "7"), TestApp.Field("family.dob-day", "2"), TestApp.Field("family.dob-month", "3"), TestApp.Field("family.dob-year", "2019"),
            TestApp.Field("family.police_notes", "None"));
        var bodyPlain = string.Join("&", TestApp.Field("__RequestVerificationToken", token!), TestApp.Field("family.child_name", "  Sam Jones "),
            TestApp.Field("family.age", "7"), TestApp.Field("family.dob", "2019-03-02"), TestApp.Field("family.police_notes", "None"));
        var saved = await app.PostAsync("practitioner", 1, theme == "govuk" ? body : bodyPlain, cookie);

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        var family = app.Cases[1]["family"]!;
        Assert.That(family["child_name"]!.GetValue<string>(), Is.EqualTo("Sam Jones"));
        Assert.That(family["age"]!.GetValue<decimal>(), Is.EqualTo(7m), "a number is stored as a number");
        Assert.That(family["dob"]!.GetValue<string>(), Is.EqualTo("2019-03-02"));

        var again = await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, "/cases/1?saved=true"));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("value=\"Sam Jones\""));
    }

    [Test]
    public async Task A_post_without_the_token_or_its_cookie_is_refused_and_nothing_is_saved()
    {
        await using var app = await TestApp.StartAsync();
        app.Cases[1] = new JsonObject { ["family"] = new JsonObject { ["child_name"] = "Sam" } };
        var (_, _, cookie, token) = await app.OpenFormAsync("practitioner", 1);

        var noToken = await app.PostAsync("practitioner", 1, TestApp.Field("family.child_name", "Forged"), cookie);
        var noCookie = await app.PostAsync("practitioner", 1, TestApp.Field("__RequestVerificationToken", token!) + "&" + TestApp.Field("family.child_name", "Forged"), null);
        var otherUser = await app.PostAsync("parent", 1, TestApp.Field("__RequestVerificationToken", token!) + "&" + TestApp.Field("family.child_name", "Forged"), cookie);

        Assert.That(noToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await noToken.Content.ReadAsStringAsync(), Does.Contain("Open the form again"));
        Assert.That(noCookie.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(otherUser.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a token is bound to the user it was given to");
        Assert.That(app.Cases[1]["family"]!["child_name"]!.GetValue<string>(), Is.EqualTo("Sam"));
    }

    [Test]
    public async Task Without_antiforgery_the_form_has_no_token_and_posts_are_applied()
    {
        await using var app = await TestApp.StartAsync(antiforgery: false);
        app.Cases[1] = new JsonObject();
        var (_, html, _, token) = await app.OpenFormAsync("practitioner", 1);

        var saved = await app.PostAsync("practitioner", 1, TestApp.Field("family.child_name", "Sam"), null);

        Assert.That(token, Is.Null);
        Assert.That(html, Does.Not.Contain("type=\"hidden\" name=\"__RequestVerificationToken\""));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(app.Cases[1]["family"]!["child_name"]!.GetValue<string>(), Is.EqualTo("Sam"));
    }

    [Test]
    public async Task Errors_are_shown_once_the_form_has_been_submitted()
    {
        await using var app = await TestApp.StartAsync();
        app.Cases[1] = new JsonObject();

        var first = await (await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, "/cases/1"))).Content.ReadAsStringAsync();
        var after = await (await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, "/cases/1?saved=true"))).Content.ReadAsStringAsync();

        Assert.That(first, Does.Not.Contain("There is a problem"));
        Assert.That(after, Does.Contain("There is a problem"));
    }

    [Test]
    public async Task The_fragment_record_pdf_and_blank_form_render_for_the_reader()
    {
        await using var app = await TestApp.StartAsync();
        app.Cases[1] = new JsonObject { ["family"] = new JsonObject { ["child_name"] = "Sam" } };

        var fragment = await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, "/cases/1/fragment"));
        var record = await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, "/cases/1/record"));
        var pdf = await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, "/cases/1/record.pdf"));
        var blank = await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, "/blank"));

        var fragmentHtml = await fragment.Content.ReadAsStringAsync();
        Assert.That(fragmentHtml, Does.StartWith("<div class=\"fe-fragment\"").And.Contain("<form").And.Contain("__RequestVerificationToken").And.Not.Contain("<html"));
        Assert.That(await record.Content.ReadAsStringAsync(), Does.Contain("Sam").And.Not.Contain("<form"));
        Assert.That(pdf.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(pdf.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("case-1.pdf"));
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 0, 5), Is.EqualTo("%PDF-"));
        Assert.That(await blank.Content.ReadAsStringAsync(), Does.Contain("Child&#39;s name").Or.Contain("Child's name"));
    }

    [Test]
    public async Task A_host_puts_the_form_inside_its_own_layout_and_saves_from_it()
    {
        await using var app = await TestApp.StartAsync();
        app.Cases[1] = new JsonObject();

        var page = await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, "/cases/1/in-layout"));
        var html = await page.Content.ReadAsStringAsync();
        var cookie = page.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var saved = await app.PostAsync("practitioner", 1, TestApp.Field("__RequestVerificationToken", WebUtility.HtmlDecode(token)) + "&" + TestApp.Field("family.child_name", "Sam"), cookie);
        var stranger = await app.Client.SendAsync(TestApp.As("stranger", HttpMethod.Get, "/cases/1/in-layout"));

        Assert.That(html, Does.StartWith("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><title>Council</title>").And.Contain("<main><div class=\"fe-fragment\""));
        Assert.That(System.Text.RegularExpressions.Regex.Matches(html, "<html").Count, Is.EqualTo(1));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(app.Cases[1]["family"]!["child_name"]!.GetValue<string>(), Is.EqualTo("Sam"));
        Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_user_the_policy_refuses_gets_403_and_nobody_signed_in_gets_401()
    {
        // Antiforgery off, so the post reaches the reader policy rather than stopping at the missing token.
        await using var app = await TestApp.StartAsync(antiforgery: false);
        app.Cases[1] = new JsonObject();

        var stranger = await app.Client.SendAsync(TestApp.As("stranger", HttpMethod.Get, "/cases/1"));
        var strangerPost = await app.PostAsync("stranger", 1, TestApp.Field("family.child_name", "x"), null);
        var anonymous = await app.Client.GetAsync("/cases/1");

        Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(strangerPost.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(app.Cases[1], Is.Empty);
    }

    [Test]
    public async Task An_audience_the_template_does_not_declare_is_refused_and_an_undeclared_language_is_not_claimed()
    {
        await using var app = await TestApp.StartAsync();
        app.Cases[1] = new JsonObject();

        var outsider = await app.Client.SendAsync(TestApp.As("outsider", HttpMethod.Get, "/cases/1"));
        var french = await (await app.Client.SendAsync(TestApp.As("french", HttpMethod.Get, "/cases/1"))).Content.ReadAsStringAsync();

        Assert.That(outsider.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "fail closed, never the whole form");
        Assert.That(french, Does.Contain("<html lang=\"en-GB\""));
    }
}
