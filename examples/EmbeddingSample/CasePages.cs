using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FormEngine.AspNetCore;
using FormEngine.Renderers;
using FormEngine.Records;
using FormEngine.Views;
using static EmbeddingSample.Layout;
using FormPage = FormEngine.AspNetCore.FormPage;

namespace EmbeddingSample;

/// <summary>
/// The web pages: the case list, a new case, the form (one page of it where the template splits the reader's form),
/// a save that carries the revision the form was opened at, the history and the PDF record.
/// </summary>
public static class CasePages
{
    /// <summary>The form's own field holding the revision it was opened at.</summary>
    public const string RevisionField = "revision";

    /// <summary>Maps the pages; each needs a signed-in user.</summary>
    public static void Map(WebApplication app)
    {
        app.MapGet("/", ListAsync).RequireAuthorization();
        app.MapPost("/cases", CreateAsync).RequireAuthorization();
        app.MapGet("/cases/{id}", FormAsync).RequireAuthorization();
        app.MapPost("/cases/{id}", SaveAsync).RequireAuthorization();
        app.MapGet("/cases/{id}/history", HistoryAsync).RequireAuthorization();
        SignOffPages.Map(app);
        app.MapGet("/cases/{id}/chronology", (string id, HttpContext http, CaseRecords cases) => ChronologyAsync(id, "html", http, cases)).RequireAuthorization();
        app.MapGet("/cases/{id}/chronology.pdf", (string id, HttpContext http, CaseRecords cases) => ChronologyAsync(id, "pdf", http, cases)).RequireAuthorization();
        app.MapGet("/cases/{id}/record.pdf", async (string id, HttpContext http, CaseRecords cases) =>
            await cases.OpenAsync(id, http.RequestAborted) is { } open
                ? FormResults.Record(open.Session(), "pdf", new FormPage
                {
                    CaseReference = open.Record.CaseId,
                    ProtectiveMarking = "OFFICIAL-SENSITIVE",
                    DownloadName = open.Record.CaseId,
                    Status = await cases.Store.GetRecordStatusAsync(id, London, cancellationToken: http.RequestAborted),
                })
                : Results.NotFound()).RequireAuthorization();
    }

