using System.Net;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Templates;
using FormEngine.Views;

namespace FormEngine.Cli.Preview;

/// <summary>
/// Wraps how the HTML renderer writes each question of a form with what the preview adds: a container the
/// page can point <c>aria-controls</c> at, a hidden field saying the question was on the page (so an unticked
/// checkbox clears its answer, see <see cref="FormAnswers"/>), a "Why is this shown?" link, and buttons to
/// add and remove repeat items. The question's own markup is the built-in renderers', unchanged.
/// </summary>
internal sealed class PreviewElementRenderer(IReadOnlyList<IElementRenderer<HtmlRenderContext>> builtIn) : IElementRenderer<HtmlRenderContext>
{
    /// <summary>The id of the container around a question, for <c>aria-controls</c>.</summary>
    public static string ContainerId(string path) => "q-" + HtmlText.FieldId(path);

    public bool Accepts(FormElement element, HtmlRenderContext context) =>
        context.Options.Mode == RenderMode.Form && element is QuestionView;

    public void Render(FormElement element, HtmlRenderContext context)
    {
        var question = (QuestionView)element;
        var writer = context.Writer;
        var path = WebUtility.HtmlEncode(question.Path);
        writer.Write($"<div class=\"fe-preview-question\" id=\"{ContainerId(question.Path)}\">\n");
        if (question.TakesAnswer && !question.Withheld)
        {
            writer.Write($"<input type=\"hidden\" name=\"{FormAnswers.ShownField}\" value=\"{path}\" />\n");
        }

        builtIn.First(r => r.Accepts(element, context)).Render(element, context);
        if (question.Type == QuestionType.Repeat && !question.Withheld)
        {
            var label = WebUtility.HtmlEncode(question.Label);
            writer.Write("<div class=\"fe-preview-repeat-actions\">\n");
            writer.Write($"<button type=\"submit\" class=\"fe-preview-button\" name=\"{FormAnswers.AddItemField}\" value=\"{path}\">Add an item to “{label}”</button>\n");
            foreach (var item in question.Items)
            {
                var itemPath = WebUtility.HtmlEncode($"{question.Path}[{item.Index}]");
                writer.Write($"<button type=\"submit\" class=\"fe-preview-button fe-preview-button--secondary\" name=\"{FormAnswers.RemoveItemField}\" value=\"{itemPath}\">Remove item {item.Index + 1} of “{label}”</button>\n");
            }

            writer.Write("</div>\n");
        }

        var linkLabel = WebUtility.HtmlEncode(question.Label.Length > 0 ? question.Label : question.Path);
        writer.Write($"<p class=\"fe-preview-why\"><a class=\"fe-why\" href=\"/?explain={WebUtility.UrlEncode(question.Path)}#explain\" data-path=\"{path}\">Why is this shown?<span class=\"fe-preview-hidden\"> (“{linkLabel}”)</span></a></p>\n");
        writer.Write("</div>\n");
    }
}
