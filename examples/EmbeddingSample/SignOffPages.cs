using FormEngine.Records;
using static EmbeddingSample.Layout;

namespace EmbeddingSample;

/// <summary>
/// Signing an assessment off, and changing it after that: a signed-off record is locked, so a change is an addendum
/// whose reason the user gives before the form opens; the reason travels with the form and is kept with the revision.
/// </summary>
public static class SignOffPages
{
    /// <summary>The form field that carries an addendum's reason.</summary>
    public const string AddendumField = "addendum_reason";

    /// <summary>Maps the sign-off; it needs a signed-in practitioner.</summary>
    public static void Map(WebApplication app) =>
        app.MapPost("/cases/{id}/sign-off", SignOffAsync).RequireAuthorization();

    /// <summary>For a practitioner on a record not yet signed off: the form that signs it off, else nothing.</summary>
    public static string SignOffForm(HttpContext http, OpenCase open) =>
        open.Record.IsLocked || Audiences.ReaderOf(http.User) is not { } reader || !Audiences.SeesWholeRecord(reader)
            ? string.Empty
            : $"<form method=\"post\" action=\"/cases/{E(open.Record.RecordId)}/sign-off\" class=\"govuk-!-margin-bottom-6\">{Token(http)}\n"
              + "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"role\">Your role</label><input class=\"govuk-input govuk-input--width-20\" id=\"role\" name=\"role\" value=\"team manager\" /></div>\n"
              + "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\">Sign off this assessment</button>\n</form>\n";

    /// <summary>What a signed-off record's form asks first: why it is being changed.</summary>
    public static IResult ReasonPage(HttpContext http, OpenCase open, int? page)
    {
        var signed = open.Record.SignOffs[^1];
        var body = $"<h1 class=\"govuk-heading-l\">{E(open.Template.Title)}: {E(open.Record.CaseId)}</h1>\n"
            + $"<div class=\"govuk-inset-text\">Signed off by {E(signed.By)}, {E(signed.Role)}. A change now is an addendum: it is kept with its reason, and the record shows it as a change after sign-off.</div>\n"
            + $"<form method=\"get\" action=\"/cases/{E(open.Record.RecordId)}\">\n"
            + (page is { } p ? $"<input type=\"hidden\" name=\"page\" value=\"{p}\" />\n" : string.Empty)
            + "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"reason\">Why is the record being changed?</label><input class=\"govuk-input\" id=\"reason\" name=\"reason\" required=\"required\" /></div>\n"
            + "<button type=\"submit\" class=\"govuk-button\">Change the record</button>\n</form>\n"
            + $"<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/cases/{E(open.Record.RecordId)}/record.pdf\">PDF record</a> · <a class=\"govuk-link\" href=\"/\">All cases</a></p>\n";
        return Page(http, $"{open.Template.Title}: {open.Record.CaseId}", body);
    }

    private static async Task<IResult> SignOffAsync(string id, HttpContext http, CaseRecords cases)
    {
        if (await RefuseForgeryAsync(http) is { } refused)
        {
            return refused;
        }

        if (Audiences.ReaderOf(http.User) is not { } reader || !Audiences.SeesWholeRecord(reader))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only a practitioner may sign off an assessment.");
        }

        if (await cases.OpenAsync(id, http.RequestAborted) is not { } open)
        {
            return Results.NotFound();
        }

        var role = (await http.Request.ReadFormAsync())["role"].ToString().Trim();
        if (role.Length == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Give the role you sign off in.");
        }

        if (open.Record.IsLocked)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "This assessment is already signed off.");
        }

        await cases.Store.SignOffAsync(id, http.User.Identity!.Name!, role, http.RequestAborted);
        return Results.Redirect($"/cases/{id}/record.pdf");
    }
}
