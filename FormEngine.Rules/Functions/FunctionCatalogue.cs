namespace FormEngine.Rules.Functions;

/// <summary>Every built-in function, keyed by lower-case name. Each family's file defines its functions.</summary>
internal static class FunctionCatalogue
{
    // The order is the order "Did you mean ...?" prefers among equally near names.
    private static readonly FunctionDefinition[] Definitions =
    [
        .. AggregateFunctions.Definitions,
        .. DateFunctions.Definitions,
        .. TextFunctions.Definitions,
        .. ConditionalFunctions.Definitions,
        .. NumberFunctions.Definitions,
    ];

    private static readonly Dictionary<string, FunctionDefinition> ByName =
        Definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public static IReadOnlyList<FunctionDefinition> All => Definitions;

    public static FunctionDefinition? Find(string lowerCaseName) => ByName.GetValueOrDefault(lowerCaseName);
}
