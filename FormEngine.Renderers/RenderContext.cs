using FormEngine.Views;

namespace FormEngine.Renderers;

/// <summary>
/// What every output's rendering has in common: the form, its words, the options, the element renderers, the
/// heading level, and rendering an element only where the mode includes it. Each output's context adds how it
/// writes (text to a writer, blocks for pages, markup from templates).
/// </summary>
/// <typeparam name="TContext">The output's own context.</typeparam>
public abstract class RenderContext<TContext>
    where TContext : RenderContext<TContext>
{
    /// <summary>Creates the context.</summary>
    /// <param name="form">The form.</param>
    /// <param name="options">The options.</param>
    /// <param name="elements">The element renderers.</param>
    protected RenderContext(FormView form, RenderOptions options, ElementRenderers<TContext> elements)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(elements);
        Form = form;
        Options = options;
        Elements = elements;
    }

    /// <summary>The whole form.</summary>
    public FormView Form { get; }

    /// <summary>FormEngine's own words (headings, placeholders, dates, "Page n of m") in the form's language.</summary>
    public Wording Words => Form.Words;

    /// <summary>The options.</summary>
    public RenderOptions Options { get; }

    /// <summary>The element renderers, to render children with.</summary>
    public ElementRenderers<TContext> Elements { get; }

    /// <summary>Heading level for the next heading (sections are 2; repeat groups and their items below).</summary>
    public int HeadingLevel { get; set; } = 2;

    /// <summary>The routing sentence to print under <paramref name="element"/> in this mode, or null (see <see cref="ModeRules.Routing"/>).</summary>
    /// <param name="element">The element.</param>
    /// <returns>The sentence, or null.</returns>
    public string? Routing(FormElement element) => ModeRules.Routing(element, Options.Mode, Words);

    /// <summary>Renders an element if the mode includes it (see <see cref="ModeRules.Includes"/>).</summary>
    /// <param name="element">The element.</param>
    public void Render(FormElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (Includes(element))
        {
            RenderIncluded(element);
        }
    }

    /// <summary>True when this output includes <paramref name="element"/> in its mode.</summary>
    /// <param name="element">The element.</param>
    /// <returns>Whether to render it.</returns>
    protected virtual bool Includes(FormElement element) => ModeRules.Includes(element, Options.Mode);

    /// <summary>Renders an element the mode includes with the first element renderer that accepts it.</summary>
    /// <param name="element">The element.</param>
    protected virtual void RenderIncluded(FormElement element) => Elements.Render(element, (TContext)this);
}
