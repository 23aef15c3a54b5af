using System.Text.Json.Nodes;
using FormEngine.Records.Tests.Support;

namespace FormEngine.Records.Tests;

/// <summary>
/// The test assembly doubles as a writer process for the crash test: <c>dotnet FormEngine.Records.Tests.dll
/// writer PROVIDER LOCATION RECORD COUNT</c> saves COUNT revisions and prints <c>committed N VALUE</c> after
/// each save returns, so the test knows exactly what it was told was committed before it kills the process.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["writer", var provider, var location, var recordId, var countText])
        {
            await Console.Error.WriteLineAsync("usage: writer sqlite|postgresql LOCATION RECORD COUNT");
            return 2;
        }

        await using var store = await StoreTarget.OpenByName(provider, location);
        var count = int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            var current = await store.GetCurrentAsync(recordId);
            var answers = current.Answers;
            var value = $"v{i}";
            answers[$"step{i % 7}"] = new JsonObject { ["value"] = value, ["n"] = i };
            var result = await store.SaveAsync(new SaveRequest(recordId, current.Revision, answers, "writer"));
            Console.Out.WriteLine($"committed {result.LatestRevision} {value}");
            Console.Out.Flush();
        }

        return 0;
    }
}
