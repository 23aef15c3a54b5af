using System.Globalization;
using FormEngine.Rules.Ast;
using FormEngine.Rules.Diagnostics;

namespace FormEngine.Rules.Checking;

/// <summary>Type rules of the operators.</summary>
internal sealed partial class Checker
{
    private BoundExpression BindUnary(UnarySyntax unary, RuleSymbol? scope)
    {
        var operand = Bind(unary.Operand, scope, ArgumentPosition.None);
        if (unary.Operator == UnaryOperator.Not)
        {
            if (!TypeRules.Fits(operand.Type, RuleTypeKind.Boolean))
            {
                Error(DiagnosticCatalogue.OperatorTypeMismatch, unary,
                    $"`not` needs a condition (a yes/no value), but this is {TypeRules.Describe(operand.Type)}.");
                return new BoundError(unary, [operand]);
            }

            return new BoundUnary(unary, RuleType.Boolean, unary.Operator, operand);
        }

        if (!TypeRules.Fits(operand.Type, RuleTypeKind.Number))
        {
            Error(DiagnosticCatalogue.OperatorTypeMismatch, unary,
                $"`-` in front of a value needs a number, but this is {TypeRules.Describe(operand.Type)}.");
            return new BoundError(unary, [operand]);
        }

        return new BoundUnary(unary, RuleType.Number, unary.Operator, operand);
    }

    private BoundExpression BindBinary(BinarySyntax binary, RuleSymbol? scope)
    {
        if (UnquotedChoices(binary, scope) is { } unquoted)
        {
            return unquoted;
        }

        var left = Bind(binary.Left, scope, ArgumentPosition.None);
        var right = Bind(binary.Right, scope, ArgumentPosition.None);
        var type = binary.Operator switch
        {
            BinaryOperator.And or BinaryOperator.Or => CheckLogical(binary, left, right),
            BinaryOperator.Equal or BinaryOperator.NotEqual => CheckEquality(binary, left, right),
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => CheckOrdering(binary, left, right),
            BinaryOperator.In or BinaryOperator.NotIn => CheckMembership(binary, left, right),
            _ => CheckArithmetic(binary, left, right),
        };
        return type is null
            ? new BoundError(binary, [left, right])
            : new BoundBinary(binary, type, binary.Operator, left, right);
    }

    /// <summary>
    /// A choice written without quotes (<c>child.has_disability = yes</c>) reads as a question id, and
    /// "Unknown question `yes`" would send the author looking for a question. Where the word is one of the
    /// compared question's choices, say to put it in quotes instead.
    /// </summary>
    private BoundError? UnquotedChoices(BinarySyntax binary, RuleSymbol? scope)
    {
        if (binary.Operator is not (BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.In or BinaryOperator.NotIn))
        {
            return null;
        }

        var words = new List<(ReferenceSyntax Word, RuleSymbol Question)>();
        Collect(binary.Left, binary.Right);
        Collect(binary.Right, binary.Left);
        if (words.Count == 0)
        {
            return null;
        }

        var op = Precedence.Text(binary.Operator);
        foreach (var (word, question) in words)
        {
            var example = binary.Operator is BinaryOperator.Equal or BinaryOperator.NotEqual
                ? $"`{question.Path} {op} '{word.Path}'`"
                : $"`'{word.Path}'`";
            Error(DiagnosticCatalogue.UnknownQuestion, word,
                $"`{word.Path}` is not a question; it is one of the choices of `{question.Path}`, and a choice is text, which needs quotes.",
                $"Put it in quotes: {example}.");
        }

        return new BoundError(binary, []);

        void Collect(RuleSyntax maybeWords, RuleSyntax maybeQuestion)
        {
            if (maybeQuestion is not ReferenceSyntax reference || _symbols.Resolve(reference.Segments, scope).Symbol is not { Choices.Count: > 0 } question)
            {
                return;
            }

            IEnumerable<RuleSyntax> candidates = maybeWords is ListSyntax list ? list.Items : [maybeWords];
            foreach (var candidate in candidates)
            {
                if (candidate is ReferenceSyntax word && _symbols.Resolve(word.Segments, scope) is { Symbol: null, AmbiguousWith.Count: 0 } && question.Choices.Contains(word.Path))
                {
                    words.Add((word, question));
                }
            }
        }
    }

