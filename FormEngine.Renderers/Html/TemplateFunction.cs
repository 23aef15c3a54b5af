using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace FormEngine.Renderers.Html;

/// <summary>
/// A function FormEngine gives templates (<c>render</c>, <c>both</c>), called directly. Scriban's own wrapper for
/// a delegate calls it by reflection and converts every argument, which cost more than the rest of a question's
/// template. Every parameter is a required <c>object</c>, so Scriban checks the number of arguments (and names
/// them in its messages) exactly as it does for such a delegate, and passes the values through unchanged.
/// </summary>
internal sealed class TemplateFunction(string[] parameters, Func<TemplateContext, ScriptArray, object?> call) : IScriptCustomFunction
{
    public int RequiredParameterCount => parameters.Length;

    public int ParameterCount => parameters.Length;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(HtmlMarkup);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), parameters[index]);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        call(context, arguments);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
