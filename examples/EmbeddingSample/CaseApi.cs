using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormEngine.AspNetCore;
using FormEngine.Records;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace EmbeddingSample;

/// <summary>
/// The JSON API, a contract: <c>POST /api/cases</c> starts a case; <c>GET /api/cases/{id}</c> is its answers document as
/// the reader may see it, with the revision as <c>ETag</c>; <c>PUT /api/cases/{id}/answers</c> saves a document of the
/// same shape and needs <c>If-Match</c> (412 when stale, 428 when missing, each naming what others changed).
/// </summary>
public static class CaseApi
{
    /// <summary>The header that carries an addendum's reason when a signed-off case is changed.</summary>
    public const string AddendumReasonHeader = "Addendum-Reason";

    /// <summary>The largest JSON body read.</summary>
    private const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Maps the API; every route needs HTTP Basic credentials.</summary>
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/cases").RequireAuthorization(policy => policy.AddAuthenticationSchemes(BasicAuthentication.SchemeName).RequireAuthenticatedUser());
        api.MapPost("/", CreateAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapPut("/{id}/answers", PutAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, CaseRecords cases)
    {
        if (Audiences.ReaderOf(http.User) is not { } reader || !Audiences.SeesWholeRecord(reader))
        {
            return Problem(StatusCodes.Status403Forbidden, "Only a practitioner may start a case.");
        }

        const string Expected = "Send a JSON object naming the template, e.g. {\"template\": \"single_assessment\"}.";
        var (body, refusal) = await ReadJsonAsync(http, Expected);
        if (refusal is not null)
        {
            return refusal;
        }

        if (body!["template"] is not JsonValue template || template.GetValueKind() != JsonValueKind.String)
        {
            return Problem(StatusCodes.Status400BadRequest, Expected);
        }

        var reference = body["reference"] is JsonValue r && r.GetValueKind() == JsonValueKind.String ? r.GetValue<string>() : null;
        if (await cases.CreateAsync(template.GetValue<string>(), reference, http.User.Identity!.Name!, http.RequestAborted) is not { } record)
        {
            return Problem(StatusCodes.Status400BadRequest, $"There is no template `{template.GetValue<string>()}`; templates: {string.Join(", ", cases.Templates.All.Select(t => t.Id))}.");
        }

        return Results.Created($"/api/cases/{record.RecordId}", new { id = record.RecordId });
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, CaseRecords cases)
    {
        if (await cases.OpenAsync(id, http.RequestAborted) is not { } open)
        {
            return Problem(StatusCodes.Status404NotFound, $"There is no case `{id}`.");
        }

        if (Audiences.ReaderOf(http.User) is not { } reader)
        {
            return Problem(StatusCodes.Status403Forbidden, "You may not read this case.");
        }

        http.Response.Headers.ETag = ETagOf(open.Revision);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(ReaderAnswers.Seen(open.Session(), reader));
    }

    private static async Task<IResult> PutAsync(string id, HttpContext http, CaseRecords cases)
    {
        if (await cases.OpenAsync(id, http.RequestAborted) is not { } open)
        {
            return Problem(StatusCodes.Status404NotFound, $"There is no case `{id}`.");
        }

        if (Audiences.ReaderOf(http.User) is not { } reader)
        {
            return Problem(StatusCodes.Status403Forbidden, "You may not change this case.");
        }

        if (!TryReadIfMatch(http.Request, out var basedOn))
        {
            return Stale(StatusCodes.Status428PreconditionRequired, "Say which revision you are changing: send If-Match with the ETag of your GET.", open.Revision, []);
        }

        if (basedOn != open.Revision)
        {
            return await StaleSinceAsync(cases, open, reader, basedOn, http.RequestAborted);
        }

        const string Expected = "Send the answers document as a JSON object, as GET gives it; names may not be empty or contain `.`, `[` or `]`.";
        var (sent, refusal) = await ReadJsonAsync(http, Expected);
        if (refusal is not null)
        {
            return refusal;
        }

        if (HasBadName(sent))
        {
            return Problem(StatusCodes.Status400BadRequest, Expected);
        }

        var shown = ReaderAnswers.Seen(open.Session(), reader);
        var next = ReaderAnswers.Apply(open.Answers, shown, sent!);
        if (!Audiences.SeesWholeRecord(reader))
        {
            // What the reader would see after the save must be exactly what they sent: anything else is an answer their
            // audience may not change (withheld from them, or not on their form), and nothing is saved.
            var refused = ReaderAnswers.Differences(ReaderAnswers.Seen(open.Session(next), reader), sent!);
            if (refused.Count > 0)
            {
                return Results.Json(new { title = "Your form does not have these answers, so you may not change them.", status = 403, paths = refused },
                    statusCode: StatusCodes.Status403Forbidden, contentType: "application/problem+json");
            }
        }

        // A signed-off record is changed only by an addendum, whose reason comes in the Addendum-Reason header.
        var reason = http.Request.Headers[AddendumReasonHeader].ToString().Trim() is { Length: > 0 } given ? given : null;
        if (open.Record.IsLocked && reason is null)
        {
            return Problem(StatusCodes.Status409Conflict, $"This case was signed off: a change is an addendum. Send its reason in the {AddendumReasonHeader} header.");
        }

        var saved = await cases.Store.SaveAsync(new SaveRequest(id, basedOn, CaseRecords.WithFlags(next, open.Session(next)), http.User.Identity!.Name!, CaseRecords.TemplateOf(open.Template), open.Record.IsLocked ? reason : null), http.RequestAborted);
        if (!saved.Succeeded)
        {
            // Someone saved the same answers between our read and our write.
            return Stale(StatusCodes.Status412PreconditionFailed, "Someone else changed these answers since your revision; GET the case again.", saved.LatestRevision,
                ReaderAnswers.VisibleOnly(saved.Conflicts.Select(c => c.Path), shown));
        }

        var now = await cases.Store.GetRevisionAsync(id, saved.LatestRevision, cancellationToken: http.RequestAborted);
        http.Response.Headers.ETag = ETagOf(saved.LatestRevision);
        return Results.Json(ReaderAnswers.Seen(open.Session(now.Answers), reader));
    }

    private static async Task<IResult> StaleSinceAsync(CaseRecords cases, OpenCase open, FormReader reader, int basedOn, CancellationToken cancellationToken)
    {
        if (basedOn < 0 || basedOn > open.Revision)
        {
            return Stale(StatusCodes.Status412PreconditionFailed, $"The case has no revision {basedOn}; GET it again.", open.Revision, []);
        }

        var changes = await cases.Store.GetChangesAsync(open.Record.RecordId, basedOn, open.Revision, cancellationToken: cancellationToken);
        var then = await cases.Store.GetRevisionAsync(open.Record.RecordId, basedOn, cancellationToken: cancellationToken);
        var paths = ReaderAnswers.VisibleOnly(changes.Select(c => c.Path), ReaderAnswers.Seen(open.Session(), reader), ReaderAnswers.Seen(open.Session(then.Answers), reader));
        return Stale(StatusCodes.Status412PreconditionFailed, "Someone else saved this case since your revision; GET it again and reapply your changes.", open.Revision, paths);
    }

    private static IResult Stale(int status, string title, int revision, IReadOnlyList<string> changed) =>
        Results.Json(new { title, status, etag = ETagOf(revision), changed }, statusCode: status, contentType: "application/problem+json");

    private static IResult Problem(int status, string title) => Results.Problem(statusCode: status, title: title);

    private static string ETagOf(int revision) => string.Create(CultureInfo.InvariantCulture, $"\"{revision}\"");

    /// <summary>Reads an <c>If-Match</c> naming one revision (strong or weak); <c>*</c> is not enough to prevent a lost update.</summary>
    private static bool TryReadIfMatch(HttpRequest request, out int revision)
    {
        revision = -1;
        var tags = request.GetTypedHeaders().IfMatch;
        return tags is [{ } tag] && tag != EntityTagHeaderValue.Any
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out revision);
    }

    /// <summary>The request's JSON object; null with the refusal to send when it is not one (400) or too large (413).</summary>
    private static async Task<(JsonObject? Json, IResult? Refusal)> ReadJsonAsync(HttpContext http, string expected)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) is JsonObject json
                ? (json, null)
                : (null, Problem(StatusCodes.Status400BadRequest, expected));
        }
        catch (JsonException error)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: expected, detail: $"The body is not JSON: {error.Message}"));
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes / 1024} KiB."));
        }
    }

    private static bool HasBadName(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Any(p => p.Key.IndexOfAny(['.', '[', ']']) >= 0 || p.Key.Length == 0 || HasBadName(p.Value)),
        JsonArray items => items.Any(HasBadName),
        _ => false,
    };
}
