using FormEngine.Renderers.Pdf.Layout;
using FormEngine.Views;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace FormEngine.Renderers.Pdf;

/// <summary>
/// A printable, tagged PDF laid out natively (no browser): A4, a running header and footer with the case
/// reference, protective marking and "Page n of m", questions kept whole on a page, and flags first.
/// The same form and options always give the same bytes.
/// </summary>
public sealed class PdfRenderer : IFormRenderer
{
    private readonly Lazy<PdfTheme> _theme;

    /// <summary>Creates the renderer with the built-in element renderers.</summary>
    /// <param name="theme">Fonts, colours and geometry; null for the default theme.</param>
    public PdfRenderer(PdfTheme? theme = null)
    {
        _theme = new Lazy<PdfTheme>(() => theme ?? new PdfTheme());
        Elements.Add(new SectionPdfRenderer());
        Elements.Add(new RepeatPdfRenderer());
        Elements.Add(new NotePdfRenderer());
        Elements.Add(new QuestionPdfRenderer());
    }

    /// <summary>The element renderers; insert your own at the front with <see cref="ElementRenderers{TContext}.Override"/>.</summary>
    public ElementRenderers<PdfRenderContext> Elements { get; } = [];

    /// <summary>Fonts, colours and page geometry.</summary>
    public PdfTheme Theme => _theme.Value;

    /// <inheritdoc/>
    public string Format => "pdf";

    /// <inheritdoc/>
    public string MediaType => "application/pdf";

    /// <inheritdoc/>
    public string FileExtension => ".pdf";

    /// <inheritdoc/>
    public void Render(FormView form, RenderOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        var theme = Theme;
        using var measure = XGraphics.CreateMeasureContext(new XSize(theme.PageWidth, theme.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards, new PdfSharp.Events.RenderEvents());
        var context = new PdfRenderContext(form, options, theme, new TextWrapper(measure), Elements);
        PdfFrontMatter.Write(context);
        foreach (var section in form.Sections)
        {
            context.Render(section);
        }

        var pages = Paginator.Paginate(context.Blocks, theme.ContentBottom - theme.ContentTop);
        var title = form.Title.Length > 0 ? form.Title : form.TemplateId;
        var date = options.DocumentDate ?? form.Today;
        var running = new PdfRunningText(
            PdfRenderContext.OneLine(title),
            options.CaseReference is { } reference ? PdfRenderContext.OneLine(reference) : null,
            options.ProtectiveMarking is { } marking ? PdfRenderContext.OneLine(marking) : null,
            $"{PdfFrontMatter.DocumentKind(options.Mode)}, {AnswerFormatter.FormatDate(date)}");

        using var document = new PdfDocument();
        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage(options.DocumentLanguage(form));
        document.Info.Title = running.Title;
        document.Info.Subject = running.Description;
        document.Info.Creator = "FormEngine";
        document.ViewerPreferences.DisplayDocTitle = true;
        // PDFsharp 6.2.4 ends its compressed content streams in a way qpdf --check warns about ("input stream
        // is complete but output may still be valid"); uncompressed page content avoids it. Fonts and other
        // streams stay compressed, and page content is a small part of the file.
        document.Options.CompressContentStreams = false;
        var timestamp = new DateTime(date, TimeOnly.MinValue, DateTimeKind.Utc);
        document.Info.CreationDate = timestamp;
        document.Info.ModificationDate = timestamp;

        new PdfPainter(theme, running).Paint(document, accessibility.StructureBuilder, pages);
        var digest = PdfDeterminism.Apply(document, pages, running, options);
        using var saved = new MemoryStream();
        document.Save(saved, closeStream: false);
        var bytes = saved.ToArray();
        PdfDeterminism.StabiliseXmpIds(bytes, digest);
        output.Write(bytes);
    }
}
