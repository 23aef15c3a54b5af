namespace FormEngine.Renderers.Html;

/// <summary>
/// An enum value's name in lower case (<c>record</c>, <c>multichoice</c>), as templates see modes and question
/// types: worked out once per value rather than once per element.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class LowerCaseNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names = Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, Name);

    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : Name(value);

    private static string Name(TEnum value) => value.ToString().ToLowerInvariant();
}
