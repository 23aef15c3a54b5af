namespace FormEngine.Records;

/// <summary>
/// The template a record's answers were made with, as the host's catalogue names it. The store keeps these
/// values with every revision and never reads the template itself.
/// </summary>
/// <param name="Id">The template's id, e.g. <c>single_assessment</c>.</param>
/// <param name="Version">The template's version as the catalogue writes it, e.g. <c>3</c>.</param>
/// <param name="Hash">The published version's content hash, so a revision names exactly the text it was made with.</param>
public sealed record TemplateRef(string Id, string Version, string Hash)
{
    internal void Validate()
    {
        RecordsGuard.NotBlank(Id, "template id");
        RecordsGuard.NotBlank(Version, "template version");
        RecordsGuard.NotBlank(Hash, "template hash");
    }
}
