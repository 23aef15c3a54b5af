using FormEngine.Diagnostics;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>
/// Reads <c>pages:</c>: how the form is split into pages, either for everyone (<c>pages: question</c>) or per
/// audience (<c>pages: { parent: question, practitioner: none }</c>, where an audience not named gets one page).
/// </summary>
internal sealed class PagesReader(Declarations declarations, DiagnosticBag diagnostics)
{
    private static readonly (string Name, PageSplit Split)[] Splits = [("none", PageSplit.None), ("section", PageSplit.Section), ("question", PageSplit.Question)];

    public (PageSplit Default, Dictionary<string, PageSplit> ByAudience) Read(MapReader top)
    {
        var byAudience = new Dictionary<string, PageSplit>(StringComparer.Ordinal);
        switch (top.Node("pages"))
        {
            case null or YamlScalar { IsNull: true }:
                return (PageSplit.None, byAudience);
            case YamlScalar scalar:
                return (Split(scalar), byAudience);
            case YamlMap map:
                foreach (var (audience, value) in map.Entries)
                {
                    if (value is not YamlScalar split)
                    {
                        diagnostics.Report(DiagnosticCatalogue.WrongShape, value.Location, $"`pages:` for `{audience.Value}` must be one of {Names}.");
                        continue;
                    }

                    if (declarations.IsDeclaredAudience(audience))
                    {
                        byAudience[audience.Value] = Split(split);
                    }
                }

                return (PageSplit.None, byAudience);
            case var other:
                diagnostics.Report(DiagnosticCatalogue.WrongShape, other.Location, $"`pages:` is one of {Names}, or one of them per audience.", "For example `pages: question`, or `pages: { parent: question, practitioner: none }`.");
                return (PageSplit.None, byAudience);
        }
    }

    private static string Names => string.Join(", ", Splits.Select(s => $"`{s.Name}`"));

    private PageSplit Split(YamlScalar scalar)
    {
        foreach (var (name, split) in Splits)
        {
            if (scalar.Value == name)
            {
                return split;
            }
        }

        diagnostics.Report(DiagnosticCatalogue.InvalidValue, scalar.Location, $"`{scalar.Value}` is not a way to split a form into pages; use {Names}.", NameSuggester.DidYouMean(scalar.Value, Splits.Select(s => s.Name)));
        return PageSplit.None;
    }
}
