using System.Diagnostics.CodeAnalysis;
using FormEngine.Renderers.Html;
using Microsoft.AspNetCore.Http;

namespace FormEngine.AspNetCore;

/// <summary>
/// What <see cref="FormPosts.BindAsync(Microsoft.AspNetCore.Http.HttpContext, FormEngine.Evaluation.FormSession, FormPage?)"/> did: either the post was applied to the session (<see cref="Bound"/>),
/// or it was refused before anything changed, with the response to send (<see cref="Refusal"/>: 400, 401, 403, 413 or 415).
/// </summary>
public sealed class FormPostResult
{
    private FormPostResult(FormBindResult? bound, IResult? refusal)
    {
        Bound = bound;
        Refusal = refusal;
    }

    /// <summary>What the binder changed, could not read, and ignored; null when the post was refused.</summary>
    public FormBindResult? Bound { get; }

    /// <summary>The response to send when the post was refused (the session is unchanged); null when it was applied.</summary>
    public IResult? Refusal { get; }

    /// <summary>True when the post was applied to the session.</summary>
    [MemberNotNullWhen(true, nameof(Bound))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Applied => Bound is not null;

    internal static FormPostResult Apply(FormBindResult bound) => new(bound, null);

    internal static FormPostResult Refuse(IResult refusal) => new(null, refusal);
}
