using System.Globalization;
using System.Text;
using FormEngine.Benchmarks.Benchmarks;
using FormEngine.Benchmarks.Workloads;

namespace FormEngine.Benchmarks.Harness;

/// <summary>
/// The performance targets FormEngine sets itself, checked against a run's results and printed as a
/// table. They are shown, never asserted: a benchmark machine's noise must not fail a build.
/// </summary>
public static class Targets
{
    private static readonly string[] Peers = ["NCalc", "DynamicExpresso", "Jint"];

    public static string Report(Results r)
    {
        var rows = new List<(string Target, string Measured, bool? Met)>();

        foreach (var rule in RuleCases.All.Select(c => c.Name))
        {
            // Both tiers must beat the interpreters by 5x and allocate nothing; the IL tier must also come
            // within 2x of DynamicExpresso's typed delegate (compiled IL against compiled IL).
            foreach (var (method, tier) in new[] { ("FormEngine", "closures"), ("FormEngineIL", "IL") })
            {
                var ours = r.Find(Results.Key("RuleEvaluationBenchmarks", method, rule));
                if (ours is null)
                {
                    continue;
                }

                foreach (var peer in Peers)
                {
                    if (r.Find(Results.Key("RuleEvaluationBenchmarks", peer, rule)) is not { } theirs)
                    {
                        continue;
                    }

                    var ratio = theirs.MedianNs / ours.MedianNs;
                    if (peer is "NCalc" or "Jint")
                    {
                        rows.Add(($"evaluate `{rule}` ({tier}): ≥5x than {peer}", $"{Time(ours.MedianNs)} vs {Time(theirs.MedianNs)} ({Ratio(ratio)})", ratio >= 5));
                    }
                    else if (tier == "IL")
                    {
                        // Under half a nanosecond is below the cost of a call: the JIT has folded the peer's work away.
                        var relative = theirs.MedianNs < 0.5 ? "no call left to time" : $"{Ratio(ours.MedianNs / theirs.MedianNs)} its time";
                        rows.Add(($"evaluate `{rule}` ({tier}): within 2x of {peer}", $"{Time(ours.MedianNs)} vs {Time(theirs.MedianNs)} ({relative})", ours.MedianNs <= 2 * theirs.MedianNs));
                    }
                }

                rows.Add(($"evaluate `{rule}` ({tier}): allocates nothing", Bytes(ours.AllocatedBytes), ours.AllocatedBytes is null ? null : ours.AllocatedBytes == 0));
            }
        }

        foreach (var rule in RuleCases.All.Select(c => c.Name))
        {
            var ours = r.Find(Results.Key("RuleCompileBenchmarks", "FormEngine", rule));
            if (ours is null)
            {
                continue;
            }

            var peerTimes = Peers.Select(p => (Peer: p, M: r.Find(Results.Key("RuleCompileBenchmarks", p, rule)))).Where(p => p.M is not null).ToList();
            var fastest = peerTimes.MinBy(p => p.M!.MedianNs);
            if (fastest.M is not null)
            {
                var ratio = fastest.M.MedianNs / ours.MedianNs;
                rows.Add(($"parse+compile `{rule}`: faster than every peer", $"{Time(ours.MedianNs)} vs {fastest.Peer} {Time(fastest.M.MedianNs)} ({Ratio(ratio)})", ratio > 1));
            }
        }

        if (r.Find("IncrementalBenchmarks.RecalculateAll") is { } full)
        {
            foreach (var change in new[] { "SetOneAnswer", "SetScreeningAnswer" })
            {
                if (r.Find($"IncrementalBenchmarks.{change}") is { } one)
                {
                    rows.Add(($"2,000 questions, {change}: < 20 µs", Time(one.MedianNs), one.MedianNs < 20_000));
                    rows.Add(($"2,000 questions, {change}: ≥ 50x faster than RecalculateAll", $"{Time(one.MedianNs)} vs {Time(full.MedianNs)} ({Ratio(full.MedianNs / one.MedianNs)})", full.MedianNs / one.MedianNs >= 50));
                }
            }
        }

        if (r.Find("TemplateLoadBenchmarks.LoadFromText") is { } load)
        {
            rows.Add(("load the 2,000-question template: < 30 ms", Time(load.MedianNs), load.MedianNs < 30e6));
        }

        if (r.Find("CatalogueBenchmarks.OneVersion") is { } oneVersion && r.Find("CatalogueBenchmarks.TenVersions") is { } tenVersions)
        {
            var ratio = tenVersions.MedianNs / oneVersion.MedianNs;
            rows.Add(($"catalogue of {CatalogueBenchmarks.Versions} versions + first session of each: < 3x one version", $"{Time(tenVersions.MedianNs)} vs {Time(oneVersion.MedianNs)} ({Ratio(ratio)})", ratio < 3));
            if (r.Find("CatalogueBenchmarks.TenVersionsUnshared") is { } unshared)
            {
                rows.Add(($"the same {CatalogueBenchmarks.Versions} versions with no rule shared", $"{Time(unshared.MedianNs)} ({Ratio(unshared.MedianNs / oneVersion.MedianNs)} one version)", null));
            }
        }

        var html = r.Find("RenderBenchmarks.Html");
        var pdf = r.Find("RenderBenchmarks.Pdf") ?? r.Find("PdfPeerBenchmarks.FormEnginePdf");
        if (html is not null)
        {
            rows.Add(("HTML of the 300-question record: < 5 ms", Time(html.MedianNs), html.MedianNs < 5e6));
        }

        if (pdf is not null)
        {
            rows.Add(("PDF of the 300-question record: < 150 ms", Time(pdf.MedianNs), pdf.MedianNs < 150e6));
            var ourPdf = r.Find("PdfPeerBenchmarks.FormEnginePdf") ?? pdf;
            if (r.Find("PdfPeerBenchmarks.ChromiumWarm") is { } warm)
            {
                rows.Add(("PDF: ≥ 3x faster than warm Chromium", $"{Time(ourPdf.MedianNs)} vs {Time(warm.MedianNs)} ({Ratio(warm.MedianNs / ourPdf.MedianNs)})", warm.MedianNs / ourPdf.MedianNs >= 3));
            }

            if (r.Find("PdfPeerBenchmarks.ChromiumCold") is { } cold)
            {
                rows.Add(("PDF: ≥ 20x faster than cold Chromium", $"{Time(ourPdf.MedianNs)} vs {Time(cold.MedianNs)} ({Ratio(cold.MedianNs / ourPdf.MedianNs)})", cold.MedianNs / ourPdf.MedianNs >= 20));
            }

            if (r.Memory.TryGetValue("Chromium.BrowserPssBytes", out var pss) && pss > 0 && ourPdf.AllocatedBytes is { } allocated)
            {
                rows.Add(("PDF memory: under a tenth of warm Chromium's", $"{Bytes(allocated)} allocated per PDF vs browser PSS {Bytes((long)pss)} ({allocated / pss:P1})", allocated <= pss / 10));
            }
        }

        if (r.Memory.TryGetValue("Session.BytesPerQuestionBeyondAnswers", out var perQuestion))
        {
            rows.Add(("session: < 200 bytes per question beyond its answers", $"{perQuestion:F0} bytes ({Bytes((long)r.Memory["Session.RetainedBytes"])} per session, answers {Bytes((long)r.Memory["Session.AnswersBytes"])}; shared template {Bytes((long)r.Memory["Template.RetainedBytes"])})", perQuestion < 200));
        }

        if (r.Find("ConcurrencyBenchmarks.OneThread") is { } oneThread && r.Find("ConcurrencyBenchmarks.AllCores") is { } allCores)
        {
            rows.Add(($"sessions opened and changed per second, {Environment.ProcessorCount} cores (shared template)",
                $"{1e9 / allCores.MedianNs:F0}/s on all cores, {1e9 / oneThread.MedianNs:F0}/s on one ({Ratio(oneThread.MedianNs / allCores.MedianNs)} speed-up)", null));
        }

        var text = new StringBuilder();
        text.AppendLine("| Target | Measured | Met |").AppendLine("|---|---|---|");
        foreach (var (target, measured, met) in rows)
        {
            text.Append("| ").Append(target).Append(" | ").Append(measured).Append(" | ").Append(met switch { true => "yes", false => "**MISSED**", null => "—" }).AppendLine(" |");
        }

        return text.ToString();
    }

    public static string Time(double ns) => ns switch
    {
        < 1e3 => $"{ns.ToString("F1", CultureInfo.InvariantCulture)} ns",
        < 1e6 => $"{(ns / 1e3).ToString("F2", CultureInfo.InvariantCulture)} µs",
        < 1e9 => $"{(ns / 1e6).ToString("F2", CultureInfo.InvariantCulture)} ms",
        _ => $"{(ns / 1e9).ToString("F2", CultureInfo.InvariantCulture)} s",
    };

    public static string Ratio(double ratio) => $"{ratio.ToString(ratio >= 10 ? "F0" : "F1", CultureInfo.InvariantCulture)}x";

    public static string Bytes(long? bytes) => bytes switch
    {
        null => "n/a",
        < 10_000 => $"{bytes} B",
        < 10_000_000 => $"{(bytes.Value / 1024.0).ToString("F1", CultureInfo.InvariantCulture)} KiB",
        _ => $"{(bytes.Value / 1048576.0).ToString("F1", CultureInfo.InvariantCulture)} MiB",
    };
}
