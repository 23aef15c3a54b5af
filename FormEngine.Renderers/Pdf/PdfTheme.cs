using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FormEngine.Renderers.Pdf;

/// <summary>The page geometry, typefaces and colours of a FormEngine PDF.</summary>
public sealed class PdfTheme
{
    /// <summary>Creates the default theme: A4, 20 mm side margins, DejaVu Sans at 10 pt for body text.</summary>
    public PdfTheme()
    {
        PdfFontResolver.EnsureInstalled();
        Body = Font(10, XFontStyleEx.Regular);
        Label = Font(10, XFontStyleEx.Bold);
        Small = Font(8, XFontStyleEx.Regular);
        SmallBold = Font(8, XFontStyleEx.Bold);
        Note = Font(9, XFontStyleEx.Italic);
        Title = Font(18, XFontStyleEx.Bold);
        Section = Font(13.5, XFontStyleEx.Bold);
        Subsection = Font(11.5, XFontStyleEx.Bold);
        Item = Font(10.5, XFontStyleEx.Bold);
    }

    /// <summary>Page width in points (A4).</summary>
    public double PageWidth { get; init; } = 595.28;

    /// <summary>Page height in points (A4).</summary>
    public double PageHeight { get; init; } = 841.89;

    /// <summary>Left and right margin.</summary>
    public double SideMargin { get; init; } = 57;

    /// <summary>Where body content starts, below the running header.</summary>
    public double ContentTop { get; init; } = 74;

    /// <summary>Where body content ends, above the running footer.</summary>
    public double ContentBottom { get; init; } = 841.89 - 70;

    /// <summary>The width body text wraps to.</summary>
    public double ContentWidth => PageWidth - (2 * SideMargin);

    /// <summary>Answers and body text.</summary>
    public XFont Body { get; }

    /// <summary>Question labels.</summary>
    public XFont Label { get; }

    /// <summary>Running headers and footers.</summary>
    public XFont Small { get; }

    /// <summary>The protective marking.</summary>
    public XFont SmallBold { get; }

    /// <summary>Hints, routing and other notes.</summary>
    public XFont Note { get; }

    /// <summary>The document title.</summary>
    public XFont Title { get; }

    /// <summary>Section headings.</summary>
    public XFont Section { get; }

    /// <summary>Repeat group headings.</summary>
    public XFont Subsection { get; }

    /// <summary>Repeat item headings.</summary>
    public XFont Item { get; }

    /// <summary>Text.</summary>
    public XColor Ink { get; init; } = XColor.FromArgb(0x0b, 0x0c, 0x0c);

    /// <summary>Hints, notes, running header and footer.</summary>
    public XColor Muted { get; init; } = XColor.FromArgb(0x50, 0x5a, 0x5f);

    /// <summary>Headings.</summary>
    public XColor Accent { get; init; } = XColor.FromArgb(0x12, 0x35, 0x5b);

    /// <summary>Rules and answer boxes.</summary>
    public XColor Rule { get; init; } = XColor.FromArgb(0x8a, 0x91, 0x96);

    /// <summary>Light rules.</summary>
    public XColor Hairline { get; init; } = XColor.FromArgb(0xc8, 0xcc, 0xcf);

    /// <summary>Errors and urgent flags.</summary>
    public XColor Danger { get; init; } = XColor.FromArgb(0xb1, 0x0e, 0x1e);

    /// <summary>Flags of concern.</summary>
    public XColor Warning { get; init; } = XColor.FromArgb(0xb3, 0x4d, 0x00);

    /// <summary>Informational flags and guidance notes.</summary>
    public XColor Info { get; init; } = XColor.FromArgb(0x1d, 0x70, 0xb8);

    /// <summary>A very light tint of <paramref name="color"/> for panel backgrounds.</summary>
    /// <param name="color">The colour.</param>
    /// <returns>The tint.</returns>
    public static XColor Tint(XColor color) => XColor.FromArgb(
        (int)(255 - ((255 - color.R) * 0.09)),
        (int)(255 - ((255 - color.G) * 0.09)),
        (int)(255 - ((255 - color.B) * 0.09)));

    // Unicode encoding per font rather than through GlobalFontSettings.DefaultFontEncoding: the global can be
    // set only once per process and a host may already have set it; per font, Welsh ŵ ŷ always embed.
    private static XFont Font(double size, XFontStyleEx style) =>
        new(PdfFontResolver.FamilyName, size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));
}
