namespace FormEngine.Rules.Diagnostics;

/// <summary>
/// Every diagnostic code the rules language reports. Codes are stable: never renumber or reuse one.
/// The README's table lists the same codes; a test keeps the two in step.
/// </summary>
internal static class DiagnosticCatalogue
{
    public static readonly DiagnosticDescriptor InvalidCharacter = new("FER0001", "A character that cannot appear in a rule (outside quotes).");
    public static readonly DiagnosticDescriptor UnterminatedText = new("FER0002", "Text in quotes is missing its closing quote.");
    public static readonly DiagnosticDescriptor UnexpectedToken = new("FER0003", "Something unexpected was found where another part of the rule was expected.");
    public static readonly DiagnosticDescriptor UnexpectedEnd = new("FER0004", "The rule ends before it is complete.");
    public static readonly DiagnosticDescriptor EmptyRule = new("FER0005", "The rule is empty.");
    public static readonly DiagnosticDescriptor RuleTooLong = new("FER0006", "The rule is longer than the maximum length.");
    public static readonly DiagnosticDescriptor NestingTooDeep = new("FER0007", "The rule nests brackets, operators or calls more deeply than allowed.");
    public static readonly DiagnosticDescriptor InvalidEscape = new("FER0008", "A backslash in quoted text is followed by a character that has no meaning there.");
    public static readonly DiagnosticDescriptor NumberOutOfRange = new("FER0009", "A number is too large or has too many digits.");
    public static readonly DiagnosticDescriptor UnknownQuestion = new("FER0010", "A question or repeat group name is not in the template.");
    public static readonly DiagnosticDescriptor AmbiguousQuestion = new("FER0011", "A bare question name matches several questions; the full path is needed.");
    public static readonly DiagnosticDescriptor UnknownFunction = new("FER0012", "A function name is not one the rules language knows.");
    public static readonly DiagnosticDescriptor WrongArgumentCount = new("FER0013", "A function is given too few or too many values.");
    public static readonly DiagnosticDescriptor OperatorTypeMismatch = new("FER0014", "An operator is used with values of a type it cannot work with.");
    public static readonly DiagnosticDescriptor ArgumentTypeMismatch = new("FER0015", "A function is given a value of the wrong type.");
    public static readonly DiagnosticDescriptor DateComparedWithText = new("FER0016", "A date is compared with text; write the date as date('yyyy-mm-dd').");
    public static readonly DiagnosticDescriptor RepeatFieldOutsideAggregate = new("FER0017", "A question inside a repeat group is read from outside the group other than through any, all, count, sum, min, max or answered.");
    public static readonly DiagnosticDescriptor GroupUsedAsValue = new("FER0018", "A repeat group is used where a single value is needed.");
    public static readonly DiagnosticDescriptor InvalidDateLiteral = new("FER0019", "The text given to date() is not a real date in the form yyyy-mm-dd.");
    public static readonly DiagnosticDescriptor InvalidPattern = new("FER0020", "The pattern given to matches() is not a valid regular expression.");
    public static readonly DiagnosticDescriptor UnsupportedPattern = new("FER0021", "The pattern given to matches() uses a feature that cannot be run safely (backreferences, lookarounds and similar).");
    public static readonly DiagnosticDescriptor PatternNotLiteral = new("FER0022", "The pattern given to matches() must be written as quoted text in the rule.");
    public static readonly DiagnosticDescriptor ResultTypeMismatch = new("FER0023", "The whole rule gives a different type of value than its place in the template needs.");
    public static readonly DiagnosticDescriptor IncompatibleTypes = new("FER0024", "Values that must have the same type (list items, if() branches, coalesce() values) do not.");
    public static readonly DiagnosticDescriptor GroupExpected = new("FER0025", "any() and all() need a repeat group as their first value.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        InvalidCharacter, UnterminatedText, UnexpectedToken, UnexpectedEnd, EmptyRule, RuleTooLong, NestingTooDeep,
        InvalidEscape, NumberOutOfRange, UnknownQuestion, AmbiguousQuestion, UnknownFunction, WrongArgumentCount,
        OperatorTypeMismatch, ArgumentTypeMismatch, DateComparedWithText, RepeatFieldOutsideAggregate, GroupUsedAsValue,
        InvalidDateLiteral, InvalidPattern, UnsupportedPattern, PatternNotLiteral, ResultTypeMismatch, IncompatibleTypes,
        GroupExpected,
    ];
}
