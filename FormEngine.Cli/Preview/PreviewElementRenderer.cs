using System.Net;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Cli.Preview;

/// <summary>
/// Wraps how the HTML renderer writes each question of a form with what the preview adds: a container the
/// page can point <c>aria-controls</c> at, and a "Why is this shown?" link. The question's own markup
/// (repeat groups' add and remove buttons included) is the built-in renderers', unchanged, so what the
/// author previews is what a host's form posts and <see cref="HtmlFormBinder"/> reads.
/// </summary>
internal sealed class PreviewElementRenderer(IReadOnlyList<IElementRenderer<HtmlRenderContext>> builtIn) : IElementRenderer<HtmlRenderContext>
{
    /// <summary>The id of the container around a question, for <c>aria-controls</c>.</summary>
    public static string ContainerId(string path) => "q-" + HtmlText.FieldId(path);

    public bool Accepts(FormElement element, HtmlRenderContext context) =>
        context.Options.Mode == OutputMode.Form && element is QuestionView;

    public void Render(FormElement element, HtmlRenderContext context)
    {
        var question = (QuestionView)element;
        var writer = context.Writer;
        var path = WebUtility.HtmlEncode(question.Path);
        writer.Write($"<div class=\"fe-preview-question\" id=\"{ContainerId(question.Path)}\">\n");
        builtIn.First(r => r.Accepts(element, context)).Render(element, context);
        var linkLabel = WebUtility.HtmlEncode(question.Label.Length > 0 ? question.Label : question.Path);
        writer.Write($"<p class=\"fe-preview-why\"><a class=\"fe-why\" href=\"/?explain={WebUtility.UrlEncode(question.Path)}#explain\" data-path=\"{path}\">Why is this shown?<span class=\"fe-preview-hidden\"> (“{linkLabel}”)</span></a></p>\n");
        writer.Write("</div>\n");
    }
}
