using System.Text.Json.Nodes;
using FormEngine.Records.Tests.Support;

namespace FormEngine.Records.Tests;

/// <summary>
/// The test assembly doubles as a writer process for the crash test: <c>dotnet FormEngine.Records.Tests.dll
/// writer PROVIDER LOCATION RECORD COUNT [NAME]</c> saves COUNT revisions (to answers named after NAME, if given)
/// and prints <c>committed N VALUE</c> after each save returns, so a test knows exactly what it was told was
/// committed, even if it then kills the process.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["writer", var provider, var location, var recordId, var countText, ..] || args.Length > 6)
        {
            await Console.Error.WriteLineAsync("usage: writer sqlite|postgresql LOCATION RECORD COUNT [NAME]");
            return 2;
        }

        var prefix = args.Length == 6 ? args[5] + "_" : "";

        await using var store = await StoreTarget.OpenByName(provider, location);
        var count = int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            var current = await store.GetCurrentAsync(recordId);
            var answers = current.Answers;
            var value = $"v{i}";
            answers[$"{prefix}step{i % 7}"] = new JsonObject { ["value"] = value, ["n"] = i };
            var result = await store.SaveAsync(new SaveRequest(recordId, current.Revision, answers, "writer"));
            Console.Out.WriteLine(result.Succeeded ? $"committed {result.LatestRevision} {value}" : $"conflict {result.LatestRevision} {value}");
            Console.Out.Flush();
        }

        return 0;
    }
}