    private static async Task<IResult> ListAsync(HttpContext http, CaseRecords cases)
    {
        var html = new StringBuilder("<h1 class=\"govuk-heading-l\">Cases</h1>\n");
        var records = await cases.ListAsync(http.RequestAborted);
        if (records.Count == 0)
        {
            html.Append("<p class=\"govuk-body\">No cases yet.</p>\n");
        }
        else
        {
            // How many times a case was saved counts saves of answers withheld from a parent too, so only the
            // practitioner is told it.
            var counts = Audiences.ReaderOf(http.User) is { } viewer && Audiences.SeesWholeRecord(viewer);
            html.Append("<table class=\"govuk-table\"><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Case reference</th><th scope=\"col\" class=\"govuk-table__header\">Assessment</th>");
            html.Append(counts ? "<th scope=\"col\" class=\"govuk-table__header\">Revisions</th></tr></thead><tbody class=\"govuk-table__body\">\n" : "</tr></thead><tbody class=\"govuk-table__body\">\n");
            foreach (var record in records)
            {
                var title = cases.Templates.Find(record.Template.Id)?.Title ?? record.Template.Id;
                html.Append($"<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"/cases/{E(record.RecordId)}\">{E(record.CaseId)}</a></td><td class=\"govuk-table__cell\">{E(title)} (version {E(record.Template.Version)})</td>");
                html.Append(counts ? $"<td class=\"govuk-table__cell\">{record.LatestRevision}</td></tr>\n" : "</tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        if (Audiences.ReaderOf(http.User) is { } reader && Audiences.SeesWholeRecord(reader))
        {
            html.Append($"<h2 class=\"govuk-heading-m\">Start a new case</h2>\n<form method=\"post\" action=\"/cases\">{Token(http)}\n");
            html.Append("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"reference\">Case reference</label><input class=\"govuk-input\" id=\"reference\" name=\"reference\" required=\"required\" /></div>\n");
            html.Append("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"template\">Assessment</label><select class=\"govuk-select\" id=\"template\" name=\"template\">");
            foreach (var template in cases.Templates.All.OrderBy(t => t.Title, StringComparer.Ordinal))
            {
                html.Append($"<option value=\"{E(template.Id)}\">{E(template.Title)}</option>");
            }

            html.Append("</select></div>\n<button type=\"submit\" class=\"govuk-button\">Start</button>\n</form>\n");
        }

        return Page(http, "Cases", html.ToString());
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CaseRecords cases)
    {
        if (await RefuseForgeryAsync(http) is { } refused)
        {
            return refused;
        }

        if (Audiences.ReaderOf(http.User) is not { } reader || !Audiences.SeesWholeRecord(reader))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only a practitioner may start a case.");
        }

        var form = await http.Request.ReadFormAsync();
        if (form["reference"].ToString().Trim() is not { Length: > 0 } reference
            || await cases.CreateAsync(form["template"].ToString(), reference, http.User.Identity!.Name!, http.RequestAborted) is not { } record)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Choose a template and give a case reference.");
        }

        return Results.Redirect($"/cases/{record.RecordId}");
    }

    private static async Task<IResult> FormAsync(string id, int? page, bool? saved, string? reason, HttpContext http, CaseRecords cases)
    {
        if (await cases.OpenAsync(id, http.RequestAborted) is not { } open)
        {
            return Results.NotFound();
        }

        if (open.Record.IsLocked && string.IsNullOrWhiteSpace(reason))
        {
            return SignOffPages.ReasonPage(http, open, page);
        }

        // A template may split a reader's form into pages (pages: in the template): they start on the first.
        var paging = FormViewBuilder.Build(open.Session(), Audiences.ReaderOf(http.User)?.View ?? new ViewOptions()).Paging;
        if (paging is null ? page is not null : page is < 1 || page > paging.CheckAnswersPage)
        {
            return Results.NotFound();
        }

        page ??= paging is null ? null : 1;
        return await FormPageAsync(http, open, open.Answers, page, showErrors: saved == true, notice: saved == true ? "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"status\"><p class=\"govuk-notification-banner__heading\">Saved.</p></div>\n" : string.Empty, reason: reason?.Trim());
    }

    private static async Task<IResult> SaveAsync(string id, int? page, HttpContext http, CaseRecords cases)
    {
        if (await cases.OpenAsync(id, http.RequestAborted) is not { } open)
        {
            return Results.NotFound();
        }

        var formPage = new FormPage { Page = page, HiddenFields = [new(RevisionField, string.Empty), new(SignOffPages.AddendumField, string.Empty)] };
        var session = open.Session();
        var post = await FormPosts.BindAsync(http, session, formPage);
        if (!post.Applied)
        {
            return post.Refusal;
        }

        // FormPosts has read and checked the form, and left it on the request for reading the sample's own field.
        if (!int.TryParse(http.Request.Form[RevisionField].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var basedOn) || basedOn > open.Revision)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form does not say which revision it was opened at.", detail: "Open the form again and resubmit it.");
        }

        // A signed-off record is changed only by an addendum, with the reason asked for before its form opened.
        var reason = http.Request.Form[SignOffPages.AddendumField].ToString().Trim() is { Length: > 0 } given ? given : null;
        if (open.Record.IsLocked && reason is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "This assessment was signed off: a change is an addendum.", detail: "Open the form again and give the reason for the change.");
        }

