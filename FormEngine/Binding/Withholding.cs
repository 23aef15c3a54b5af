using FormEngine.Diagnostics;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Binding;

/// <summary>How much of a node one reader may not learn, weakest first.</summary>
internal enum WithholdingKind
{
    /// <summary>Nothing: the reader sees the node as it is.</summary>
    None,

    /// <summary>A section's own required and validate rules read withheld information: its messages are not shown.</summary>
    Checks,

    /// <summary>The answer (or value, requiredness, messages, item count) is withheld: a placeholder stands in for it.</summary>
    Answer,

    /// <summary>Whether the node is shown depends on withheld information: it is not shown at all, as if hidden.</summary>
    Presence,

    /// <summary>The node is not for this reader's audience (<c>audiences:</c>): it is left out entirely.</summary>
    Excluded,
}

/// <summary>Why a node is withheld from one reader.</summary>
/// <param name="Kind">How much is withheld.</param>
/// <param name="Level">The sensitivity level behind it, naming the placeholder; null when it comes from <c>audiences:</c>.</param>
/// <param name="Role">For a node withheld because of what it reads: the rule that reads it (<c>show_if</c>, <c>required</c>, <c>value</c>, <c>validate</c>), or null when the node is marked itself.</param>
/// <param name="Reader">The node whose rule that is: the node itself, or a section or group around it.</param>
/// <param name="Source">The withheld node that rule reads, or null.</param>
/// <param name="At">Where that rule is written, or null.</param>
internal sealed record WithheldBecause(WithholdingKind Kind, SensitivityLevel? Level, string? Role = null, NodePlan? Reader = null, NodePlan? Source = null, SourceLocation? At = null);

/// <summary>
/// What one audience may not learn from a template, worked out once when the template is compiled and read by
/// every output, export, explanation and count. A node is withheld when it is marked (a sensitivity level
/// that does not include the audience, or <c>audiences:</c> that leave it out), or when anything about it
/// (value, visibility, requiredness, validity, messages, a repeat group's item count) depends, through any
/// chain of rules, on something withheld. A flag whose rule reads something withheld is not raised for the
/// reader. Deciding this from the dependency graph rather than from the answers means what a reader sees
/// can never vary with an answer they may not see.
/// </summary>
internal sealed class AudienceWithholding
{
    private readonly IReadOnlyList<NodePlan> _plans;
    private readonly WithheldBecause?[] _nodes;
    private readonly bool[] _marked;
    private readonly bool[] _flags;

    private AudienceWithholding(string? audience, IReadOnlyList<NodePlan> plans, WithheldBecause?[] nodes, bool[] marked, bool[] flags)
    {
        Audience = audience;
        _plans = plans;
        _nodes = nodes;
        _marked = marked;
        _flags = flags;
    }

    /// <summary>The audience this is for; null for a template that declares none.</summary>
    public string? Audience { get; }

    public WithholdingKind KindOf(NodePlan plan) => _nodes[plan.Index]?.Kind ?? WithholdingKind.None;

    public WithheldBecause? Reason(NodePlan plan) => _nodes[plan.Index];

    /// <summary>True when the flag is never raised for this reader: its <c>audiences:</c> leave them out, or its rule reads something withheld.</summary>
    public bool IsFlagWithheld(FlagPlan flag) => _flags[flag.Index];

    /// <summary>True when a rule reads something withheld from this reader, so its result or trace would reveal it.</summary>
    public bool ReadsWithheld(CompiledRule? rule) => rule is not null && FirstTainted(rule, _nodes, _plans) is not null;

    /// <summary>
    /// Nodes withheld from this reader only because one of their own rules reads something withheld: nothing
    /// marks them, so an author may not expect it.
    /// </summary>
    public IEnumerable<(NodePlan Plan, WithheldBecause Reason)> Unmarked() =>
        _plans.Where(p => _nodes[p.Index] is { } reason && reason.Reader == p && !_marked[p.Index]).Select(p => (p, _nodes[p.Index]!));

    /// <summary>Flags meant for this reader but never raised for them, with the withheld node their rule reads.</summary>
    public IEnumerable<(FlagPlan Flag, NodePlan Source)> WithheldFlags(IReadOnlyList<FlagPlan> flags) =>
        flags.Where(f => _flags[f.Index] && (Audience is null || f.Flag.Audiences?.Contains(Audience) != false) && f.When is not null)
            .Select(f => (f, FirstTainted(f.When!, _nodes, _plans)!))
            .Where(f => f.Item2 is not null);

    /// <summary>
    /// What each declared audience may not learn (one for nobody in particular when none is declared), so every
    /// reader's withholding is settled before any session exists. Who reads what is worked out once for all.
    /// </summary>
    public static IReadOnlyList<AudienceWithholding> ForEveryAudience(BoundTemplate bound)
    {
        var readers = Readers(bound.Plans);
        var audiences = bound.Definition.Audiences;
        return audiences.Count == 0
            ? [Compute(bound, null, readers)]
            : [.. audiences.Select(audience => Compute(bound, audience, readers))];
    }

