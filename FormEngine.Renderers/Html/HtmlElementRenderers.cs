using FormEngine.Templates;
using FormEngine.Views;

namespace FormEngine.Renderers.Html;

/// <summary>
/// An element renderer that renders a Scriban template with the element's model (see
/// <see cref="HtmlRenderContext.RenderTemplate(string, FormElement)"/>). Subclasses pick the template.
/// </summary>
/// <typeparam name="TElement">The element type handled.</typeparam>
public abstract class TemplateHtmlRenderer<TElement> : ElementRenderer<TElement, HtmlRenderContext>
    where TElement : FormElement
{
    /// <summary>The template's file name for an element, e.g. <c>question-date.sbn</c>.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The file name.</returns>
    protected abstract string TemplateName(TElement element);

    /// <inheritdoc/>
    protected override void Write(TElement element, HtmlRenderContext context) =>
        context.RenderTemplate(TemplateName(element), element);
}

/// <summary>A section: <c>section.sbn</c>.</summary>
public sealed class SectionHtmlRenderer : TemplateHtmlRenderer<SectionView>
{
    /// <inheritdoc/>
    protected override string TemplateName(SectionView element) => "section.sbn";
}

/// <summary>A repeat group: <c>repeat.sbn</c>.</summary>
public sealed class RepeatHtmlRenderer : TemplateHtmlRenderer<QuestionView>
{
    /// <inheritdoc/>
    protected override bool Accepts(QuestionView element) => element.Type == QuestionType.Repeat;

    /// <inheritdoc/>
    protected override string TemplateName(QuestionView element) => "repeat.sbn";
}

/// <summary>Guidance text: <c>note.sbn</c>.</summary>
public sealed class NoteHtmlRenderer : TemplateHtmlRenderer<QuestionView>
{
    /// <inheritdoc/>
    protected override bool Accepts(QuestionView element) => element.Type == QuestionType.Note;

    /// <inheritdoc/>
    protected override string TemplateName(QuestionView element) => "note.sbn";
}

/// <summary>
/// Any other question: <c>question-TYPE.sbn</c>, where TYPE is <c>text</c>, <c>textarea</c>, <c>number</c>,
/// <c>date</c>, <c>boolean</c>, <c>choice</c>, <c>multichoice</c> or <c>calculated</c>.
/// </summary>
public sealed class QuestionHtmlRenderer : TemplateHtmlRenderer<QuestionView>
{
    /// <inheritdoc/>
    protected override string TemplateName(QuestionView element) => $"question-{LowerCaseNames<QuestionType>.Of(element.Type)}.sbn";
}
