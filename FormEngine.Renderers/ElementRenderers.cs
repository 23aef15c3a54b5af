using System.Collections.ObjectModel;
using FormEngine.Views;

namespace FormEngine.Renderers;

/// <summary>The ordered element renderers of one output format; the first that accepts an element renders it.</summary>
/// <typeparam name="TContext">The output format's context.</typeparam>
public sealed class ElementRenderers<TContext> : Collection<IElementRenderer<TContext>>
{
    /// <summary>Adds a renderer in front of the built-in ones, so it wins for the elements it accepts.</summary>
    /// <param name="renderer">The renderer.</param>
    public void Override(IElementRenderer<TContext> renderer) => Insert(0, renderer);

    /// <summary>Renders an element with the first renderer that accepts it.</summary>
    /// <param name="element">The element.</param>
    /// <param name="context">The rendering under way.</param>
    /// <exception cref="InvalidOperationException">No renderer accepts the element.</exception>
    public void Render(FormElement element, TContext context)
    {
        foreach (var renderer in this)
        {
            if (renderer.Accepts(element, context))
            {
                renderer.Render(element, context);
                return;
            }
        }

        throw new InvalidOperationException($"No renderer accepts the element `{element.Path}` ({element.GetType().Name}).");
    }
}
