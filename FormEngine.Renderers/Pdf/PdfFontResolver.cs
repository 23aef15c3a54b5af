using System.Reflection;
using PdfSharp.Fonts;

namespace FormEngine.Renderers.Pdf;

/// <summary>
/// Resolves the typeface the PDF renderer draws with (DejaVu Sans, embedded in this assembly, so PDFs
/// render the same on a bare server with no fonts installed and cover Welsh ŵ ŷ Ŵ Ŷ). Other family names
/// are passed to the resolver it wraps, if any.
/// </summary>
/// <remarks>
/// PDFsharp keeps one font resolver per process and refuses to change it once a font has been used.
/// <see cref="PdfRenderer"/> installs this resolver on first use when none is set. A host that has its
/// own resolver should install <c>new PdfFontResolver(hostResolver)</c> itself, before any PDF is made;
/// if it does not, the renderer registers this resolver as PDFsharp's fallback resolver instead, which
/// works as long as the host's resolver returns null for families it does not know.
/// </remarks>
public sealed class PdfFontResolver : IFontResolver
{
    /// <summary>The family name the renderer asks for; unlikely to clash with a host's own names.</summary>
    public const string FamilyName = "FormEngine Sans";

    private const string Regular = "FormEngineSans-Regular";
    private const string Bold = "FormEngineSans-Bold";
    private const string Italic = "FormEngineSans-Oblique";

    private static readonly Dictionary<string, string> Resources = new(StringComparer.Ordinal)
    {
        [Regular] = "DejaVuSans.ttf",
        [Bold] = "DejaVuSans-Bold.ttf",
        [Italic] = "DejaVuSans-Oblique.ttf",
    };

    private static readonly Lock InstallLock = new();
    private static readonly Dictionary<string, byte[]> Cache = new(StringComparer.Ordinal);
    private readonly IFontResolver? _next;

    /// <summary>Creates the resolver.</summary>
    /// <param name="next">A resolver for every other family, or null.</param>
    public PdfFontResolver(IFontResolver? next = null) => _next = next;

    /// <inheritdoc/>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (string.Equals(familyName, FamilyName, StringComparison.OrdinalIgnoreCase))
        {
            // Bold italic is never drawn; bold wins so labels keep their weight.
            return new FontResolverInfo(bold ? Bold : italic ? Italic : Regular);
        }

        return _next?.ResolveTypeface(familyName, bold, italic);
    }

    /// <inheritdoc/>
    public byte[]? GetFont(string faceName) =>
        Resources.TryGetValue(faceName, out var file) ? Load(file) : _next?.GetFont(faceName);

    /// <summary>
    /// Makes sure PDFsharp can find the renderer's typeface: installs this resolver when none is set, or as the
    /// fallback resolver when a host has set its own. Safe to call from several threads; does nothing after the first call.
    /// </summary>
    internal static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case PdfFontResolver:
                    return;
                case null:
                    GlobalFontSettings.FontResolver = new PdfFontResolver();
                    return;
                default:
                    if (GlobalFontSettings.FallbackFontResolver is null)
                    {
                        GlobalFontSettings.FallbackFontResolver = new PdfFontResolver();
                    }

                    return;
            }
        }
    }

    private static byte[] Load(string file)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(file, out var bytes))
            {
                return bytes;
            }

            var assembly = typeof(PdfFontResolver).Assembly;
            using var stream = assembly.GetManifestResourceStream($"FormEngine.Renderers.Pdf.Fonts.{file}")
                ?? throw new InvalidOperationException($"The font `{file}` is missing from {assembly.GetName().Name}; it should be embedded from Pdf/Fonts.");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            bytes = memory.ToArray();
            Cache[file] = bytes;
            return bytes;
        }
    }
}
