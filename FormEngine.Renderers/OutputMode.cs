namespace FormEngine.Renderers;

/// <summary>What a rendering is for.</summary>
/// <remarks>Not called <c>RenderMode</c>, which ASP.NET Core's MVC views and Blazor components already import.</remarks>
public enum OutputMode
{
    /// <summary>A form to fill in: one input per shown question, current answers filled in, errors beside their fields.</summary>
    Form,

    /// <summary>A record to read: shown questions and their answers; hidden questions absent.</summary>
    Record,

    /// <summary>A blank paper form: every question with answer space, and routing written out in plain English.</summary>
    Blank,

    /// <summary>Everything, hidden questions included, each marked not applicable with the rule that hid it. For managers and complaints, never for families.</summary>
    Audit,
}
