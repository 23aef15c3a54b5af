using System.Reflection;
using System.Text;
using FormEngine.Views;
using Scriban.Runtime;

namespace FormEngine.Renderers.Html;

/// <summary>
/// The few fixed words only HTML pages need that <see cref="Wording"/> does not hold (the date boxes of a
/// form, the header's labels, flag severities, language names), in English and Welsh. Everything else
/// comes from <see cref="FormView.Words"/>. Templates see both together as <c>words</c>.
/// </summary>
internal sealed class HtmlWording
{
    private static readonly HtmlWording English = new()
    {
        LanguageName = "English",
        Document = "Document",
        Date = "Date",
        Day = "Day",
        Month = "Month",
        Year = "Year",
        NumberRangeFormat = "A number from {0} to {1}.",
        NumberMinFormat = "A number of at least {0}.",
        NumberMaxFormat = "A number no more than {0}.",
        YouEnteredFormat = "You entered: {0}",
        CarriedTag = "Carried forward",
        CheckCarried = "Check this answer is still right.",
        NotWorkedOut = "Not worked out yet",
        NoQuestionsApply = "No questions apply.",
    };

    private static readonly HtmlWording Welsh = new()
    {
        LanguageName = "Cymraeg",
        Document = "Dogfen",
        Date = "Dyddiad",
        Day = "Diwrnod",
        Month = "Mis",
        Year = "Blwyddyn",
        NumberRangeFormat = "Rhif o {0} i {1}.",
        NumberMinFormat = "Rhif o {0} o leiaf.",
        NumberMaxFormat = "Rhif heb fod yn fwy na {0}.",
        YouEnteredFormat = "Rydych wedi rhoi: {0}",
        CarriedTag = "Wedi'i gario ymlaen",
        CheckCarried = "Gwiriwch fod yr ateb hwn yn dal yn gywir.",
        NotWorkedOut = "Heb ei gyfrifo eto",
        NoQuestionsApply = "Does dim cwestiynau'n berthnasol.",
    };

    private HtmlWording()
    {
    }

    public required string LanguageName { get; init; }

    public required string Document { get; init; }

    public required string Date { get; init; }

    public required string Day { get; init; }

    public required string Month { get; init; }

    public required string Year { get; init; }

    public required string NumberRangeFormat { get; init; }

    public required string NumberMinFormat { get; init; }

    public required string NumberMaxFormat { get; init; }

    public required string YouEnteredFormat { get; init; }

    public required string CarriedTag { get; init; }

    public required string CheckCarried { get; init; }

    public required string NotWorkedOut { get; init; }

    public required string NoQuestionsApply { get; init; }

    /// <summary>The HTML words for the language of <paramref name="words"/> (English for any language but Welsh).</summary>
    public static HtmlWording For(Wording words) => words.Language == "cy" ? Welsh : English;

    /// <summary>
    /// <c>words</c> for templates: every text of <see cref="Wording"/> and of these HTML words, under
    /// snake_case names (<c>words.not_answered</c>, <c>words.day</c>), in a fixed order.
    /// </summary>
    public static ScriptObject Model(Wording words)
    {
        var model = new ScriptObject();
        foreach (var (source, properties) in new (object, PropertyInfo[])[] { (words, typeof(Wording).GetProperties()), (For(words), typeof(HtmlWording).GetProperties()) })
        {
            foreach (var property in properties.Where(p => p.PropertyType == typeof(string)).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                model[SnakeCase(property.Name)] = property.GetValue(source);
            }
        }

        model["months"] = words.Months.ToList();
        return model;
    }

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
