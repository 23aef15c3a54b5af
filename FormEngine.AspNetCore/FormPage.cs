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
}
