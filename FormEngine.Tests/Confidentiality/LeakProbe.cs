using System.Text;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Views;
using UglyToad.PdfPig;

namespace FormEngine.Tests.Confidentiality;

/// <summary>
/// Everything a reader can be given from a session, as text to search for secrets: every format, mode and
/// theme (a PDF's words, metadata and raw bytes), the answer export, and the explanation of every path.
/// </summary>
internal static class LeakProbe
{
    public static readonly string[] Formats = ["text", "pdf", "html"];

    /// <summary>Every (format, mode, theme) a reader may be given.</summary>
    public static IEnumerable<(string Format, OutputMode Mode, string Theme)> Outputs()
    {
        foreach (var mode in Enum.GetValues<OutputMode>())
        {
            yield return ("text", mode, "plain");
            yield return ("pdf", mode, "plain");
            yield return ("html", mode, "plain");
            yield return ("html", mode, "govuk");
        }
    }

    /// <summary>One rendering as searchable text, with its raw bytes.</summary>
    public static string Render(FormSession session, ViewOptions options, string format, OutputMode mode, string theme, out byte[] bytes)
    {
        var view = FormViewBuilder.Build(session, options);
        using var stream = new MemoryStream();
        FormRenderers.CreateDefault().Find(format)!.Render(view, new RenderOptions { Mode = mode, Theme = theme, CaseReference = "REF-1" }, stream);
        bytes = stream.ToArray();
        if (format != "pdf")
        {
            return Encoding.UTF8.GetString(bytes);
        }

        using var pdf = PdfDocument.Open(bytes);
        var text = new StringBuilder();
        text.Append(pdf.Information.Title).Append('\n').Append(pdf.Information.Subject).Append('\n').Append(pdf.Information.Keywords).Append('\n');
        foreach (var page in pdf.GetPages())
        {
            text.Append(string.Join(" ", page.GetWords().Select(w => w.Text))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The export and the explanation of every path the reader's view has, as one text.</summary>
    public static string ExportAndExplanations(FormSession session, ViewOptions options)
    {
        var text = new StringBuilder(AnswerExport.ForAudience(session, options).ToJsonString()).Append('\n');
        foreach (var element in FormViewBuilder.Build(session, options).AllElements())
        {
            text.Append(FormViewBuilder.Explain(session, element.Path, options)).Append('\n');
        }

        return text.ToString();
    }

    public static string Squash(string text) => string.Join(' ', text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>True when the bytes hold the text in UTF-8 or in the UTF-16 a PDF's strings may use.</summary>
    public static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0
        || haystack.AsSpan().IndexOf(Encoding.BigEndianUnicode.GetBytes(needle)) >= 0;
}
