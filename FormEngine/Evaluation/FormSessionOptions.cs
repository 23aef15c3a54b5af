namespace FormEngine.Evaluation;

/// <summary>What a session needs besides the template and answers.</summary>
/// <remarks>Named after <see cref="FormSession"/> so that it never clashes with ASP.NET Core's own <c>FormSessionOptions</c> in a web project.</remarks>
public sealed record FormSessionOptions
{
    /// <summary>
    /// The evaluation date: what <c>today()</c> and <c>age()</c> use. It is an input, never the wall clock,
    /// so the same answers always give the same results.
    /// </summary>
    public required DateOnly Today { get; init; }

    /// <summary>The previous assessment's answers; questions marked <c>carry_forward</c> start from them.</summary>
    public System.Text.Json.Nodes.JsonObject? PreviousAnswers { get; init; }
}
