namespace FormEngine.Fuzz;

/// <summary>Runs saved inputs once each, outside afl-fuzz, and prints what each one throws.</summary>
internal static class Replay
{
    public static int Run(IFuzzTarget target, IEnumerable<string> files)
    {
        GiveInstrumentationAMap();
        target.Prepare();
        var failures = 0;
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
                failures++;
                Console.WriteLine($"{file}: {ex.GetType().FullName}: {ex.Message}");
                Console.WriteLine(ex.StackTrace);
            }
        }

        return failures == 0 ? 0 : 1;
    }

    // fuzz.sh instruments the FormEngine assemblies in place. Instrumented code records every branch in
    // afl's shared coverage map, which does not exist outside afl-fuzz; give it a private one instead.
    private static unsafe void GiveInstrumentationAMap()
    {
        if (SharpFuzz.Common.Trace.SharedMem == null)
        {
            SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(MapSize);
        }
    }

    // The size of afl's coverage map, which instrumented code indexes into.
    private const int MapSize = 1 << 16;
}
