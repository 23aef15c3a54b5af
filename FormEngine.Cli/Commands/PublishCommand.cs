using System.Globalization;
using FormEngine.Versions;

namespace FormEngine.Cli.Commands;

/// <summary>
/// <c>formengine publish TEMPLATE --catalogue DIR [--date YYYY-MM-DD]</c>: copies the template and every file it
/// includes into the catalogue as an immutable version with its manifest. Exit 0 when published (or already
/// published with the same files), 1 when refused, 3 when the catalogue could not be written.
/// </summary>
internal static class PublishCommand
{
    public static int Run(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var templatePath = arguments.RequirePositional(0, "the template file, e.g. `formengine publish assessment.yaml --catalogue catalogue`");
        arguments.ExpectPositionalCount(1);
        var folder = arguments.RequireOption("catalogue", "catalogue");
        var published = ReadDate(arguments);
        if (!Directory.Exists(folder))
        {
            // Never created on the fly: a mistyped folder would quietly start a second catalogue with no history to check against.
            throw new OutputException($"The catalogue folder `{folder}` does not exist. Create it first (`mkdir {folder}`) when starting a new catalogue.");
        }

        var result = new TemplateCatalogue(folder).Publish(templatePath, published);
        SessionLoader.Print(result.Diagnostics, arguments, stderr);
        switch (result.Outcome)
        {
            case PublishOutcome.Published:
                stdout.WriteLine($"Published version {result.Version} of `{result.Id}` to {result.Folder}.");
                return CommandLine.Success;
            case PublishOutcome.AlreadyPublished:
                stdout.WriteLine($"Version {result.Version} of `{result.Id}` is already published with the same files; nothing changed.");
                return CommandLine.Success;
            case PublishOutcome.NotWritten:
                return CommandLine.IoError;
            default:
                stderr.WriteLine($"{templatePath}: not published.");
                return CommandLine.InvalidInput;
        }
    }

    private static DateOnly ReadDate(Arguments arguments)
    {
        if (arguments.Option("date") is not { } text)
        {
            // The command line is the host: it decides that the publication date is today's, in UTC, the same on every server.
            return DateOnly.FromDateTime(DateTime.UtcNow);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--date must be a date written YYYY-MM-DD, not `{text}`.");
    }
}
