using FormEngine.Evaluation;

namespace FormEngine.Views;

/// <summary>A reader's context (<see cref="ReaderContext"/>) on one session: what a form's view is built from.</summary>
internal sealed class ViewContext(SessionReadModel state, ViewOptions options) : ReaderContext(state.Template, options)
{
    /// <summary>The session being viewed, read through its read model like every other output.</summary>
    public SessionReadModel State { get; } = state;
}
