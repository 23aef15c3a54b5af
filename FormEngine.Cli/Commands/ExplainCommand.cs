using FormEngine.Views;

namespace FormEngine.Cli.Commands;

/// <summary><c>formengine explain TEMPLATE PATH</c>: why a path is shown or hidden, required or not.</summary>
internal static class ExplainCommand
{
    public static int Run(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var templatePath = arguments.RequirePositional(0, "the template file");
        var path = arguments.RequirePositional(1, "the path to explain, e.g. `disability.types` or `household.members[0].school`");
        arguments.ExpectPositionalCount(2);
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