    /// <summary>Works out what <paramref name="audience"/> may not learn from a bound template.</summary>
    private static AudienceWithholding Compute(BoundTemplate bound, string? audience, List<(NodePlan Reader, string Role, SourceLocation? At)>[] readers)
    {
        var plans = bound.Plans;
        var nodes = new WithheldBecause?[plans.Count];
        var levels = bound.Definition.SensitivityLevels.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var tainted = new Queue<NodePlan>();

        // Marked nodes first. Plans are in template order, so a parent is settled before its children.
        foreach (var plan in plans)
        {
            if (audience is not null && (plan.Parent is { } parent && nodes[parent.Index]?.Kind == WithholdingKind.Excluded || plan.Node.Audiences is { } audiences && !audiences.Contains(audience)))
            {
                nodes[plan.Index] = new WithheldBecause(WithholdingKind.Excluded, null);
            }
            else if (LevelWithholding(plan, levels, audience) is { } level)
            {
                nodes[plan.Index] = new WithheldBecause(WithholdingKind.Answer, level);
            }

            if (nodes[plan.Index] is not null)
            {
                tainted.Enqueue(plan);
            }
        }

        var marked = Array.ConvertAll(nodes, n => n is not null);

        // Then everything that reads them, through any chain of rules, walking the readers of each newly
        // withheld node once: linear in the size of the dependency graph.
        while (tainted.TryDequeue(out var source))
        {
            foreach (var (reader, role, at) in readers[source.Index])
            {
                var kind = role == "show_if" ? WithholdingKind.Presence : reader.IsSection ? WithholdingKind.Checks : WithholdingKind.Answer;
                Raise(reader, new WithheldBecause(kind, nodes[source.Index]!.Level, role, reader, source, at), nodes, tainted);
            }
        }

        var flags = bound.Flags.Select(flag =>
            audience is not null && flag.Flag.Audiences is { } flagAudiences && !flagAudiences.Contains(audience)
            || flag.When is { } when && FirstTainted(when, nodes, plans) is not null).ToArray();
        return new AudienceWithholding(audience, plans, nodes, marked, flags);
    }

    /// <summary>Withholds more of a node (never less), and as much of every node inside it.</summary>
    private static void Raise(NodePlan plan, WithheldBecause reason, WithheldBecause?[] nodes, Queue<NodePlan> tainted)
    {
        var before = nodes[plan.Index]?.Kind ?? WithholdingKind.None;
        if (reason.Kind <= before)
        {
            return;
        }

        nodes[plan.Index] = reason;
        // A node taints its readers once its answer is withheld; withholding more of it changes nothing for them.
        if (before < WithholdingKind.Answer && reason.Kind >= WithholdingKind.Answer)
        {
            tainted.Enqueue(plan);
        }

        // Only a section's messages are withheld at Checks: the questions in it tell nothing of them.
        if (reason.Kind >= WithholdingKind.Answer)
        {
            foreach (var child in plan.Children)
            {
                Raise(child, reason, nodes, tainted);
            }
        }
    }

    /// <summary>For each node, the rules that read it: whose node they govern, in which role, and where they are written.</summary>
    private static List<(NodePlan Reader, string Role, SourceLocation? At)>[] Readers(IReadOnlyList<NodePlan> plans)
    {
        var readers = new List<(NodePlan, string, SourceLocation?)>[plans.Count];
        for (var i = 0; i < readers.Length; i++)
        {
            readers[i] = [];
        }

        void Add(NodePlan reader, CompiledRule? rule, string role, SourceLocation? at)
        {
            foreach (var symbol in rule?.References ?? [])
            {
                if (symbol.Id < plans.Count)
                {
                    readers[symbol.Id].Add((reader, role, at));
                }
            }
        }

        foreach (var plan in plans)
        {
            var node = plan.Node;
            Add(plan, plan.ShowIf, "show_if", node.ShowIf?.Location);
            Add(plan, plan.RequiredWhen, "required", node.Required.When?.Location);
            Add(plan, plan.Value, "value", plan.Question?.Value?.Location);
            for (var i = 0; i < plan.Validations.Count; i++)
            {
                Add(plan, plan.Validations[i].Rule, "validate", i < node.Validations.Count ? node.Validations[i].Rule.Location : null);
            }

            // A section counts as answered when any question in it is, and only then are its required and
            // validate rules decided: those checks read every child's answer, whether or not a rule names it.
            if (plan.IsSection && (node.Required.CanBeRequired || plan.Validations.Count > 0))
            {
                foreach (var child in plan.Children)
                {
                    readers[child.Index].Add((plan, "check of whether it is answered", node.Location));
                }
            }
        }

        return readers;
    }

    private static NodePlan? FirstTainted(CompiledRule rule, WithheldBecause?[] nodes, IReadOnlyList<NodePlan> plans)
    {
        foreach (var symbol in rule.References)
        {
            if (symbol.Id < nodes.Length && nodes[symbol.Id]?.Kind >= WithholdingKind.Answer)
            {
                return plans[symbol.Id];
            }
        }

        return null;
    }

    /// <summary>
    /// The innermost sensitivity level on the node's chain that the audience may not see, or null. Every level
    /// around a node applies to it: a question may be marked more confidential than its section, never less.
    /// </summary>
    private static SensitivityLevel? LevelWithholding(NodePlan plan, Dictionary<string, SensitivityLevel> levels, string? audience)
    {
        for (var i = plan.Chain.Count - 1; i >= 0; i--)
        {
            if (plan.Chain[i].Node.Sensitivity is { } id && levels.TryGetValue(id, out var level) && (audience is null || !level.Audiences.Contains(audience)))
            {
                return level;
            }
        }

        return null;
    }
}
