namespace FormEngine.Templates;

/// <summary>How a form is split into pages for a reader (<c>pages:</c> in a template).</summary>
public enum PageSplit
{
    /// <summary>The whole form on one page (<c>none</c>, the default).</summary>
    None,

    /// <summary>One section per page (<c>section</c>).</summary>
    Section,

    /// <summary>One question per page (<c>question</c>): the pattern the GOV.UK Design System advises for forms the public fill in.</summary>
    Question,
}
