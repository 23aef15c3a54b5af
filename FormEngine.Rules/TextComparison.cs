namespace FormEngine.Rules;

/// <summary>
/// A place where a rule compares a question's answer with text written in the rule, such as
/// <c>child.has_disability = 'yes'</c> or <c>'COMM' in disability.types</c>. The engine uses these to
/// warn when the text is not one of the question's choices, so the rule could never be true.
/// </summary>
/// <param name="Symbol">The question compared.</param>
/// <param name="Text">The text it is compared with.</param>
/// <param name="Offset">0-based offset of the text literal in the rule.</param>
/// <param name="Length">Length of the text literal in the rule, quotes included.</param>
public sealed record TextComparison(RuleSymbol Symbol, string Text, int Offset, int Length);
