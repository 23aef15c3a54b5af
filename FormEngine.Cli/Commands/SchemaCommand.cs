using System.Text.Encodings.Web;
using System.Text.Json;
using FormEngine.Evaluation;

namespace FormEngine.Cli.Commands;

/// <summary><c>formengine schema TEMPLATE</c>: prints the JSON Schema of the template's answers.</summary>
internal static class SchemaCommand
{
    public static int Run(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var path = arguments.RequirePositional(0, "the template file");
        arguments.ExpectPositionalCount(1);
        if (SessionLoader.LoadTemplate(path, arguments, stderr) is not { } template)
        {
            return CommandLine.InvalidInput;
        }

        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        stdout.Write(AnswersSchema.Generate(template).ToJsonString(options) + Environment.NewLine);
        return CommandLine.Success;
    }
}
