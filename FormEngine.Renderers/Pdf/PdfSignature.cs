using FormEngine.Renderers.Pdf.Layout;
using FormEngine.Rules;
using FormEngine.Templates;
using FormEngine.Views;
using PdfSharp.Drawing;

namespace FormEngine.Renderers.Pdf;

/// <summary>
/// A signature on paper: the question's label, then a line each for the name, the role, the signature itself and
/// the date, with whatever was recorded on screen written above its line (the signature line always stays empty,
/// to be signed by hand). A blank form has all four lines empty.
/// </summary>
public sealed class SignaturePdfRenderer : ElementRenderer<QuestionView, PdfRenderContext>
{
    /// <inheritdoc/>
    protected override bool Accepts(QuestionView element) => element.Type == QuestionType.Signature;

    /// <inheritdoc/>
    protected override void Write(QuestionView element, PdfRenderContext context)
    {
        var theme = context.Theme;
        var words = context.Words;
        var mode = context.Options.Mode;
        var hidden = !element.Visible && mode == OutputMode.Audit;
        var block = new PdfBlock { SpaceAfter = 11, Panel = hidden ? new PdfPanel(theme.Hairline, null) : null };
        var required = element.Required && !element.Withheld && mode is OutputMode.Blank or OutputMode.Form ? " " + words.Required : string.Empty;
        context.AppendText(block, Prose.OneLine(element.DisplayLabel) + required, theme.Label, hidden ? theme.Muted : theme.Ink, leading: 1.4);
        if (element.Withheld)
        {
            context.AppendWithheld(block, PdfNotes.Placeholder(element, context));
            context.Add(block);
            return;
        }

        if (element.Hint is { } hint)
        {
            context.AppendText(block, Prose.OneLine(hint), theme.Note, theme.Muted);
        }

        if (context.Routing(element) is { } routing)
        {
            context.AppendText(block, routing, theme.Note, mode == OutputMode.Blank ? theme.Info : theme.Muted);
        }

        var given = mode == OutputMode.Blank ? SignatureView.Empty : element.Signature ?? SignatureView.Empty;
        var date = element.Value.Kind == RuleTypeKind.Date ? words.Date(element.Value.AsDate) : given.Date;
        foreach (var (caption, value) in new[] { (words.SignatureName, given.Name), (words.SignatureRole, given.Role), (words.SignatureLine, string.Empty), (words.DateLabel, date) })
        {
            block.Lines.Add(new WritingLine(caption, value, context, theme.Rule));
        }

        foreach (var error in element.Errors)
        {
            context.AppendPrefixedText(block, words.Error + ": ", theme.Label, theme.Danger, Prose.OneLine(error), theme.Body, theme.Danger);
        }

        context.Add(block);
    }

    /// <summary>A caption ("Name"), what was recorded for it, and a line to write on, as one tagged paragraph.</summary>
    private sealed class WritingLine : PdfLine
    {
        private const double CaptionWidth = 82;
        private readonly TextLine _text;
        private readonly XColor _rule;

        public WritingLine(string caption, string value, PdfRenderContext context, XColor rule)
        {
            var theme = context.Theme;
            // A value too long for the line is cut to fit rather than run off the page: a name or role is short.
            var room = context.ContentWidth - CaptionWidth - 4;
            var fitted = Prose.OneLine(value);
            while (fitted.Length > 1 && context.Wrapper.Width(fitted, theme.Body) > room)
            {
                fitted = fitted[..^2] + "…";
            }

            _text = new TextLine(fitted, theme.Body, theme.Ink, PdfTagGroup.Paragraph(), leading: 1.45)
            {
                Prefix = (caption + ": ", theme.Label, theme.Muted, CaptionWidth),
            };
            _rule = rule;
        }

        public override double Height => 26;

        public override PdfTagGroup Tag => _text.Tag;

        public override string Fingerprint => _text.Fingerprint;

        public override void DrawDecoration(XGraphics graphics, double x, double y, double width) =>
            graphics.DrawLine(new XPen(_rule, 0.75), x + CaptionWidth, y + Height - 4, x + width, y + Height - 4);

        public override void DrawText(XGraphics graphics, double x, double y, double width, bool continues) =>
            _text.DrawText(graphics, x, y + Height - 4 - _text.Height, width, false);
    }
}
