using FormEngine.Views;

namespace FormEngine.AspNetCore;

/// <summary>
/// Who is reading or filling in a form: the template audience they belong to (which decides what they see and
/// what is withheld from them, sensitivity levels included) and their language. Decided by the host's
/// <see cref="IFormReaderPolicy"/> from the signed-in user, never from the request.
/// </summary>
/// <param name="Audience">One of the template's <c>audiences:</c>, e.g. <c>practitioner</c> or <c>parent</c>.</param>
/// <param name="Language">One of the template's <c>languages:</c>, or null for its default language.</param>
public sealed record FormReader(string Audience, string? Language = null)
{
    /// <summary>The view options the form is built and bound with.</summary>
    public ViewOptions View => new() { Audience = Audience, Language = Language };
}
