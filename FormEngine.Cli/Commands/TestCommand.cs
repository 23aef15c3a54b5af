using System.Text;
using FormEngine.Renderers;
using FormEngine.Scenarios;

namespace FormEngine.Cli.Commands;

/// <summary>
/// <c>formengine test PATH</c>: runs template scenarios (a <c>*.scenarios.yaml</c> file, or every one
/// under a folder), prints each failure with its position and the trace of the rule that disagreed, and
/// the rule coverage. Exit 0 when all pass, 1 when any fails.
/// </summary>
internal static class TestCommand
{
    public static int Run(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var path = arguments.RequirePositional(0, "a scenario file or a folder of them, e.g. `formengine test examples`");
        arguments.ExpectPositionalCount(1);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            stderr.WriteLine($"{path}: error: no such file or folder.");
            return CommandLine.InvalidInput;
        }

        var renderers = FormRenderers.CreateDefault();
        var report = ScenarioRunner.Run(path, new ScenarioOptions
        {
            UpdateApproved = arguments.Flag("update-approved"),
            RenderForApproval = (view, extension) =>
            {
                // Approved files are compared as text, so only text formats can be approved.
                var renderer = renderers.Find(extension.Equals(".html", StringComparison.OrdinalIgnoreCase) ? "html" : "text")!;
                using var buffer = new MemoryStream();
                renderer.Render(view, new RenderOptions { Mode = OutputMode.Record }, buffer);
                return Encoding.UTF8.GetString(buffer.ToArray());
            },
        });

        stdout.Write(report.ToString());
        return report.Passed ? CommandLine.Success : CommandLine.InvalidInput;
    }
}
