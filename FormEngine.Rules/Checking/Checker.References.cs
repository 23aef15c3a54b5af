using FormEngine.Rules.Ast;
using FormEngine.Rules.Diagnostics;

namespace FormEngine.Rules.Checking;

/// <summary>Name resolution and the repeat-group rules for references.</summary>
internal sealed partial class Checker
{
    private BoundExpression BindReference(ReferenceSyntax reference, RuleSymbol? scope, ArgumentPosition position)
    {
        var lookup = _symbols.Resolve(reference.Segments, scope);
        var path = reference.Path;
        if (lookup.Symbol is null)
        {
            if (lookup.AmbiguousWith.Count > 0)
            {
                Error(DiagnosticCatalogue.AmbiguousQuestion, reference,
                    $"`{path}` could mean any of {string.Join(", ", lookup.AmbiguousWith.Select(p => $"`{p}`"))}; write the full path of the one you mean.",
                    $"Did you mean `{lookup.AmbiguousWith[0]}`?");
            }
            else
            {
                var nearest = Suggestions.Nearest(path, _symbols.SuggestionCandidates(scope));
                Error(DiagnosticCatalogue.UnknownQuestion, reference,
                    $"Unknown question `{path}`.",
                    nearest is null ? "Check the question id in the template." : $"Did you mean `{nearest}`?");
            }

            return new BoundError(reference, []);
        }

        var symbol = lookup.Symbol;
        var enclosing = EnclosingGroups(symbol);
        var fixedDepth = CommonDepth(enclosing, scope);
        var isGroup = symbol.Type.Kind == RuleTypeKind.Group;

        if (isGroup)
        {
            if (position is ArgumentPosition.AggregateOrGroup or ArgumentPosition.Group)
            {
                foreach (var group in enclosing.Skip(fixedDepth))
                {
                    Reference(group);
                }

                Reference(symbol);
                return new BoundReference(reference, RuleType.Group, symbol, ReferenceMode.GroupItems, [.. enclosing, symbol], fixedDepth);
            }

            Error(DiagnosticCatalogue.GroupUsedAsValue, reference,
                $"`{path}` is a repeat group, not a single answer.",
                $"Use count({path}), any({path}, condition) or all({path}, condition).");
            return new BoundError(reference, []);
        }

        if (fixedDepth == enclosing.Length)
        {
            Reference(symbol);
            return new BoundReference(reference, symbol.Type, symbol, ReferenceMode.Direct, enclosing, fixedDepth);
        }

        if (position is ArgumentPosition.Aggregate or ArgumentPosition.AggregateOrGroup)
        {
            foreach (var group in enclosing.Skip(fixedDepth))
            {
                Reference(group);
            }

            Reference(symbol);
            return new BoundReference(reference, RuleType.ListOf(symbol.Type), symbol, ReferenceMode.Collect, enclosing, fixedDepth);
        }

        var outer = enclosing[fixedDepth];
        Error(DiagnosticCatalogue.RepeatFieldOutsideAggregate, reference,
            $"`{path}` is a question in the repeat group `{outer.Path}`, so it has one answer per item and cannot be read as a single value here.",
            $"Use any({outer.Path}, {symbol.Name} ...), all({outer.Path}, ...), count({outer.Path}), or sum/min/max({path}).");
        return new BoundError(reference, []);
    }

    /// <summary>The repeat groups around a symbol, outermost first.</summary>
    private static RuleSymbol[] EnclosingGroups(RuleSymbol symbol)
    {
        var groups = new RuleSymbol[symbol.Depth];
        var i = groups.Length;
        for (var group = symbol.Group; group is not null && i > 0; group = group.Group)
        {
            groups[--i] = group;
        }

        return groups;
    }

    /// <summary>How many of the outermost enclosing groups the rule is already inside (the item is known).</summary>
    private static int CommonDepth(RuleSymbol[] enclosing, RuleSymbol? scope)
    {
        if (scope is null)
        {
            return 0;
        }

        var scopeChain = EnclosingGroups(scope).Append(scope).ToArray();
        var depth = 0;
        while (depth < enclosing.Length && depth < scopeChain.Length && ReferenceEquals(enclosing[depth], scopeChain[depth]))
        {
            depth++;
        }

        return depth;
    }
}
