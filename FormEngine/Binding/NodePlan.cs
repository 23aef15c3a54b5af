using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Binding;

/// <summary>
/// The compiled form of one section or question: its compiled rules and where its state lives in a
/// session. Shared, immutable after binding, by every session of the template.
/// </summary>
internal sealed class NodePlan
{
    public NodePlan(int index, FormNode node, NodePlan? parent, NodePlan? repeat, int fieldIndex)
    {
        Index = index;
        Node = node;
        Parent = parent;
        Repeat = repeat;
        FieldIndex = fieldIndex;
        Chain = parent is null ? [this] : [.. parent.Chain, this];
    }

    /// <summary>The node and the sections and groups around it, outermost first: every show_if that decides whether it is shown.</summary>
    public IReadOnlyList<NodePlan> Chain { get; }

    /// <summary>Position in template order among all nodes; also the node's slot in a session's top-level state.</summary>
    public int Index { get; }

    public FormNode Node { get; }

    public Question? Question => Node as Question;

    public bool IsSection => Node is Section;

    public bool IsRepeat => Node is Question { Type: QuestionType.Repeat };

    /// <summary>The section or repeat group the node sits in.</summary>
    public NodePlan? Parent { get; }

    /// <summary>The repeat group whose items hold this node's state, or null at top level.</summary>
    public NodePlan? Repeat { get; }

    /// <summary>The node's slot inside a repeat item's state, when <see cref="Repeat"/> is set.</summary>
    public int FieldIndex { get; }

    /// <summary>Fields of a repeat group, in order (empty otherwise).</summary>
    public List<NodePlan> Fields { get; } = [];

    /// <summary>Questions of a section or repeat group, in order.</summary>
    public List<NodePlan> Children { get; } = [];

    public RuleSymbol? Symbol { get; set; }

    public CompiledRule? ShowIf { get; set; }

    public CompiledRule? RequiredWhen { get; set; }

    public CompiledRule? Value { get; set; }

    public List<(CompiledRule Rule, string Message)> Validations { get; } = [];

    /// <summary>Position of the node's value computation in the template's recalculation order.</summary>
    public int Order { get; set; }

    /// <summary>Nodes whose value computations read this node's visibility or value, to redo when either changes.</summary>
    public int[] ValueDependents { get; set; } = [];

    /// <summary>Nodes whose required/validation checks read this node.</summary>
    public int[] CheckDependents { get; set; } = [];

    /// <summary>Flags whose rules read this node.</summary>
    public int[] FlagDependents { get; set; } = [];

    public string Path => Node.Path;

    public override string ToString() => Path;
}
