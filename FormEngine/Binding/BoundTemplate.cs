using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Binding;

/// <summary>Everything binding produced: the plans, the flags, the symbols and the recalculation order.</summary>
internal sealed record BoundTemplate(
    TemplateDefinition Definition,
    IReadOnlyList<NodePlan> Plans,
    IReadOnlyList<FlagPlan> Flags,
    SymbolTable Symbols,
    IReadOnlyList<NodePlan> Order);
