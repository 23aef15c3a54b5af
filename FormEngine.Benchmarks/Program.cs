using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using FormEngine.Benchmarks.Benchmarks;
using FormEngine.Benchmarks.Harness;
using FormEngine.Benchmarks.Workloads;

namespace FormEngine.Benchmarks;

/// <summary>
/// FormEngine's benchmarks (see docs/benchmarks.md).
///   dotnet run -c Release --project FormEngine.Benchmarks                 every comparison, BenchmarkDotNet
///   dotnet run -c Release --project FormEngine.Benchmarks -- --quick      the same comparisons in about a minute
///   add --no-browser to skip the Chromium comparison; other arguments (e.g. --filter *Rule*) go to BenchmarkDotNet.
/// </summary>
public static class Program
{
    private static readonly Type[] AllBenchmarks =
    [
        typeof(RuleEvaluationBenchmarks),
        typeof(RuleCompileBenchmarks),
        typeof(IncrementalBenchmarks),
        typeof(TemplateLoadBenchmarks),
        typeof(CatalogueBenchmarks),
        typeof(RenderBenchmarks),
        typeof(PdfPeerBenchmarks),
        typeof(ConcurrencyBenchmarks),
        typeof(RecordStoreBenchmarks),
    ];

    public static int Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var useBrowser = !args.Contains("--no-browser") && Environment.GetEnvironmentVariable("FORMENGINE_BENCH_NO_BROWSER") is null;
        args = [.. args.Where(a => a is not "--quick" and not "--no-browser")];
        if (useBrowser && !Chromium.IsAvailable)
        {
            Console.WriteLine(Chromium.MissingMessage);
            useBrowser = false;
        }

        var types = AllBenchmarks.Where(t => useBrowser || !IsChromium(t)).ToArray();
        var results = new Results();
        var started = DateTime.UtcNow;
        if (quick)
        {
            Console.WriteLine("Quick mode: short in-process timings of the same benchmarks (use the full mode for published numbers).");
            QuickRunner.Run(types, results);
        }
        else
        {
            RunBenchmarkDotNet(args, useBrowser, results);
        }

        Console.WriteLine("Measuring session and browser memory...");
        MemoryProbe.MeasureSessions(results);
        if (useBrowser)
        {
            MemoryProbe.MeasureChromium(results);
        }

        var report = Targets.Report(results);
        Console.WriteLine();
        Console.WriteLine($"FormEngine targets ({(quick ? "quick mode" : "BenchmarkDotNet")}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(DateTime.UtcNow - started).TotalSeconds:F0} s):");
        Console.WriteLine(report);
        var folder = ArtifactsFolder();
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, quick ? "targets-quick.md" : "targets.md"), report);
        return 0;
    }

    private static void RunBenchmarkDotNet(string[] args, bool useBrowser, Results results)
    {
        // Fewer iterations than BenchmarkDotNet's default keeps the whole run near ten minutes on two
        // cores; medians of ten iterations are stable enough for the comparisons made here.
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithId("FormEngine"))
            .AddColumn(StatisticColumn.Median)
            .WithArtifactsPath(ArtifactsFolder())
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        if (!useBrowser)
        {
            config = config.AddFilter(new SimpleFilter(b => !b.Descriptor.Categories.Contains(Categories.Chromium)));
        }

        var switcherArgs = args.Any(a => a.StartsWith("--filter", StringComparison.Ordinal)) ? args : [.. args, "--filter", "*"];
        foreach (var summary in BenchmarkSwitcher.FromTypes(AllBenchmarks).Run(switcherArgs, config))
        {
            foreach (var report in summary.Reports)
            {
                if (report.ResultStatistics is not { } statistics)
                {
                    continue;
                }

                var benchmark = report.BenchmarkCase;
                var parameter = benchmark.Parameters.Count > 0 ? benchmark.Parameters[0].Value?.ToString() : null;
                var key = Results.Key(benchmark.Descriptor.Type.Name, benchmark.Descriptor.WorkloadMethod.Name, parameter);
                results.Add(key, new Measurement(statistics.Median, report.GcStats.GetBytesAllocatedPerOperation(benchmark)));
            }
        }
    }

    private static bool IsChromium(Type type) =>
        type.GetCustomAttributes<BenchmarkDotNet.Attributes.BenchmarkCategoryAttribute>().Any(a => a.Categories.Contains(Categories.Chromium));

    /// <summary>artifacts/benchmarks beside FormEngine.sln (ignored by git), or under the current folder.</summary>
    internal static string ArtifactsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FormEngine.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "benchmarks");
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "benchmarks");
    }
}
