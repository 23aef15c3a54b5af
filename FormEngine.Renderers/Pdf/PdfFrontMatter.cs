using FormEngine.Templates;
using FormEngine.Renderers.Pdf.Layout;

namespace FormEngine.Renderers.Pdf;

/// <summary>What comes before the sections: the title, the document details, the flags and, on a form, the problems to fix.</summary>
internal static class PdfFrontMatter
{
    public static void Write(PdfRenderContext context)
    {
        var form = context.Form;
        var options = context.Options;
        var theme = context.Theme;
        context.Heading(1, form.Title.Length > 0 ? form.Title : form.TemplateId);

        var details = new List<string> { $"{DocumentKind(options.Mode)}, {Views.AnswerFormatter.FormatDate(options.DocumentDate ?? form.Today)}" };
        if (options.CaseReference is { } reference)
        {
            details.Add($"Case reference: {PdfRenderContext.OneLine(reference)}");
        }

        if (options.ProtectiveMarking is { } marking)
        {
            details.Add(PdfRenderContext.OneLine(marking));
        }

        var block = new PdfBlock { SpaceAfter = 12 };
        context.AppendText(block, string.Join("\n", details), theme.Body, theme.Muted);
        context.Add(block);

        WriteFlags(context);
        WriteErrorSummary(context);
    }

    public static string DocumentKind(RenderMode mode) => mode switch
    {
        RenderMode.Form => "Form",
        RenderMode.Blank => "Blank form",
        RenderMode.Audit => "Audit record (all questions, including those not applicable)",
        _ => "Record",
    };

    private static void WriteFlags(PdfRenderContext context)
    {
        var flags = context.Form.Flags;
        if (context.Options.Mode == RenderMode.Blank || flags.Count == 0)
        {
            return;
        }

        var theme = context.Theme;
        context.Heading(2, "Flags");
        foreach (var flag in flags)
        {
            var color = flag.Severity switch
            {
                FlagSeverity.Urgent => theme.Danger,
                FlagSeverity.Info => theme.Info,
                _ => theme.Warning,
            };
            var block = new PdfBlock { Panel = new PdfPanel(color, PdfTheme.Tint(color)), SpaceAfter = 6 };
            block.Lines.Add(new SpaceLine(5));
            var severity = FlagSeverities.NameOf(flag.Severity);
            context.AppendPrefixedText(block, $"{char.ToUpperInvariant(severity[0])}{severity[1..]}: ", theme.Label, color, PdfRenderContext.OneLine(flag.Message), theme.Body, theme.Ink);
            block.Lines.Add(new SpaceLine(5));
            context.Add(block);
        }
    }

    private static void WriteErrorSummary(PdfRenderContext context)
    {
        var form = context.Form;
        if (context.Options.Mode != RenderMode.Form || (form.Errors.Count == 0 && form.Missing.Count == 0))
        {
            return;
        }

        var theme = context.Theme;
        var block = new PdfBlock { Panel = new PdfPanel(theme.Danger, PdfTheme.Tint(theme.Danger)), SpaceAfter = 12, SpaceBefore = 6 };
        block.Lines.Add(new SpaceLine(5));
        context.AppendText(block, "There is a problem", theme.Subsection, theme.Danger, PdfTagGroup.Heading(2), leading: 1.4);
        foreach (var error in form.Errors)
        {
            context.AppendText(block, $"{error.Path}: {PdfRenderContext.OneLine(error.Message)}", theme.Body, theme.Ink);
        }

        foreach (var missing in form.Missing)
        {
            context.AppendText(block, $"{missing}: Answer this question.", theme.Body, theme.Ink);
        }

        block.Lines.Add(new SpaceLine(5));
        context.Add(block);
    }
}
