namespace FormEngine.Fuzz;

/// <summary>Runs saved inputs once each, outside afl-fuzz, and prints what each one throws.</summary>
internal static class Replay
{
    public static int Run(IFuzzTarget target, IEnumerable<string> files)
    {
        Coverage.UsePrivateMap();
        target.Prepare();
        // afl-fuzz saves one input per new path to a crash, so many inputs usually share one bug.
        var bugs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var input = Input.Decode(File.ReadAllBytes(file));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                target.Run(input);
                Console.WriteLine($"{file}: no exception ({clock.ElapsedMilliseconds} ms)");
            }
            catch (Exception ex)
            {
                Console.WriteLine($"{file}: {ex.GetType().FullName}: {ex.Message}");
                Console.WriteLine(ex.StackTrace);
                var signature = $"{ex.GetType().FullName} {ThrowingFrame(ex)}";
                if (!bugs.TryGetValue(signature, out var inputs))
                {
                    bugs[signature] = inputs = [];
                }

                inputs.Add(file);
            }
        }

        if (bugs.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"{bugs.Count} distinct failure(s):");
            foreach (var (signature, inputs) in bugs)
            {
                Console.WriteLine($"  {signature}: {inputs.Count} input(s), e.g. {inputs[0]}");
            }
        }

        return bugs.Count == 0 ? 0 : 1;
    }

    // The innermost FormEngine frame: where FormEngine let the exception through.
    private static string ThrowingFrame(Exception ex) =>
        new System.Diagnostics.StackTrace(ex).GetFrames()
            .Select(f => f.GetMethod())
            .Where(m => m?.DeclaringType?.FullName is { } type && type.StartsWith("FormEngine.", StringComparison.Ordinal) && !type.StartsWith("FormEngine.Fuzz.", StringComparison.Ordinal))
            .Select(m => $"in {m!.DeclaringType!.FullName}.{m.Name}")
            .FirstOrDefault() ?? "outside FormEngine";
}
