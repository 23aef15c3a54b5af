using System.Diagnostics;
using FormEngine.Benchmarks.Workloads;
using FormEngine.Evaluation;
using Microsoft.Playwright;

namespace FormEngine.Benchmarks.Harness;

/// <summary>
/// Memory figures that a timed benchmark cannot give: what a session keeps per question beyond its
/// answers, what the shared template keeps, and how much memory a warm Chromium holds while printing.
/// </summary>
public static class MemoryProbe
{
    private const int Sessions = 20;

    public static void MeasureSessions(Results results)
    {
        var generated = GeneratedTemplate.Large;
        var options = new FormSessionOptions { Today = RuleCases.Today };

        var before = Retained();
        var template = generated.Load();
        var templateBytes = Retained() - before;

        // Warm up: the first session pays for JIT and static caches, not for itself.
        FormSession.Open(template, generated.Answers, options);

        before = Retained();
        var answers = new object[Sessions];
        for (var i = 0; i < Sessions; i++)
        {
            answers[i] = generated.Answers.DeepClone();
        }

        var answersBytes = (Retained() - before) / Sessions;

        before = Retained();
        var sessions = new FormSession[Sessions];
        for (var i = 0; i < Sessions; i++)
        {
            sessions[i] = FormSession.Open(template, generated.Answers, options);
        }

        var sessionBytes = (Retained() - before) / Sessions;

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var extra = FormSession.Open(template, generated.Answers, options);
        var allocatedPerOpen = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var questions = template.QuestionCount;
        results.Memory["Template.RetainedBytes"] = templateBytes;
        results.Memory["Session.RetainedBytes"] = sessionBytes;
        results.Memory["Session.AnswersBytes"] = answersBytes;
        results.Memory["Session.BytesPerQuestionBeyondAnswers"] = (double)(sessionBytes - answersBytes) / questions;
        results.Memory["Session.AllocatedPerOpen"] = allocatedPerOpen;
        results.Memory["Session.Questions"] = questions;
        GC.KeepAlive(answers);
        GC.KeepAlive(sessions);
        GC.KeepAlive(extra);
        GC.KeepAlive(template);
    }

    /// <summary>The proportional set size of every Chromium process this process started, with a warm browser after one print.</summary>
    public static void MeasureChromium(Results results)
    {
        if (!Chromium.IsAvailable)
        {
            return;
        }

        var html = new RecordFixture().RenderHtmlText();
        using var playwright = Playwright.CreateAsync().GetAwaiter().GetResult();
        var browser = playwright.Chromium.LaunchAsync(Chromium.LaunchOptions).GetAwaiter().GetResult();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                Chromium.PrintAsync(browser, html).GetAwaiter().GetResult();
            }

            results.Memory["Chromium.BrowserPssBytes"] = ChildChromiumPss();
        }
        finally
        {
            browser.CloseAsync().GetAwaiter().GetResult();
        }
    }

    private static long Retained()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Sums the PSS of this process's descendants whose command line names Chromium (Linux only; 0 elsewhere).</summary>
    private static long ChildChromiumPss()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && TryRead(Path.Combine(dir, "stat")) is { } stat)
            {
                // Fields after the command name, which is in brackets and may contain spaces.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var self = Environment.ProcessId;
        long total = 0;
        foreach (var (pid, _) in parents)
        {
            if (!DescendsFrom(pid, self, parents) || TryRead($"/proc/{pid}/cmdline") is not { } cmdline || !cmdline.Contains("chrom", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rollup = TryRead($"/proc/{pid}/smaps_rollup");
            var line = rollup?.Split('\n').FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            if (line is not null)
            {
                total += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return total;
    }

    private static bool DescendsFrom(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (var p = pid; p > 1 && parents.TryGetValue(p, out var parent); p = parent)
        {
            if (parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>This process's resident memory, for comparison with the browser's.</summary>
    public static long SelfWorkingSet() => Process.GetCurrentProcess().WorkingSet64;
}