        if (basedOn == open.Revision)
        {
            var result = await cases.Store.SaveAsync(new SaveRequest(id, basedOn, CaseRecords.ToSave(session), http.User.Identity!.Name!, CaseRecords.TemplateOf(open.Template), open.Record.IsLocked ? reason : null), http.RequestAborted);
            if (result.Succeeded)
            {
                var view = FormViewBuilder.Build(session, Audiences.ReaderOf(http.User)!.View with { Page = page });
                var next = view.Paging?.Next is { } n ? $"page={n}&" : page is { } p ? $"page={p}&" : string.Empty;
                var again = reason is not null && open.Record.IsLocked ? $"reason={Uri.EscapeDataString(reason)}&" : string.Empty;
                return Results.Redirect($"/cases/{id}?{next}{again}saved=true");
            }

            open = (await cases.OpenAsync(id, http.RequestAborted))!;
        }

        // Someone saved since this form was opened: nothing is saved. The user's own changes (their post applied to the
        // revision they started from) are laid over the answers as they are now, and the page says what changed meanwhile.
        var then = await cases.Store.GetRevisionAsync(id, basedOn, cancellationToken: http.RequestAborted);
        var theirs = open.Session(then.Answers);
        await FormPosts.BindAsync(http, theirs, formPage);
        var shown = ReaderAnswers.Apply(open.Answers, then.Answers, theirs.ToJson());
        var changes = await cases.Store.GetChangesAsync(id, basedOn, open.Revision, cancellationToken: http.RequestAborted);
        var reader = Audiences.ReaderOf(http.User)!;
        var visible = ReaderAnswers.VisibleOnly(changes.Select(c => c.Path), ReaderAnswers.Seen(open.Session(), reader), ReaderAnswers.Seen(open.Session(then.Answers), reader));
        var notice = new StringBuilder("<div class=\"govuk-error-summary\" role=\"alert\" id=\"stale\"><h2 class=\"govuk-error-summary__title\">Not saved: someone else saved this case after you opened it</h2>\n<div class=\"govuk-error-summary__body\"><p class=\"govuk-body\">Your answers are still in the form below. Check them against what changed meanwhile, then save again.</p>\n");
        notice.Append("<ul class=\"govuk-list govuk-error-summary__list\">\n");
        foreach (var path in visible)
        {
            notice.Append($"<li><code>{E(path)}</code></li>\n");
        }

