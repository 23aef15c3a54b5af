using System.Security.Claims;

namespace FormEngine.AspNetCore;

/// <summary>
/// The host's rule for who reads a form as what: given the signed-in user and the template, the audience and
/// language they read it in. FormEngine never takes an audience from a query string, a form field or a header;
/// register an implementation with <c>services.AddSingleton&lt;IFormReaderPolicy, MyPolicy&gt;()</c> (or scoped,
/// if it reads the database).
/// </summary>
public interface IFormReaderPolicy
{
    /// <summary>The reader the user is for this template, or null when they may not open it at all.</summary>
    /// <param name="user">The signed-in user (<c>HttpContext.User</c>); not authenticated when nobody has signed in.</param>
    /// <param name="template">The template of the form being opened.</param>
    /// <param name="cancellationToken">Cancelled when the request is.</param>
    /// <returns>The reader, or null to refuse: 401 when nobody has signed in, 403 otherwise.</returns>
    ValueTask<FormReader?> GetReaderAsync(ClaimsPrincipal user, FormTemplate template, CancellationToken cancellationToken);
}
