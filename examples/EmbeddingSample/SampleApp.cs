using System.Net;
using System.Text;
using FormEngine;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Templates;
using FormEngine.Views;

namespace EmbeddingSample;

/// <summary>
/// A small case-working application built on FormEngine: a list of cases, a new case on any loaded template,
/// the assessment form (FormEngine's HTML renderer), answers saved to SQLite, and the PDF record.
/// </summary>
public static class SampleApp
{
    public static void Main(string[] args) => Build(args).Run();

    /// <summary>Builds the application. Settings: <c>Templates</c> (folder of template folders) and <c>DataFolder</c> (where <c>cases.db</c> lives).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var app = builder.Build();
        var root = app.Environment.ContentRootPath;
        var templates = new TemplateCatalogue(
            Path.GetFullPath(app.Configuration["Templates"] ?? Path.Combine(root, "..")),
            app.Logger);
        var store = new CaseStore(Path.GetFullPath(app.Configuration["DataFolder"] ?? Path.Combine(root, "data")));
        app.Logger.LogInformation("Cases are stored in {Database}", store.DatabasePath);
        var renderers = FormRenderers.CreateDefault();

        app.MapGet("/", () => Page("Cases", CaseList(store, templates)));

        app.MapPost("/cases", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            if (templates.Find(form["template"].ToString()) is not { } template || form["reference"].ToString().Trim() is not { Length: > 0 } reference)
            {
                return Results.BadRequest("Choose a template and give a case reference.");
            }

            var id = store.Create(reference, template.Id, template.Version);
            return Results.Redirect($"/cases/{id}");
        });

        app.MapGet("/cases/{id:long}", (long id, bool? submitted) =>
        {
            if (Open(store, templates, id) is not var (record, session))
            {
                return Results.NotFound();
            }

            var html = new HtmlRenderer().RenderToString(FormViewBuilder.Build(session, Reader), FormOptions(id, record) with
            {
                // A new case opens clean; what is missing or wrong is shown once the form has been submitted.
                ShowErrors = submitted == true || record.Answers.Count > 0,
            });
            var links = $"<nav aria-label=\"Case\"><a href=\"/\">All cases</a> · <a href=\"/cases/{id}/record.pdf\">PDF record</a> · <a href=\"/cases/{id}/answers.json\">Answers (JSON)</a></nav>";
            return Results.Content(html.Replace("<main>", "<main>\n" + links, StringComparison.Ordinal), "text/html; charset=utf-8");
        });

        app.MapPost("/cases/{id:long}", async (long id, HttpContext http) =>
        {
            if (Open(store, templates, id) is not var (record, session))
            {
                return Results.NotFound();
            }

            // The binder reads the fields the renderer wrote for this reader and theme, and nothing else:
            // numbers and dates parsed, what cannot be read kept as typed and shown with its error, repeat
            // items added and removed by their buttons.
            var form = await http.Request.ReadFormAsync();
            HtmlFormBinder.Bind(session, FormPost.From(form), Reader, FormOptions(id, record));
            store.SaveAnswers(id, session.ToJson(), session.Template.Version);
            return Results.Redirect($"/cases/{id}?submitted=true");
        });

        app.MapGet("/cases/{id:long}/record.pdf", (long id) =>
        {
            if (Open(store, templates, id) is not var (record, session))
            {
                return Results.NotFound();
            }

            var pdf = renderers.Find("pdf")!;
            using var buffer = new MemoryStream();
            pdf.Render(FormViewBuilder.Build(session), new RenderOptions { Mode = OutputMode.Record, CaseReference = record.Reference, ProtectiveMarking = "OFFICIAL-SENSITIVE" }, buffer);
            return Results.File(buffer.ToArray(), pdf.MediaType, $"{record.Reference}{pdf.FileExtension}");
        });

        app.MapGet("/cases/{id:long}/answers.json", (long id) =>
            store.Find(id) is { } record ? Results.Text(record.Answers.ToJsonString(), "application/json") : Results.NotFound());

        return app;
    }

    /// <summary>Who reads the form. The sample has no sign-in, so it is the template's first audience (the practitioner).</summary>
    private static readonly ViewOptions Reader = new();

    /// <summary>How a case's form is rendered; the binder is given the same options, so it reads the fields the form has.</summary>
    private static RenderOptions FormOptions(long id, CaseRecord record) => new()
    {
        Mode = OutputMode.Form,
        FormAction = $"/cases/{id}",
        CaseReference = record.Reference,
    };

    /// <summary>A case and a session on its answers. "Today" is the host's decision, not the library's.</summary>
    private static (CaseRecord, FormSession)? Open(CaseStore store, TemplateCatalogue templates, long id) =>
        store.Find(id) is { } record && templates.Find(record.TemplateId) is { } template
            ? (record, FormSession.Open(template, record.Answers, new FormSessionOptions { Today = DateOnly.FromDateTime(DateTime.Today) }))
            : null;

    private static string CaseList(CaseStore store, TemplateCatalogue templates)
    {
        var html = new StringBuilder("<h1>Cases</h1>\n");
        var cases = store.List();
        if (cases.Count == 0)
        {
            html.Append("<p>No cases yet.</p>\n");
        }
        else
        {
            html.Append("<table><thead><tr><th scope=\"col\">Case reference</th><th scope=\"col\">Assessment</th><th scope=\"col\">Last saved</th></tr></thead><tbody>\n");
            foreach (var record in cases)
            {
                var title = templates.Find(record.TemplateId)?.Title ?? record.TemplateId;
                html.Append($"<tr><td><a href=\"/cases/{record.Id}\">{E(record.Reference)}</a></td><td>{E(title)} (version {record.TemplateVersion})</td><td>{record.Updated:yyyy-MM-dd HH:mm} UTC</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        html.Append("<h2>Start a new case</h2>\n<form method=\"post\" action=\"/cases\">\n");
        html.Append("<p><label for=\"reference\">Case reference</label> <input id=\"reference\" name=\"reference\" required=\"required\" /></p>\n");
        html.Append("<p><label for=\"template\">Assessment</label> <select id=\"template\" name=\"template\">");
        foreach (var template in templates.All.OrderBy(t => t.Title, StringComparer.Ordinal))
        {
            html.Append($"<option value=\"{E(template.Id)}\">{E(template.Title)}</option>");
        }

        html.Append("</select></p>\n<p><button type=\"submit\">Start</button></p>\n</form>\n");
        return html.ToString();
    }

    private static IResult Page(string title, string body) => Results.Content(
        $"<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head><meta charset=\"utf-8\" /><title>{E(title)}</title></head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        "text/html; charset=utf-8");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