    private RuleType? CheckLogical(BinarySyntax binary, BoundExpression left, BoundExpression right)
    {
        var ok = true;
        foreach (var (side, name) in new[] { (left, "left"), (right, "right") })
        {
            if (!TypeRules.Fits(side.Type, RuleTypeKind.Boolean))
            {
                Error(DiagnosticCatalogue.OperatorTypeMismatch, side.Syntax,
                    $"`{Precedence.Text(binary.Operator)}` joins two conditions, but its {name} side is {TypeRules.Describe(side.Type)}.",
                    "Compare the value with something, e.g. `... = 'yes'`.");
                ok = false;
            }
        }

        return ok ? RuleType.Boolean : null;
    }

    private RuleType? CheckEquality(BinarySyntax binary, BoundExpression left, BoundExpression right)
    {
        if (TypeRules.Unify(left.Type, right.Type) is not null)
        {
            return RuleType.Boolean;
        }

        if (!ReportDateAgainstText(binary, left, right) && !ReportQuotedNumber(binary, left, right))
        {
            Error(DiagnosticCatalogue.OperatorTypeMismatch, binary.OperatorOffset, binary.OperatorLength,
                $"`{Precedence.Text(binary.Operator)}` compares values of the same type, but the left side is {TypeRules.Describe(left.Type)} and the right side is {TypeRules.Describe(right.Type)}.");
        }

        return null;
    }

    private RuleType? CheckOrdering(BinarySyntax binary, BoundExpression left, BoundExpression right)
    {
        var common = TypeRules.Unify(left.Type, right.Type);
        if (common is not null && (TypeRules.IsOpen(common) || common.Kind is RuleTypeKind.Number or RuleTypeKind.Date or RuleTypeKind.Text))
        {
            return RuleType.Boolean;
        }

        if (!ReportDateAgainstText(binary, left, right) && !ReportQuotedNumber(binary, left, right))
        {
            var text = Precedence.Text(binary.Operator);
            Error(DiagnosticCatalogue.OperatorTypeMismatch, binary.OperatorOffset, binary.OperatorLength,
                common is null
                    ? $"`{text}` cannot compare {TypeRules.Describe(left.Type)} with {TypeRules.Describe(right.Type)}."
                    : $"`{text}` compares numbers, dates or text, but both sides are {TypeRules.Describe(common)}.");
        }

        return null;
    }

