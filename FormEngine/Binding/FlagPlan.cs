using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Binding;

/// <summary>A flag with its compiled rule.</summary>
internal sealed record FlagPlan(int Index, Flag Flag, CompiledRule? When);
