using FormEngine.Views;

namespace FormEngine.Cli.Commands;

/// <summary>
/// <c>formengine explain TEMPLATE PATH</c> (or <c>explain --catalogue DIR --answers A PATH</c>, with the published
/// version the answers name): why a path is shown or hidden, required or not.
/// </summary>
internal static class ExplainCommand
{
    public static int Run(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        // With a catalogue the answers name the version that reads them, so only the path is positional.
        var fromCatalogue = arguments.Option("catalogue") is not null;
        var templatePath = fromCatalogue ? null : arguments.RequirePositional(0, "the template file (or `--catalogue DIR` to use the version the answers name)");
        var path = arguments.RequirePositional(fromCatalogue ? 0 : 1, "the path to explain, e.g. `disability.types` or `household.members[0].school`");
        arguments.ExpectPositionalCount(fromCatalogue ? 1 : 2);
        var session = SessionLoader.Open(templatePath, arguments, stderr);
        if (session is null)
        {
            return CommandLine.InvalidInput;
        }

        try
        {
            // With --audience, what that reader may be told; without, the whole account for the template's author.
            var explanation = arguments.Option("audience") is { } audience
                ? FormViewBuilder.Explain(session, path, new ViewOptions { Audience = audience, Language = arguments.Option("lang") })
                : session.Explain(path);
            stdout.Write(explanation.ToString());
            return CommandLine.Success;
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message.Split(" (Parameter")[0]);
        }
    }
}