    /// <summary>A date compared with a text literal gets its own code and a suggestion to use date(...).</summary>
    private bool ReportDateAgainstText(BinarySyntax binary, BoundExpression left, BoundExpression right)
    {
        var text = left.Type.Kind == RuleTypeKind.Date ? right : right.Type.Kind == RuleTypeKind.Date ? left : null;
        if (text is null || text.Type.Kind != RuleTypeKind.Text)
        {
            return false;
        }

        var literal = text is BoundLiteral { Value.Kind: RuleTypeKind.Text } l ? l.Value.AsText : null;
        var example = literal is not null && DateOnly.TryParseExact(literal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? literal
            : "2020-01-01";
        Error(DiagnosticCatalogue.DateComparedWithText, text.Syntax,
            $"`{Precedence.Text(binary.Operator)}` compares a date with text; write the date with date(...).",
            $"Did you mean `date('{example}')`?");
        return true;
    }

    /// <summary>A number compared with digits in quotes (<c>child.age &gt;= '5'</c>): the quotes make it text, so say to remove them.</summary>
    private bool ReportQuotedNumber(BinarySyntax binary, BoundExpression left, BoundExpression right)
    {
        var (number, text) = left.Type.Kind == RuleTypeKind.Number ? (left, right) : right.Type.Kind == RuleTypeKind.Number ? (right, left) : (null, null);
        if (number is null || text is not BoundLiteral { Value.Kind: RuleTypeKind.Text } literal
            || !decimal.TryParse(literal.Value.AsText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        var digits = literal.Value.AsText;
        var what = number is BoundReference { Symbol: { } symbol } ? $"`{symbol.Path}` is a number" : "the other side is a number";
        Error(DiagnosticCatalogue.OperatorTypeMismatch, text.Syntax,
            $"`'{digits}'` is text, because of its quotes, but {what}, so the two cannot be compared.",
            $"Remove the quotes: `{digits}`.");
        return true;
    }

    private RuleType? CheckMembership(BinarySyntax binary, BoundExpression left, BoundExpression right)
    {
        var op = Precedence.Text(binary.Operator);
        if (right.Type.Kind == RuleTypeKind.Text)
        {
            Error(DiagnosticCatalogue.OperatorTypeMismatch, right.Syntax,
                $"`{op}` needs a list on its right, such as ['a', 'b'] or a multiple-choice question, but this is text.",
                "To look for a piece of text inside text, use contains(text, part).");
            return null;
        }

        if (!TypeRules.Fits(right.Type, RuleTypeKind.List))
        {
            Error(DiagnosticCatalogue.OperatorTypeMismatch, right.Syntax,
                $"`{op}` needs a list on its right, such as ['a', 'b'] or a multiple-choice question, but this is {TypeRules.Describe(right.Type)}.");
            return null;
        }

        var element = right.Type.Kind == RuleTypeKind.List ? right.Type.Element! : RuleType.Any;
        if (left.Type.Kind == RuleTypeKind.List && element.Kind != RuleTypeKind.List && !TypeRules.IsOpen(element))
        {
            Error(DiagnosticCatalogue.OperatorTypeMismatch, left.Syntax,
                $"`{op}` checks whether one value is in a list, but its left side is {TypeRules.Describe(left.Type)}.",
                "To test one option of a multiple-choice question, write e.g. `'COMM' in disability.types`.");
            return null;
        }

        if (TypeRules.Unify(left.Type, element) is null)
        {
            Error(DiagnosticCatalogue.OperatorTypeMismatch, binary.OperatorOffset, binary.OperatorLength,
                $"`{op}` looks for {TypeRules.Describe(left.Type)} in {TypeRules.Describe(right.Type)}, so it could never match.");
            return null;
        }

        return RuleType.Boolean;
    }

    private RuleType? CheckArithmetic(BinarySyntax binary, BoundExpression left, BoundExpression right)
    {
        var l = left.Type.Kind;
        var r = right.Type.Kind;
        var op = binary.Operator;
        RuleType? result = (op, l, r) switch
        {
            (_, RuleTypeKind.Any, _) or (_, _, RuleTypeKind.Any) => ArithmeticWithUnknown(op, left.Type, right.Type),
            (_, RuleTypeKind.Null, RuleTypeKind.Null) => RuleType.Any,
            (_, RuleTypeKind.Number or RuleTypeKind.Null, RuleTypeKind.Number or RuleTypeKind.Null) => RuleType.Number,
            (BinaryOperator.Add, RuleTypeKind.Date, RuleTypeKind.Number or RuleTypeKind.Null) => RuleType.Date,
            (BinaryOperator.Add, RuleTypeKind.Number or RuleTypeKind.Null, RuleTypeKind.Date) => RuleType.Date,
            (BinaryOperator.Add, RuleTypeKind.Text or RuleTypeKind.Null, RuleTypeKind.Text or RuleTypeKind.Null) => RuleType.Text,
            (BinaryOperator.Subtract, RuleTypeKind.Date, RuleTypeKind.Number) => RuleType.Date,
            (BinaryOperator.Subtract, RuleTypeKind.Date, RuleTypeKind.Date) => RuleType.Number,
            (BinaryOperator.Subtract, RuleTypeKind.Date, RuleTypeKind.Null) => RuleType.Any,
            (BinaryOperator.Subtract, RuleTypeKind.Null, RuleTypeKind.Date) => RuleType.Any,
            _ => null,
        };
        if (result is null)
        {
            var hint = op switch
            {
                BinaryOperator.Add => "`+` adds numbers, adds days to a date, or joins two pieces of text",
                BinaryOperator.Subtract => "`-` subtracts numbers, takes days off a date, or gives the days between two dates",
                _ => $"`{Precedence.Text(op)}` works on numbers",
            };
            Error(DiagnosticCatalogue.OperatorTypeMismatch, binary.OperatorOffset, binary.OperatorLength,
                $"{hint}, but here the left side is {TypeRules.Describe(left.Type)} and the right side is {TypeRules.Describe(right.Type)}.");
        }

        return result;
    }

    private static RuleType ArithmeticWithUnknown(BinaryOperator op, RuleType left, RuleType right) =>
        op is BinaryOperator.Multiply or BinaryOperator.Divide ? RuleType.Number : RuleType.Any;
}
