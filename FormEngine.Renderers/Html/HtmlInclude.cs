using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace FormEngine.Renderers.Html;

/// <summary>
/// Scriban's <c>include</c>, changed in two ways. Its result is marked as markup: it is the included template's
/// output, already encoded as it was written, and must not be encoded a second time where it is written. And in a
/// render of built-in templates, <c>{{ include "x.sbn" }}</c> written as a statement (the usual way, its result
/// written where it stands) renders the template straight into the current output: Scriban's own renders it into a
/// new string, which is then copied into the includer's output, and so again for each level of includes, which
/// cost a record more than anything its templates decide. Any other use (an argument, a pipe, a template with
/// named arguments, a host's templates) goes through Scriban's own.
/// </summary>
internal sealed class HtmlInclude(IScriptCustomFunction scriban) : IScriptCustomFunction
{
    public int RequiredParameterCount => scriban.RequiredParameterCount;

    public int ParameterCount => scriban.ParameterCount;

    public ScriptVarParamKind VarParamKind => scriban.VarParamKind;

    public Type ReturnType => typeof(HtmlMarkup);

    public ScriptParameterInfo GetParameterInfo(int index) => scriban.GetParameterInfo(index);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        if (context is HtmlTemplateContext { IncludesInPlace: true, EnableOutput: true } html && string.IsNullOrEmpty(html.CurrentIndent)
            && callerContext is ScriptFunctionCall { Parent: ScriptExpressionStatement, Arguments: [not ScriptNamedArgument] } call
            && arguments.Count == 1)
        {
            var path = html.GetTemplatePathFromName(html.ObjectToString(arguments[0]), call);
            html.RenderInPlace(html.GetOrCreateTemplate(path, call), arguments, call);
            return null;
        }

        return Wrap(scriban.Invoke(context, callerContext, arguments, blockStatement));
    }

    public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        Wrap(await scriban.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false));

    private static object? Wrap(object? result) => result is string text ? new HtmlMarkup(text) : result;
}
