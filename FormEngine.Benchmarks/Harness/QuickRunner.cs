using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace FormEngine.Benchmarks.Harness;

/// <summary>
/// The short mode: runs the same benchmark classes and methods as BenchmarkDotNet, in this process, with a
/// small time budget per case, and reports the median of short timed batches. Good enough to see the
/// comparisons and catch a regression by an order of magnitude; use the full mode for published numbers.
/// </summary>
public static class QuickRunner
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Batch = TimeSpan.FromMilliseconds(10);

    /// <summary>True while the short mode runs, for workloads that size themselves down for it.</summary>
    public static bool Running { get; private set; }

    public static void Run(IEnumerable<Type> types, Results results)
    {
        Running = true;
        foreach (var type in types)
        {
            var param = type.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<ParamsSourceAttribute>() is not null);
            var values = param is null
                ? [null]
                : ((IEnumerable<string>)type.GetProperty(param.GetCustomAttribute<ParamsSourceAttribute>()!.Name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).ToArray<string?>();
            foreach (var value in values)
            {
                var instance = Activator.CreateInstance(type)!;
                param?.SetValue(instance, value);
                Invoke<GlobalSetupAttribute>(instance);
                try
                {
                    foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
                    {
                        var operations = method.GetCustomAttribute<BenchmarkAttribute>()!.OperationsPerInvoke;
                        var measurement = Measure(Invoker(instance, method), operations);
                        var key = Results.Key(type.Name, method.Name, value);
                        results.Add(key, measurement);
                        Console.WriteLine($"  {key,-60} {Targets.Time(measurement.MedianNs),12} {Targets.Bytes(measurement.AllocatedBytes),12}");
                    }
                }
                finally
                {
                    Invoke<GlobalCleanupAttribute>(instance);
                }
            }
        }
    }

    private static Action Invoker(object instance, MethodInfo method)
    {
        if (typeof(Task).IsAssignableFrom(method.ReturnType))
        {
            return () => ((Task)method.Invoke(instance, null)!).GetAwaiter().GetResult();
        }

        // A compiled delegate, so reflection's cost is not measured.
        var call = System.Linq.Expressions.Expression.Call(System.Linq.Expressions.Expression.Constant(instance), method);
        return System.Linq.Expressions.Expression.Lambda<Action>(call).Compile();
    }

    private static Measurement Measure(Action action, int operationsPerCall)
    {
        // Warm up (JIT, caches) and find how many calls make one batch.
        var clock = Stopwatch.StartNew();
        action();
        var first = clock.Elapsed;
        var perBatch = first >= Batch ? 1 : (int)Math.Clamp(Batch.Ticks / Math.Max(1, first.Ticks), 1, 1_000_000);
        clock.Restart();
        var warm = 0;
        while (clock.Elapsed < Budget / 5 && warm < perBatch * 3)
        {
            action();
            warm++;
        }

        if (warm > 0)
        {
            perBatch = (int)Math.Clamp(Batch.Ticks * warm / Math.Max(1, clock.Elapsed.Ticks), 1, 1_000_000);
        }

        var samples = new List<double>();
        clock.Restart();
        while (samples.Count < 3 || (clock.Elapsed < Budget && samples.Count < 200))
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < perBatch; i++)
            {
                action();
            }

            samples.Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / perBatch / operationsPerCall);
        }

        samples.Sort();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < perBatch; i++)
        {
            action();
        }

        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / perBatch / operationsPerCall;
        return new Measurement(samples[samples.Count / 2], allocated);
    }

    private static void Invoke<TAttribute>(object instance)
        where TAttribute : Attribute
    {
        foreach (var method in instance.GetType().GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }
}
