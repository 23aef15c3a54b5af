namespace FormEngine.Cli;

/// <summary>Positional arguments and <c>--name value</c> options of one command.</summary>
internal sealed class Arguments
{
    private static readonly string[] KnownOptions = ["answers", "today", "previous", "format", "out", "mode", "theme", "case-reference", "marking", "document-language", "templates", "audience", "lang", "second-lang", "layout", "port", "form", "page", "warnings", "stylesheet", "script", "nonce", "catalogue", "date", "to", "answers-dir"];
    private static readonly string[] KnownFlags = ["update-approved", "json"];
    private static readonly string[] RepeatableOptions = ["answers", "stylesheet", "script"];
    private readonly Dictionary<string, List<string>> _repeated = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    public static bool TryParse(string[] args, out Arguments arguments, out string problem)
    {
        arguments = new Arguments();
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                arguments._positional.Add(arg);
                continue;
            }

            var name = arg[2..];
            string? value = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (KnownFlags.Contains(name) && value is null)
            {
                arguments._flags.Add(name);
                continue;
            }

            if (!KnownOptions.Contains(name))
            {
                problem = $"Unknown option `--{name}`.";
                return false;
            }

            if (value is null)
            {
                if (i + 1 >= args.Length)
                {
                    problem = $"`--{name}` needs a value.";
                    return false;
                }

                value = args[++i];
            }

            if (RepeatableOptions.Contains(name))
            {
                if (!arguments._repeated.TryGetValue(name, out var values))
                {
                    values = [];
                    arguments._repeated[name] = values;
                }

                values.Add(value);
            }

            if (!arguments._options.TryAdd(name, value) && !RepeatableOptions.Contains(name))
            {
                problem = $"`--{name}` is given twice.";
                return false;
            }
        }

        return true;
    }

    public IReadOnlyList<string> Positional => _positional;

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>Every value of an option that may be given more than once.</summary>
    public IReadOnlyList<string> Options(string name) => _repeated.TryGetValue(name, out var values) ? values : [];

    /// <summary><c>--page N</c>: a page of a form split into pages, a whole number from 1; null when not given.</summary>
    public int? Page()
    {
        if (Option("page") is not { } text)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= 1
            ? page
            : throw new UsageException($"`--page {text}`: give a page number from 1, e.g. `--page 2`; one more than the last page is the check-your-answers page.");
    }

    public string RequireOption(string name, string example) =>
        Option(name) ?? throw new UsageException($"`--{name}` is required, e.g. `--{name} {example}`.");

    public string RequirePositional(int index, string what)
    {
        if (index < _positional.Count)
        {
            return _positional[index];
        }

        throw new UsageException($"Missing {what}.");
    }

    public void ExpectPositionalCount(int count)
    {
        if (_positional.Count > count)
        {
            throw new UsageException($"Unexpected argument `{_positional[count]}`.");
        }
    }
}
