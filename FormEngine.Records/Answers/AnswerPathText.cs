using System.Globalization;
using System.Text;

namespace FormEngine.Records.Answers;

/// <summary>One step of an answer's path: a property name, or an item index in a repeat group.</summary>
internal readonly record struct PathStep(string? Name, int Index)
{
    public bool IsIndex => Name is null;
}

/// <summary>
/// Answer paths as FormEngine writes them: names joined by dots, repeat items by index
/// (<c>household.members[0].age</c>); <c>$</c>-prefixed metadata keys are names like any other.
/// </summary>
internal static class AnswerPathText
{
    public static string Child(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    public static string Item(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}[{index}]");

    public static IReadOnlyList<PathStep> Parse(string path)
    {
        var steps = new List<PathStep>();
        var name = new StringBuilder();
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '.')
            {
                Flush(name, steps);
            }
            else if (c == '[')
            {
                Flush(name, steps);
                var close = path.IndexOf(']', i);
                if (close < 0 || !int.TryParse(path.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    throw new FormatException($"`{path}` is not an answer path: an item index must be a number in brackets.");
                }

                steps.Add(new PathStep(null, index));
                i = close;
            }
            else
            {
                name.Append(c);
            }
        }

        Flush(name, steps);
        return steps;
    }

    /// <summary>True when one path is the other or lies inside it (<c>a.b</c> and <c>a.b[2].c</c>).</summary>
    public static bool Overlaps(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return longer.StartsWith(shorter, StringComparison.Ordinal)
            && (longer.Length == shorter.Length || longer[shorter.Length] is '.' or '[');
    }

    private static void Flush(StringBuilder name, List<PathStep> steps)
    {
        if (name.Length > 0)
        {
            steps.Add(new PathStep(name.ToString(), -1));
            name.Clear();
        }
    }
}
