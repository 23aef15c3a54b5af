using System.Buffers;
using System.Text;
using FormEngine.Renderers.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace FormEngine.AspNetCore;

/// <summary>
/// Reads a URL-encoded form body within FormEngine's limits, before anything else looks at it: the size is checked
/// while reading (a body that says nothing of its length is cut off at the limit, never buffered whole), then the
/// field count, then the text (UTF-8, proper <c>%</c> escapes).
/// </summary>
internal static class PostBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public sealed record Problem(int Status, string Title, string Detail);

    public sealed record Read(FormPost? Post, Problem? Problem);

    public static async Task<Read> ReadAsync(HttpContext http, FormEngineOptions settings)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "This form takes application/x-www-form-urlencoded posts.",
                $"The post was sent as `{request.ContentType ?? "nothing"}`. Post the form as a browser does, without enctype.");
        }

        if (http.Features.Get<IFormFeature>()?.Form is { } already)
        {
            // Something ran first and read the body through ASP.NET Core's own form reader (MVC's
            // [ValidateAntiForgeryToken], or a minimal API's form parameter), under FormOptions' limits: the body
            // cannot be read twice, so use what it read. Its reader replaces bytes that are not UTF-8 rather than
            // refusing them; read the body here first for that check.
            var count = already.Sum(field => field.Value.Count);
            return count > settings.MaxPostFields
                ? Refuse(StatusCodes.Status400BadRequest, "The form has too many fields.", $"It has {count:N0} fields; at most {settings.MaxPostFields:N0} are read. Nothing was saved.")
                : new Read(FormPost.From(already), null);
        }

        var limit = settings.MaxPostBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        byte[] body;
        try
        {
            body = await ReadAtMost(request.Body, limit, http.RequestAborted).ConfigureAwait(false);
            if (body.Length > limit)
            {
                return TooLarge(limit);
            }
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException error)
        {
            return Refuse(StatusCodes.Status400BadRequest, "The form is not UTF-8 text.",
                $"Byte {error.Index + 1} of the body is not UTF-8. Nothing was saved; send the form from a page served as UTF-8.");
        }

        var fields = text.Length == 0 ? 0 : text.Count(c => c == '&') + 1;
        if (fields > settings.MaxPostFields)
        {
            return Refuse(StatusCodes.Status400BadRequest, "The form has too many fields.",
                $"It has {fields:N0} fields; at most {settings.MaxPostFields:N0} are read. Nothing was saved.");
        }

        return FormPost.TryParseUrlEncoded(text, out var post, out var problem)
            ? new Read(post, null)
            : Refuse(StatusCodes.Status400BadRequest, "The form could not be read.", problem + " Nothing was saved.");
    }

    // Reads up to limit + 1 bytes: one more than allowed is enough to know the body is too large.
    private static async Task<byte[]> ReadAtMost(Stream body, long limit, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static Read TooLarge(long limit) => Refuse(StatusCodes.Status413PayloadTooLarge, "The form is too large.",
        $"Posted forms may be at most {limit:N0} bytes. Nothing was saved; shorten the longest answers and submit again.");

    private static Read Refuse(int status, string title, string detail) => new(null, new Problem(status, title, detail));
}
