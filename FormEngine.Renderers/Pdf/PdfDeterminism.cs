using System.Security.Cryptography;
using System.Text;
using FormEngine.Renderers.Pdf.Layout;
using PdfSharp.Pdf;

namespace FormEngine.Renderers.Pdf;

/// <summary>
/// Removes what PDFsharp makes random, so the same form and options give the same bytes: the document
/// ID (a new GUID per document), the six-letter tags of embedded font subsets (also from a GUID), and the
/// XMP metadata's DocumentID and InstanceID (new UUIDs written during save, with no option to set them).
/// All become digests of what the document says.
/// </summary>
internal static class PdfDeterminism
{
    /// <summary>Before saving: the trailer ID and the font subset tags.</summary>
    /// <returns>The content digest, for <see cref="StabiliseXmpIds"/>.</returns>
    public static byte[] Apply(PdfDocument document, IReadOnlyList<IReadOnlyList<PdfPlacement>> pages, IReadOnlyList<PdfRunningText> running, RenderOptions options)
    {
        var digest = Digest(pages, running, options);
        var id = Encoding.Latin1.GetString(digest, 0, 16);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        StabiliseSubsetTags(document, digest);
        return digest;
    }

    /// <summary>
    /// After saving: replaces the random UUIDs PDFsharp writes into the (uncompressed) XMP metadata with one
    /// derived from the digest. The replacement has the same length, so no cross-reference offset moves.
    /// </summary>
    /// <param name="pdf">The saved file; changed in place.</param>
    /// <param name="digest">The content digest.</param>
    public static void StabiliseXmpIds(byte[] pdf, byte[] digest)
    {
        var uuid = Encoding.ASCII.GetBytes(new Guid(digest.AsSpan(0, 16)).ToString("D"));
        foreach (var element in new[] { "<xmpMM:DocumentID>uuid:", "<xmpMM:InstanceID>uuid:" })
        {
            var marker = Encoding.ASCII.GetBytes(element);
            var at = pdf.AsSpan().IndexOf(marker);
            if (at >= 0 && at + marker.Length + uuid.Length <= pdf.Length && pdf[at + marker.Length + uuid.Length] == (byte)'<')
            {
                uuid.CopyTo(pdf, at + marker.Length);
            }
        }
    }

    private static byte[] Digest(IReadOnlyList<IReadOnlyList<PdfPlacement>> pages, IReadOnlyList<PdfRunningText> running, RenderOptions options)
    {
        var text = new StringBuilder();
        foreach (var page in running.Distinct())
        {
            text.Append(page).Append('\n');
        }

        text.Append(options.Language ?? string.Empty).Append('\n').Append(options.Mode).Append('\n');
        foreach (var page in pages)
        {
            text.Append('\f');
            foreach (var placement in page)
            {
                for (var i = placement.From; i < placement.To; i++)
                {
                    text.Append(placement.Block.Lines[i].Fingerprint).Append('\n');
                }
            }
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void StabiliseSubsetTags(PdfDocument document, byte[] digest)
    {
        foreach (var item in document.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary dictionary)
            {
                continue;
            }

            foreach (var key in new[] { "/BaseFont", "/FontName" })
            {
                var name = dictionary.Elements.GetName(key);
                if (name.Length > 8 && name[7] == '+' && name[1..7].All(char.IsAsciiLetterUpper))
                {
                    dictionary.Elements.SetName(key, "/" + Tag(name[8..], digest) + name[7..]);
                }
            }
        }
    }

    /// <summary>Six capital letters from the font's name and the document digest: stable, and different per font.</summary>
    private static string Tag(string fontName, byte[] digest)
    {
        var bytes = SHA256.HashData([.. digest, .. Encoding.UTF8.GetBytes(fontName)]);
        return string.Create(6, bytes, (span, b) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('A' + (b[i] % 26));
            }
        });
    }
}
