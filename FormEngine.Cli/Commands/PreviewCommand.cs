using System.Globalization;
using FormEngine.Cli.Preview;

namespace FormEngine.Cli.Commands;

/// <summary>
/// <c>formengine preview TEMPLATE [--port N]</c>: serves the template as a live form on 127.0.0.1 until
/// Ctrl+C, for the author writing it. See <see cref="PreviewServer"/>.
/// </summary>
internal static class PreviewCommand
{
    private const int DefaultPort = 5170;

    public static int Run(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var templatePath = arguments.RequirePositional(0, "the template file");
        arguments.ExpectPositionalCount(1);
        if (!File.Exists(templatePath))
        {
            throw new UsageException($"The template `{templatePath}` does not exist.");
        }

        var port = DefaultPort;
        if (arguments.Option("port") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
        {
            throw new UsageException($"--port must be a port number from 0 to 65535, not `{text}`.");
        }

        var today = CommandLine.ReadToday(arguments);
        PreviewServer server;
        try
        {
            server = PreviewServer.StartAsync(templatePath, port, today).GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            // Kestrel reports a port in use as an IOException.
            stderr.WriteLine($"formengine: cannot listen on 127.0.0.1:{port}: {ex.Message} Try another with --port.");
            return CommandLine.IoError;
        }

        SessionLoader.Print(server.Template.Snapshot.Diagnostics, arguments, stderr);
        server.Template.Reloaded += next => stderr.WriteLine(
            next.HasErrors ? $"Reloaded {templatePath}: {next.Diagnostics.Count(d => d.IsError)} error(s), shown in the page."
            : next.Diagnostics.Count(Diagnostics.DiagnosticCatalogue.IsAlwaysShown) is > 0 and var warnings ? $"Reloaded {templatePath}: {warnings} warning(s) to look at, shown in the page."
            : $"Reloaded {templatePath}.");
        stdout.WriteLine($"Previewing {templatePath} at {server.Address}");
        stdout.WriteLine("Open it in a browser. Saving the template (or a file it includes) reloads the page. Press Ctrl+C to stop.");
        // The web host handles Ctrl+C and termination signals itself, by stopping the application.
        server.Stopping.WaitHandle.WaitOne();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return CommandLine.Success;
    }
}
