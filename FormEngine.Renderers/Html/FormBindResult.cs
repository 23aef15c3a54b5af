namespace FormEngine.Renderers.Html;

/// <summary>What <see cref="HtmlFormBinder.Bind"/> did with a posted form.</summary>
public sealed record FormBindResult
{
    /// <summary>
    /// The paths whose answers changed, in page order, then the item removed (<c>household.members[1]</c>) or
    /// the group an item was added to (<c>household.members</c>).
    /// </summary>
    public required IReadOnlyList<string> Changed { get; init; }

    /// <summary>Fields that could not be read as their question's kind of answer, each on its question's path.</summary>
    public required IReadOnlyList<FieldProblem> Problems { get; init; }

    /// <summary>
    /// Posted names that were not fields of the page, in the order posted: a question hidden, withheld from
    /// the reader or not in the template, or a name FormEngine's forms never write. Nothing was done with them.
    /// </summary>
    public required IReadOnlyList<string> Ignored { get; init; }
}

/// <summary>A posted field that could not be read as its question's kind of answer.</summary>
/// <param name="Code">
/// <c>FEA0002</c> when what was entered is not a number or a date (it is kept as typed, so the reader can
/// correct it); <c>FEA0004</c> when a choice that the page does not offer was posted, or a field that takes
/// one value was sent more than once (the answer is left as it was).
/// </param>
/// <param name="Path">The question's path, e.g. <c>child.dob</c>.</param>
/// <param name="Message">What is wrong, e.g. "Enter a real date, not `30/2/2026`."</param>
/// <param name="Entered">What was entered, as posted (a GOV.UK date as <c>day/month/year</c>).</param>
public sealed record FieldProblem(string Code, string Path, string Message, string Entered);
