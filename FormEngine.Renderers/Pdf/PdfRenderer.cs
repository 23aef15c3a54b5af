using FormEngine.Renderers.Pdf.Layout;
using FormEngine.Views;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace FormEngine.Renderers.Pdf;

/// <summary>
/// A printable, tagged PDF laid out natively (no browser): A4, a running header and footer with the case
/// reference, protective marking and "Page n of m", questions kept whole on a page, a case summary first;
/// Welsh, bilingual (side by side or one language after the other) and audience-specific documents.
/// The same form and options always give the same bytes.
/// </summary>
public sealed class PdfRenderer : IFormRenderer, IChronologyRenderer
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
        Elements.Add(new SignaturePdfRenderer());
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
        using var measure = MeasureContext();
        var wrapper = new TextWrapper(measure);
        var pageHeight = theme.ContentBottom - theme.ContentTop;
        var pages = new List<IReadOnlyList<PdfPlacement>>();
        var running = new List<PdfRunningText>();
        var second = options.SecondLanguage;
        if (second is null)
        {
            pages.AddRange(Paginator.Paginate(Lay(form, options, wrapper, null, null), pageHeight));
            running.AddRange(pages.Select(_ => Running(form, options)));
        }
        else if (options.BilingualLayout == BilingualLayout.Sequential)
        {
            // The whole document in the main language, then all of it again in the second, from a new page.
            pages.AddRange(Paginator.Paginate(Lay(form, options, wrapper, null, null), pageHeight));
            running.AddRange(pages.Select(_ => Running(form, options)));
            var secondPages = Paginator.Paginate(Lay(second, options, wrapper, null, second.LanguageTag), pageHeight);
            pages.AddRange(secondPages);
            running.AddRange(secondPages.Select(_ => Running(second, options)));
        }
        else
        {
            // Two columns: each block in the main language on the left, its translation level with it on the right.
            var column = (theme.ContentWidth - PdfColumns.Gutter) / 2;
            var rows = Pair(Lay(form, options, wrapper, column, null), Lay(second, options, wrapper, column, second.LanguageTag), theme.ContentWidth);
            pages.AddRange(Paginator.Paginate(rows, pageHeight));
            var both = Bilingual(Running(form, options), Running(second, options));
            running.AddRange(pages.Select(_ => both));
        }

        Write(pages, running, options.DocumentLanguage(form), options, options.DocumentDate ?? form.Today, output);
    }

    /// <inheritdoc/>
    public void RenderChronology(ChronologyView chronology, RenderOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(chronology);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var theme = Theme;
        using var measure = MeasureContext();
        var (blocks, running) = PdfChronology.Lay(chronology, options, theme, new TextWrapper(measure), Elements);
        var pages = Paginator.Paginate(blocks, theme.ContentBottom - theme.ContentTop);
        Write([.. pages], [.. pages.Select(_ => running)], chronology.LanguageTag, options, options.DocumentDate ?? chronology.Today, output);
    }

    /// <summary>A graphics context for measuring text on this theme's pages, not drawing it.</summary>
    private XGraphics MeasureContext() =>
        XGraphics.CreateMeasureContext(new XSize(Theme.PageWidth, Theme.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards, new PdfSharp.Events.RenderEvents());

    /// <summary>Paints laid-out pages into a tagged PDF/UA document and writes it; the same pages and options always give the same bytes.</summary>
    private void Write(IReadOnlyList<IReadOnlyList<PdfPlacement>> pages, IReadOnlyList<PdfRunningText> running, string language, RenderOptions options, DateOnly date, Stream output)
    {
        using var document = new PdfDocument();
        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage(language);
        document.Info.Title = running[0].Title;
        document.Info.Subject = running[0].Description;
        document.Info.Creator = "FormEngine";
        document.ViewerPreferences.DisplayDocTitle = true;
        // PDFsharp 6.2.4 ends its compressed content streams in a way qpdf --check warns about ("input stream
        // is complete but output may still be valid"); uncompressed page content avoids it. Fonts and other
        // streams stay compressed, and page content is a small part of the file.
        document.Options.CompressContentStreams = false;
        var timestamp = new DateTime(date, TimeOnly.MinValue, DateTimeKind.Utc);
        document.Info.CreationDate = timestamp;
        document.Info.ModificationDate = timestamp;

        new PdfPainter(Theme).Paint(document, accessibility.StructureBuilder, pages, running);
        PdfBookmarks.Write(document, pages, Theme);
        var digest = PdfDeterminism.Apply(document, pages, running, options);
        using var saved = new MemoryStream();
        document.Save(saved, closeStream: false);
        var bytes = saved.ToArray();
        PdfDeterminism.StabiliseXmpIds(bytes, digest);
        PdfUaIdentifier.Claim(bytes);
        output.Write(bytes);
    }

    /// <summary>Lays out one language of the document: front matter (and the case summary), then the sections.</summary>
    private List<PdfBlock> Lay(FormView form, RenderOptions options, TextWrapper wrapper, double? width, string? language)
    {
        var context = new PdfRenderContext(form, options, Theme, wrapper, Elements, width);
        PdfFrontMatter.Write(context);
        foreach (var section in form.Sections)
        {
            context.Render(section);
        }

        WriteEarlierAnswers(context);

        var blocks = context.Blocks.ToList();
        if (language is not null)
        {
            foreach (var block in blocks)
            {
                block.Language = language;
            }

            if (width is null && blocks.Count > 0)
            {
                blocks[0].PageBreakBefore = true;
            }
        }

        return blocks;
    }

    /// <summary>In an audit, the answers earlier versions asked that no migration carried forward, exactly as given.</summary>
    private static void WriteEarlierAnswers(PdfRenderContext context)
    {
        if (!ModeRules.ShowsEarlierAnswers(context.Options.Mode) || context.Form.EarlierAnswers.Count == 0)
        {
            return;
        }

        var words = context.Words;
        context.BeginPart("earlier");
        context.Heading(2, words.EarlierAnswers);
        context.Paragraph(words.EarlierAnswersIntro);
        foreach (var answer in context.Form.EarlierAnswers)
        {
            context.Heading(4, $"{answer.Path} ({words.EarlierVersion} {answer.Version})");
            context.Paragraph(answer.Value);
            context.Paragraph($"{words.EarlierReason}: {answer.Reason}", context.Theme.Note, context.Theme.Muted);
        }
    }

    /// <summary>
    /// Pairs each block with its translation by the element that wrote it (the two views come from one
    /// session, so they match block for block); a block without a partner gets an empty column.
    /// </summary>
    private static List<PdfBlock> Pair(List<PdfBlock> left, List<PdfBlock> right, double width)
    {
        var leftKeys = Keys(left);
        var rightKeys = Keys(right);
        var rightAt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < rightKeys.Count; j++)
        {
            rightAt[rightKeys[j]] = j;
        }

        var rows = new List<PdfBlock>();
        int i = 0, k = 0;
        while (i < left.Count || k < right.Count)
        {
            if (i < left.Count && k < right.Count && leftKeys[i] == rightKeys[k])
            {
                rows.Add(PdfColumns.Row(left[i++], right[k++], width));
            }
            else if (i < left.Count && k < right.Count && rightAt.TryGetValue(leftKeys[i], out var later) && later > k)
            {
                rows.Add(PdfColumns.Row(null, right[k++], width));
            }
            else if (i < left.Count)
            {
                rows.Add(PdfColumns.Row(left[i++], null, width));
            }
            else
            {
                rows.Add(PdfColumns.Row(null, right[k++], width));
            }
        }

        return rows;
    }

    /// <summary>The blocks' pairing keys, made unique (a blank form's repeat item slots repeat their paths).</summary>
    private static List<string> Keys(List<PdfBlock> blocks)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. blocks.Select(block =>
        {
            var n = seen.GetValueOrDefault(block.PairKey);
            seen[block.PairKey] = n + 1;
            return $"{block.PairKey}@{n}";
        })];
    }

    private static PdfRunningText Running(FormView form, RenderOptions options)
    {
        var words = form.Words;
        return new PdfRunningText(
            Prose.OneLine(form.DisplayTitle),
            options.CaseReference is { } reference ? $"{words.CaseReference}: {Prose.OneLine(reference)}" : null,
            options.ProtectiveMarking is { } marking ? Prose.OneLine(marking) : null,
            ModeRules.Description(form, options),
            words.PageFormat);
    }

    /// <summary>The running text of a side-by-side document: each part in both languages, main first ("Tudalen 1 o 3 / Page 1 of 3").</summary>
    private static PdfRunningText Bilingual(PdfRunningText main, PdfRunningText second)
    {
        static string Both(string a, string b) => a == b ? a : $"{a} / {b}";
        var reference = main.Reference is null || second.Reference is null
            ? main.Reference
            : Both(main.Reference[..main.Reference.LastIndexOf(": ", StringComparison.Ordinal)], second.Reference);
        return new PdfRunningText(Both(main.Title, second.Title), reference, main.Marking, Both(main.Description, second.Description), Both(main.PageFormat, second.PageFormat));
    }
}
