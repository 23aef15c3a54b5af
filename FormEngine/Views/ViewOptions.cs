namespace FormEngine.Views;

/// <summary>Who the view is for and in which language.</summary>
public sealed record ViewOptions
{
    /// <summary>The audience (e.g. <c>practitioner</c>, <c>child</c>, <c>parent</c>); null for the template's first declared audience.</summary>
    public string? Audience { get; init; }

    /// <summary>The language code (e.g. <c>en</c>, <c>cy</c>); null for the template's default language. Missing text falls back to the default language.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// For a template that splits the form into pages for this reader (<c>pages:</c>): the page to show, from 1;
    /// one more than the last page is the check-your-answers page. Null shows the whole form.
    /// </summary>
    public int? Page { get; init; }

    /// <summary>
    /// The record's sign-offs and addenda from the host's records store, shown in records and audits; null when the
    /// host keeps none. Addenda that changed anything withheld from the reader are left out.
    /// </summary>
    public RecordStatus? Status { get; init; }
}
