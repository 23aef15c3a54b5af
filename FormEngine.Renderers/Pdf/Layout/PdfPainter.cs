using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace FormEngine.Renderers.Pdf.Layout;

/// <summary>What the running header and footer of every page say.</summary>
/// <param name="Title">The form's title (header, left).</param>
/// <param name="CaseReference">The case reference (header, right), or null.</param>
/// <param name="Marking">The protective marking (top and bottom, centred), or null.</param>
/// <param name="Description">What the document is and its date (footer, left).</param>
public sealed record PdfRunningText(string Title, string? CaseReference, string? Marking, string Description);

/// <summary>
/// Draws paginated blocks onto PDF pages: running header and footer as artifacts, decoration as
/// artifacts, and text inside the structure elements of its lines, so the tagged reading order is the
/// order of the form.
/// </summary>
internal sealed class PdfPainter(PdfTheme theme, PdfRunningText running)
{
    public void Paint(PdfDocument document, StructureBuilder structure, IReadOnlyList<IReadOnlyList<PdfPlacement>> pages)
    {
        for (var index = 0; index < pages.Count; index++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(theme.PageWidth);
            page.Height = XUnit.FromPoint(theme.PageHeight);
            using var graphics = XGraphics.FromPdfPage(page);
            structure.BeginArtifact();
            DrawRunningText(graphics, index + 1, pages.Count);
            structure.End();
            foreach (var placement in pages[index])
            {
                Draw(graphics, structure, placement);
            }
        }
    }

    private void Draw(XGraphics graphics, StructureBuilder structure, PdfPlacement placement)
    {
        var x = theme.SideMargin;
        var width = theme.ContentWidth;
        var lines = placement.Block.Lines;
        var top = theme.ContentTop + placement.Top;

        structure.BeginArtifact();
        if (placement.Block.Panel is { } panel)
        {
            var height = 0.0;
            for (var i = placement.From; i < placement.To; i++)
            {
                height += lines[i].Height;
            }

            if (panel.Fill is { } fill)
            {
                graphics.DrawRectangle(new XSolidBrush(fill), x, top, width, height);
            }

            graphics.DrawRectangle(new XSolidBrush(panel.Bar), x, top, 3, height);
        }

        var y = top;
        for (var i = placement.From; i < placement.To; i++)
        {
            lines[i].DrawDecoration(graphics, x, y, width);
            y += lines[i].Height;
        }

        structure.End();

        PdfTagGroup? open = null;
        y = top;
        for (var i = placement.From; i < placement.To; i++)
        {
            var line = lines[i];
            if (line.Tag is { } tag)
            {
                if (!ReferenceEquals(tag, open))
                {
                    if (open is not null)
                    {
                        structure.End();
                    }

                    structure.BeginElement(tag.Tag);
                    open = tag;
                }

                line.DrawText(graphics, x, y, width);
            }

            y += line.Height;
        }

        if (open is not null)
        {
            structure.End();
        }
    }

    private void DrawRunningText(XGraphics graphics, int page, int pageCount)
    {
        var left = theme.SideMargin;
        var right = theme.PageWidth - theme.SideMargin;
        var width = theme.ContentWidth;
        var muted = new XSolidBrush(theme.Muted);
        var ink = new XSolidBrush(theme.Ink);
        var rule = new XPen(theme.Hairline, 0.6);

        if (running.Marking is { } marking)
        {
            graphics.DrawString(marking, theme.SmallBold, ink, new XRect(left, 22, width, 12), XStringFormats.TopCenter);
            graphics.DrawString(marking, theme.SmallBold, ink, new XRect(left, theme.PageHeight - 32, width, 12), XStringFormats.TopCenter);
        }

        const double headerY = 40;
        var reference = running.CaseReference is { } r ? $"Case reference: {r}" : null;
        var referenceWidth = reference is null ? 0 : graphics.MeasureString(reference, theme.Small).Width;
        graphics.DrawString(Fit(graphics, running.Title, width - referenceWidth - 16), theme.Small, muted, left, headerY, XStringFormats.TopLeft);
        if (reference is not null)
        {
            graphics.DrawString(reference, theme.Small, muted, right, headerY, XStringFormats.TopRight);
        }

        graphics.DrawLine(rule, left, headerY + 14, right, headerY + 14);

        var footerY = theme.PageHeight - 54;
        graphics.DrawLine(rule, left, footerY - 4, right, footerY - 4);
        var pageText = $"Page {page} of {pageCount}";
        graphics.DrawString(Fit(graphics, running.Description, width - 90), theme.Small, muted, left, footerY, XStringFormats.TopLeft);
        graphics.DrawString(pageText, theme.Small, muted, right, footerY, XStringFormats.TopRight);
    }

    private string Fit(XGraphics graphics, string text, double width)
    {
        if (graphics.MeasureString(text, theme.Small).Width <= width)
        {
            return text;
        }

        var end = text.Length;
        while (end > 1 && graphics.MeasureString(text[..end] + "…", theme.Small).Width > width)
        {
            end--;
        }

        return text[..end] + "…";
    }
}
