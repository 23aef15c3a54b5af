using FormEngine.Views;

namespace FormEngine.Renderers;

/// <summary>
/// Renders one kind of element (a section, a date question, a repeat group...) for one output format.
/// A renderer asks its elements in order and uses the first that accepts, so a host overrides how one
/// kind of element renders by inserting its own at the front, without copying the rest.
/// </summary>
/// <typeparam name="TContext">The output format's context (its writer, options and the whole form).</typeparam>
public interface IElementRenderer<in TContext>
{
    /// <summary>True when this renderer handles <paramref name="element"/>.</summary>
    /// <param name="element">The element.</param>
    /// <param name="context">The rendering under way.</param>
    /// <returns>Whether to use this renderer.</returns>
    bool Accepts(FormElement element, TContext context);

    /// <summary>Writes the element.</summary>
    /// <param name="element">The element.</param>
    /// <param name="context">The rendering under way.</param>
    void Render(FormElement element, TContext context);
}

/// <summary>A typed base for element renderers: accepts elements of type <typeparamref name="TElement"/> that pass <see cref="Accepts(TElement)"/>.</summary>
/// <typeparam name="TElement">The element type handled.</typeparam>
/// <typeparam name="TContext">The output format's context.</typeparam>
public abstract class ElementRenderer<TElement, TContext> : IElementRenderer<TContext>
    where TElement : FormElement
{
    /// <inheritdoc/>
    public bool Accepts(FormElement element, TContext context) => element is TElement typed && Accepts(typed);

    /// <inheritdoc/>
    public void Render(FormElement element, TContext context) => Write((TElement)element, context);

    /// <summary>Narrows which elements of the type are handled (default: all).</summary>
    /// <param name="element">The element.</param>
    /// <returns>Whether to handle it.</returns>
    protected virtual bool Accepts(TElement element) => true;

    /// <summary>Writes the element.</summary>
    /// <param name="element">The element.</param>
    /// <param name="context">The rendering under way.</param>
    protected abstract void Write(TElement element, TContext context);
}
