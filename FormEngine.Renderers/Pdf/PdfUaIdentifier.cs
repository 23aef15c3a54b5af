using System.Text;
using System.Text.RegularExpressions;

namespace FormEngine.Renderers.Pdf;

/// <summary>
/// Writes the PDF/UA identification schema (<c>pdfuaid:part</c> 1) into the XMP metadata PDFsharp writes while
/// saving, which has no option for it. The packet is rewritten in place at the same length: the indentation
/// between its tags and PDFsharp's empty author and keywords entries make the room, and the rest is the padding
/// XMP provides for exactly this, before the packet's end, so no stream length or cross-reference offset moves.
/// README-pdf.md says what the claim rests on.
/// </summary>
internal static partial class PdfUaIdentifier
{
    private const string Identification =
        "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"><pdfuaid:part>1</pdfuaid:part></rdf:Description>";

    /// <summary>Adds the identifier to the saved file's metadata.</summary>
    /// <param name="pdf">The saved file; changed in place.</param>
    /// <returns>False when the file has no uncompressed XMP packet with room for it (the file is then unchanged).</returns>
    public static bool Claim(byte[] pdf)
    {
        // Latin-1 maps every byte to one character, so positions and lengths in the text are those in the file,
        // whatever UTF-8 the title holds.
        var text = Encoding.Latin1.GetString(pdf);
        var start = text.IndexOf("<x:xmpmeta", StringComparison.Ordinal);
        var end = text.IndexOf("<?xpacket end=", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return false;
        }

        var packet = text[start..end];
        var rdf = packet.IndexOf("<rdf:RDF", StringComparison.Ordinal);
        var rdfEnd = rdf < 0 ? -1 : packet.IndexOf('>', rdf);
        if (rdfEnd < 0 || packet.Contains("pdfuaid", StringComparison.Ordinal))
        {
            return false;
        }

        var compact = BetweenTags().Replace(packet, "><")
            .Replace("<pdf:Keywords></pdf:Keywords>", string.Empty, StringComparison.Ordinal)
            .Replace("<dc:creator><rdf:Seq><rdf:li></rdf:li></rdf:Seq></dc:creator>", string.Empty, StringComparison.Ordinal);
        var at = compact.IndexOf('>', compact.IndexOf("<rdf:RDF", StringComparison.Ordinal)) + 1;
        var claimed = compact[..at] + Identification + compact[at..].TrimEnd() + "\n";
        if (claimed.Length > packet.Length)
        {
            return false;
        }

        var padded = claimed + new string(' ', packet.Length - claimed.Length);
        Encoding.Latin1.GetBytes(padded).CopyTo(pdf, start);
        return true;
    }

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();
}
