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
            stdout.Write(session.Explain(path).ToString());
            return CommandLine.Success;
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message.Split(" (Parameter")[0]);
        }
    }
}
