using System.Reflection;
using System.Text;
using FormEngine.Views;
using Scriban.Runtime;

namespace FormEngine.Renderers.Html;

/// <summary>
/// FormEngine's fixed words (<see cref="Wording"/>, English or Welsh) as templates see them: <c>words</c>,
/// with snake_case names (<c>words.not_answered</c>, <c>words.day</c>).
/// </summary>
internal static class HtmlWording
{
    /// <summary>
    /// <c>words</c> for templates: every text of <see cref="Wording"/> under snake_case names, in a fixed order,
    /// and the chronology's words under <c>words.chronology</c>.
    /// </summary>
    public static ScriptObject Model(Wording words)
    {
        var model = Texts(words);
        model["months"] = words.Months.ToList();
        model["chronology"] = Texts(words.Chronology);
        return model;
    }

    private static ScriptObject Texts(object words)
    {
        var model = new ScriptObject();
        foreach (var property in words.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            model[SnakeCase(property.Name)] = property.GetValue(words);
        }

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