        notice.Append("</ul></div></div>\n");
        return await FormPageAsync(http, open, shown, page, showErrors: true, notice.ToString(), StatusCodes.Status409Conflict, reason);
    }

    private static async Task<IResult> FormPageAsync(HttpContext http, OpenCase open, JsonObject answers, int? page, bool showErrors, string notice, int status = StatusCodes.Status200OK, string? reason = null)
    {
        var action = page is { } p ? $"/cases/{open.Record.RecordId}?page={p}" : $"/cases/{open.Record.RecordId}";
        var form = await FormHtml.FragmentAsync(http, open.Session(answers), new FormPage
        {
            Action = action,
            CaseReference = open.Record.CaseId,
            ShowErrors = showErrors,
            Page = page,
            HiddenFields = [new(RevisionField, open.Revision.ToString(CultureInfo.InvariantCulture)), new(SignOffPages.AddendumField, reason ?? string.Empty)],
        });
        if (form is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not open this form.");
        }

        var links = $"<nav aria-label=\"Case\" class=\"govuk-body\"><a class=\"govuk-link\" href=\"/\">All cases</a> · <a class=\"govuk-link\" href=\"/cases/{E(open.Record.RecordId)}/history\">History</a> · <a class=\"govuk-link\" href=\"/cases/{E(open.Record.RecordId)}/chronology\">Chronology</a> · <a class=\"govuk-link\" href=\"/cases/{E(open.Record.RecordId)}/record.pdf\">PDF record</a></nav>\n";
        using var writer = new StringWriter();
        form.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return Page(http, $"{open.Template.Title}: {open.Record.CaseId}", links + notice + SignOffPages.SignOffForm(http, open) + writer, status);
    }

    private static async Task<IResult> HistoryAsync(string id, HttpContext http, CaseRecords cases)
    {
        if (await cases.OpenAsync(id, http.RequestAborted) is not { } open || Audiences.ReaderOf(http.User) is not { } reader)
        {
            return Results.NotFound();
        }

        // A reader is told only of changes to answers they can see now; values are shown to the practitioner alone,
        // since an earlier value may have been shown to the family only because of an answer since withheld.
        var seen = ReaderAnswers.Seen(open.Session(), reader);
        var whole = Audiences.SeesWholeRecord(reader);
        var html = new StringBuilder($"<h1 class=\"govuk-heading-l\">History of {E(open.Record.CaseId)}</h1>\n<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/cases/{E(id)}\">Back to the form</a></p>\n");
        foreach (var revision in (await cases.Store.GetHistoryAsync(id, cancellationToken: http.RequestAborted)).Reverse())
        {
            var paths = ReaderAnswers.VisibleOnly(revision.Changes.Select(c => c.Path), seen).ToHashSet(StringComparer.Ordinal);
            if (!whole && paths.Count == 0)
            {
                // That someone changed only answers withheld from this reader, and when, is itself withheld.
                continue;
            }

            // Revision numbers are the practitioner's: a gap in them would tell anyone else a withheld answer changed.
            var heading = whole ? $"Revision {revision.Number}: " : "Saved by ";
            html.Append($"<h2 class=\"govuk-heading-s\">{heading}{E(revision.Author)}, {revision.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC{(revision.Merged ? " (merged with a save made at the same time)" : string.Empty)}</h2>\n<ul class=\"govuk-list govuk-list--bullet\">\n");
            foreach (var change in revision.Changes.Where(c => whole || paths.Contains(c.Path)))
            {
                html.Append(whole
                    ? $"<li><code>{E(change.Path)}</code>: {E(change.OldJson ?? "(none)")} → {E(change.NewJson ?? "(removed)")}</li>\n"
                    : $"<li><code>{E(change.Path)}</code> changed</li>\n");
            }

            html.Append("</ul>\n");
        }

        return Page(http, $"History of {open.Record.CaseId}", html.ToString());
    }

    /// <summary>
    /// The case's chronology across all its records, as the signed-in reader may see it: the store's history read
    /// through each record's template, so a parent is told nothing that depends on what is withheld from them.
    /// </summary>
    private static async Task<IResult> ChronologyAsync(string id, string format, HttpContext http, CaseRecords cases)
    {
        if (await cases.OpenAsync(id, http.RequestAborted) is not { } open || Audiences.ReaderOf(http.User) is not { } reader)
        {
            return Results.NotFound();
        }

        var view = await cases.Store.GetChronologyViewAsync(open.Record.CaseId, cases.TemplateFor,
            new ChronologyViewOptions { Audience = reader.Audience, Language = reader.View.Language, TimeZone = London, Today = DateOnly.FromDateTime(DateTime.Today) },
            new ChronologyOptions { FlagsPath = CaseRecords.FlagsKey }, cancellationToken: http.RequestAborted);
        var options = new RenderOptions { Theme = "govuk", CaseReference = open.Record.CaseId, ProtectiveMarking = "OFFICIAL-SENSITIVE", Fragment = format == "html" };
        using var output = new MemoryStream();
        FormRenderers.CreateDefault().FindChronology(format)!.RenderChronology(view, options, output);
        if (format == "pdf")
        {
            return Results.File(output.ToArray(), "application/pdf", $"{open.Record.CaseId}-chronology.pdf");
        }

        var links = $"<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/cases/{E(id)}\">Back to the form</a> · <a class=\"govuk-link\" href=\"/cases/{E(id)}/chronology.pdf\">Chronology as PDF</a></p>\n";
        return Page(http, $"Chronology of {open.Record.CaseId}", links + Encoding.UTF8.GetString(output.ToArray()));
    }

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}
