using System.Text;
using FormEngine.Fuzz;
using FormEngine.Fuzz.Targets;
using SharpFuzz;

// Each target takes one kind of hostile input. Under afl-fuzz the input arrives on stdin and an exception
// that escapes the target is a finding; FormEngine's own diagnostics are the expected answer to bad input.
IFuzzTarget[] targets = [new TemplateTarget(), new RuleTarget(), new AnswersTarget()];

return args switch
{
    [var name] when Find(name) is { } target => Fuzz(target),
    ["replay", var name, .. var files] when Find(name) is { } target && files.Length > 0 => Replay.Run(target, files),
    ["seeds", var name, var repoRoot, var outDir] when Find(name) is { } target => Corpus.WriteSeeds(target, repoRoot, outDir),
    ["dictionary", var name, var repoRoot, var outFile] when Find(name) is { } target => Corpus.WriteDictionary(target, repoRoot, outFile),
    _ => Usage(),
};

IFuzzTarget? Find(string name) => targets.FirstOrDefault(t => t.Name == name);

static int Fuzz(IFuzzTarget target)
{
    // Out of process: a hang or a stack overflow kills only the child, which SharpFuzz restarts, so afl
    // records the input instead of losing the whole run. Only the child has afl's coverage map, so it is
    // the child that prepares, on its first input.
    var prepared = false;
    Fuzzer.OutOfProcess.Run(stream =>
    {
        if (!prepared)
        {
            target.Prepare();
            Coverage.Forget();
            prepared = true;
        }

        target.Run(Input.Decode(stream));
    });
    return 0;
}

int Usage()
{
    var names = string.Join("|", targets.Select(t => t.Name));
    Console.Error.WriteLine($"""
        Usage:
          FormEngine.Fuzz {names}
              Run one target under afl-fuzz (the input is read from stdin).
          FormEngine.Fuzz replay {names} FILE...
              Run the target once on each file; print every exception; exit 1 if any.
          FormEngine.Fuzz seeds {names} REPO_ROOT OUT_DIR
              Write the seed corpus for the target from the repository's examples and test cases.
          FormEngine.Fuzz dictionary {names} REPO_ROOT OUT_FILE
              Write an afl-fuzz dictionary of the target's keywords.
        """);
    return 2;
}

namespace FormEngine.Fuzz
{
    /// <summary>How every entry point turns afl's bytes into text, so a replay sees exactly what the fuzzer ran.</summary>
    internal static class Input
    {
        public static string Decode(Stream stream)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return Decode(buffer.ToArray());
        }

        public static string Decode(byte[] bytes) => new UTF8Encoding(false, false).GetString(bytes);
    }

    /// <summary>afl's coverage map as the instrumented FormEngine assemblies see it.</summary>
    internal static unsafe class Coverage
    {
        // The size of afl's map, which instrumented code indexes into.
        private const int MapSize = 1 << 16;

        /// <summary>Drops what preparing a target covered, so it is not credited to the first input a child runs.</summary>
        public static void Forget()
        {
            if (SharpFuzz.Common.Trace.SharedMem != null)
            {
                new Span<byte>(SharpFuzz.Common.Trace.SharedMem, MapSize).Clear();
            }

            SharpFuzz.Common.Trace.PrevLocation = 0;
        }

        /// <summary>
        /// fuzz.sh instruments the FormEngine assemblies in place, and instrumented code records every branch
        /// in afl's shared map, which does not exist outside afl-fuzz; a replay gets a private map instead.
        /// </summary>
        public static void UsePrivateMap()
        {
            if (SharpFuzz.Common.Trace.SharedMem == null)
            {
                SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(MapSize);
            }
        }
    }
}
