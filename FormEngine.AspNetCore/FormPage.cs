namespace FormEngine.AspNetCore;

/// <summary>What a result knows about the page beyond the session: where it posts, what it prints, whether to show errors.</summary>
public sealed record FormPage
{
    /// <summary>Where the form posts (form pages); default: the same address.</summary>
    public string Action { get; init; } = string.Empty;

    /// <summary>The case reference printed on the page, or null.</summary>
    public string? CaseReference { get; init; }

    /// <summary>A protective marking such as <c>OFFICIAL-SENSITIVE</c>, or null.</summary>
    public string? ProtectiveMarking { get; init; }

    /// <summary>Whether a form shows its errors (default false: a form opens clean; show them once it has been submitted).</summary>
    public bool ShowErrors { get; init; }

    /// <summary>The file name a PDF or text record is downloaded as, without extension; null to show it in the browser.</summary>
    public string? DownloadName { get; init; }

    /// <summary>
    /// Fields of the host's own that the form carries back when it is posted (such as the revision the form was
    /// opened at, so a stale save can be told apart); their names must not be answer paths. Give the same page to
    /// <see cref="FormPosts.BindAsync(Microsoft.AspNetCore.Http.HttpContext, FormEngine.Evaluation.FormSession, FormPage?)"/>
    /// so they are not counted as names the page did not have.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> HiddenFields { get; init; } = [];

    /// <summary>The page shown (1 for the first) when the template splits the reader's form into pages; null for the whole form or the template's first page.</summary>
    public int? Page { get; init; }

    /// <summary>
    /// The record's sign-offs and addenda from the host's records store (<c>store.GetRecordStatusAsync</c> in
    /// FormEngine.Records), which records say; null when the host keeps none.
    /// </summary>
    public FormEngine.Views.RecordStatus? Status { get; init; }
}
