using FormEngine.Rules.Ast;
using FormEngine.Rules.Checking;
using FormEngine.Rules.Compilation;
using FormEngine.Rules.Diagnostics;
using FormEngine.Rules.Parsing;

namespace FormEngine.Rules;

/// <summary>
/// The entry point of the rules language: parse, check and compile the small conditional rules that
/// template authors write, such as <c>show_if: child.has_disability = 'yes'</c>.
/// </summary>
public static class Rule
{
    /// <summary>Parses, checks and compiles a rule, collecting every problem as a diagnostic. Never throws for any rule text.</summary>
    /// <param name="source">The rule text.</param>
    /// <param name="symbols">The questions of the template.</param>
    /// <param name="options">Scope, expected type and limits; defaults when null.</param>
    /// <returns>The compiled rule, or the diagnostics that explain why there is none.</returns>
    public static RuleCompilation TryCompile(string source, ISymbolTable symbols, RuleCompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(symbols);
        options ??= RuleCompileOptions.Default;
        var parsed = options.SyntaxCache?.Parse(source, options) ?? RuleParser.Parse(source, options);
        if (parsed.Syntax is null)
        {
            return new RuleCompilation(null, parsed.Diagnostics);
        }

        var checkResult = Checker.Check(source, parsed.Syntax, symbols, options);
        if (checkResult.Bound is null || checkResult.Diagnostics.Any(d => d.Severity == RuleSeverity.Error))
        {
            return new RuleCompilation(null, checkResult.Diagnostics);
        }

        try
        {
            var rule = Compiler.Build(source, checkResult.Bound, options, checkResult.References, checkResult.ReadsToday);
            return new RuleCompilation(rule, checkResult.Diagnostics);
        }
        catch (InsufficientExecutionStackException)
        {
            // Only reachable on a thread with an unusually small stack: depth is already limited.
            var diagnostics = new DiagnosticBag(source);
            diagnostics.Add(DiagnosticCatalogue.NestingTooDeep, 0, source.Length, "The rule is nested too deeply to compile on this thread; simplify it.");
            return new RuleCompilation(null, diagnostics.Sorted());
        }
    }

    /// <summary>Parses, checks and compiles a rule.</summary>
    /// <param name="source">The rule text.</param>
    /// <param name="symbols">The questions of the template.</param>
    /// <param name="options">Scope, expected type and limits; defaults when null.</param>
    /// <returns>The compiled rule.</returns>
    /// <exception cref="RuleCompileException">The rule has errors; the exception carries all of them.</exception>
    public static CompiledRule Compile(string source, ISymbolTable symbols, RuleCompileOptions? options = null)
    {
        var result = TryCompile(source, symbols, options);
        return result.Rule ?? throw new RuleCompileException(result.Diagnostics);
    }

    /// <summary>Checks a rule's syntax only, without looking up questions or types. Never throws for any rule text.</summary>
    /// <param name="source">The rule text.</param>
    /// <param name="options">Limits and the cache of parsed rules; defaults when null. Scope and expected type are not used.</param>
    /// <returns>The syntax tree, or the syntax errors.</returns>
    public static RuleParseResult Parse(string source, RuleCompileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= RuleCompileOptions.Default;
        return options.SyntaxCache?.Parse(source, options) ?? RuleParser.Parse(source, options);
    }

    /// <summary>Prints a syntax tree as canonical rule text, which parses back to an equal tree.</summary>
    /// <param name="syntax">The tree, from <see cref="Parse"/>.</param>
    /// <returns>The canonical text, e.g. <c>child.age &lt; 5 and not answered(child.school)</c>.</returns>
    public static string Print(RuleSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        return SyntaxPrinter.Print(syntax);
    }
}
