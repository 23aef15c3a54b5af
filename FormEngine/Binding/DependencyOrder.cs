using FormEngine.Diagnostics;
using FormEngine.Rules;

namespace FormEngine.Binding;

/// <summary>
/// Builds the dependency graph of a template's value computations (a node's visibility and, for a
/// calculated question, its value), orders it so that everything is computed after what it reads,
/// and reports loops as the chain of questions that forms them (<c>a -> b -> a</c>).
/// Required and validation checks and flags are read by nothing, so they can never be part of a loop;
/// they are recorded as dependents only.
/// </summary>
internal static class DependencyOrder
{
    public static IReadOnlyList<NodePlan> Build(IReadOnlyList<NodePlan> plans, IReadOnlyList<FlagPlan> flags, DiagnosticBag diagnostics)
    {
        var bySymbol = plans.Where(p => p.Symbol is not null).ToDictionary(p => p.Symbol!.Id);
        var dependencies = plans.Select(p => ValueDependencies(p, bySymbol).ToArray()).ToArray();

        var valueDependents = plans.Select(_ => new SortedSet<int>()).ToArray();
        var checkDependents = plans.Select(_ => new SortedSet<int>()).ToArray();
        var flagDependents = plans.Select(_ => new SortedSet<int>()).ToArray();

        foreach (var plan in plans)
        {
            foreach (var dependency in dependencies[plan.Index])
            {
                valueDependents[dependency.Index].Add(plan.Index);
            }

            foreach (var read in CheckReads(plan, bySymbol))
            {
                checkDependents[read.Index].Add(plan.Index);
            }

            // A section or repeat group's own checks look at its children's answers.
            if (plan.Parent is { } parent)
            {
                checkDependents[plan.Index].Add(parent.Index);
            }
        }

        foreach (var flag in flags)
        {
            foreach (var read in Reads(flag.When, bySymbol))
            {
                flagDependents[read.Index].Add(flag.Index);
            }
        }

        var order = TopologicalOrder(plans, dependencies, valueDependents, diagnostics);
        for (var i = 0; i < order.Count; i++)
        {
            order[i].Order = i;
        }

        foreach (var plan in plans)
        {
            plan.ValueDependents = [.. valueDependents[plan.Index]];
            plan.CheckDependents = [.. checkDependents[plan.Index]];
            plan.FlagDependents = [.. flagDependents[plan.Index]];
        }

        return order;
    }

    private static IEnumerable<NodePlan> ValueDependencies(NodePlan plan, Dictionary<int, NodePlan> bySymbol)
    {
        var seen = new HashSet<int>();
        if (plan.Parent is { } parent && seen.Add(parent.Index))
        {
            yield return parent;
        }

        foreach (var read in Reads(plan.ShowIf, bySymbol).Concat(Reads(plan.Value, bySymbol)))
        {
            if (seen.Add(read.Index))
            {
                yield return read;
            }
        }
    }

    private static IEnumerable<NodePlan> CheckReads(NodePlan plan, Dictionary<int, NodePlan> bySymbol) =>
        Reads(plan.RequiredWhen, bySymbol).Concat(plan.Validations.SelectMany(v => Reads(v.Rule, bySymbol)));

    private static IEnumerable<NodePlan> Reads(CompiledRule? rule, Dictionary<int, NodePlan> bySymbol) =>
        rule is null ? [] : rule.References.Select(s => bySymbol.GetValueOrDefault(s.Id)).OfType<NodePlan>();

    /// <summary>Kahn's algorithm (iterative, so a long chain of rules cannot exhaust the stack).</summary>
    private static List<NodePlan> TopologicalOrder(IReadOnlyList<NodePlan> plans, NodePlan[][] dependencies, SortedSet<int>[] dependents, DiagnosticBag diagnostics)
    {
        var waiting = dependencies.Select(d => d.Length).ToArray();
        var ready = new PriorityQueue<NodePlan, int>();
        foreach (var plan in plans.Where(p => waiting[p.Index] == 0))
        {
            ready.Enqueue(plan, plan.Index);
        }

        var order = new List<NodePlan>(plans.Count);
        while (ready.TryDequeue(out var plan, out _))
        {
            order.Add(plan);
            foreach (var dependent in dependents[plan.Index])
            {
                if (--waiting[dependent] == 0)
                {
                    ready.Enqueue(plans[dependent], dependent);
                }
            }
        }

        if (order.Count < plans.Count)
        {
            var stuck = plans.Where(p => waiting[p.Index] > 0).ToList();
            ReportCycles(stuck, dependencies, waiting, diagnostics);
            order.AddRange(stuck);
        }

        return order;
    }

    /// <summary>
    /// Every node left over by Kahn's algorithm still waits on another left-over node, so following
    /// those links from any of them must come back round: that walk is the loop to show the author.
    /// </summary>
    private static void ReportCycles(List<NodePlan> stuck, NodePlan[][] dependencies, int[] waiting, DiagnosticBag diagnostics)
    {
        var reported = new HashSet<int>();
        foreach (var start in stuck)
        {
            var path = new List<NodePlan>();
            var position = new Dictionary<int, int>();
            var current = start;
            while (!position.ContainsKey(current.Index))
            {
                position[current.Index] = path.Count;
                path.Add(current);
                current = dependencies[current.Index].First(d => waiting[d.Index] > 0);
            }

            var cycle = path.Skip(position[current.Index]).ToList();
            if (cycle.Any(n => reported.Contains(n.Index)))
            {
                continue;
            }

            foreach (var node in cycle)
            {
                reported.Add(node.Index);
            }

            var first = cycle.OrderBy(n => n.Index).First();
            var rotated = cycle.SkipWhile(n => n != first).Concat(cycle.TakeWhile(n => n != first)).ToList();
            var chain = string.Join(" -> ", rotated.Append(first).Select(n => n.Path));
            var rule = first.Node.ShowIf ?? (first.Node as Templates.Question)?.Value;
            var at = rule?.Location ?? first.Node.Location;
            diagnostics.Report(DiagnosticCatalogue.DependencyCycle, at, $"These rules depend on each other in a loop: {chain}.", "Change one of the rules so that it does not read the question it decides.");
        }
    }
}
