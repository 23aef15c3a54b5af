namespace FormEngine.Rules.Tests;

/// <summary>
/// The engine is coded against this exact public surface; a change here must be deliberate and shows
/// up as a diff in this test.
/// </summary>
public sealed class PublicApiTests
{
    [Test]
    public void Public_types_are_exactly_the_agreed_ones()
    {
        var types = typeof(Rule).Assembly.GetExportedTypes().Select(t => t.FullName).Order(StringComparer.Ordinal).ToArray();
        Assert.That(types, Is.EqualTo(new[]
        {
            "FormEngine.Rules.CompiledRule",
            "FormEngine.Rules.IRuleData",
            "FormEngine.Rules.ISymbolTable",
            "FormEngine.Rules.Rule",
            "FormEngine.Rules.RuleCompilation",
            "FormEngine.Rules.RuleCompileException",
            "FormEngine.Rules.RuleCompileOptions",
            "FormEngine.Rules.RuleDescriptionOptions",
            "FormEngine.Rules.RuleDiagnostic",
            "FormEngine.Rules.RuleEvaluationTier",
            "FormEngine.Rules.RuleExplanation",
            "FormEngine.Rules.RuleParseResult",
            "FormEngine.Rules.RulePhrases",
            "FormEngine.Rules.RuleSeverity",
            "FormEngine.Rules.RuleSymbol",
            "FormEngine.Rules.RuleSyntax",
            "FormEngine.Rules.RuleSyntaxCache",
            "FormEngine.Rules.RuleType",
            "FormEngine.Rules.RuleTypeKind",
            "FormEngine.Rules.RuleValue",
            "FormEngine.Rules.SymbolLookup",
            "FormEngine.Rules.SymbolTable",
            "FormEngine.Rules.TextComparison",
        }));
    }

    [Test]
    public void Public_classes_are_sealed_or_static_except_the_syntax_root()
    {
        var open = typeof(Rule).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed) && t != typeof(RuleSyntax))
            .Select(t => t.Name);
        Assert.That(open, Is.Empty);
    }
}
