using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using FormEngine;
using FormEngine.AspNetCore;

namespace EmbeddingSample;

/// <summary>A user who can sign in to the sample, and the template audience they read forms as.</summary>
public sealed record DemoUser(string Name, string Password, string Audience);

/// <summary>
/// The users who can sign in. In Development there are two demo users (listed in README.md); anywhere else there
/// are none, so a council puts its own sign-in in place of this class before the sample holds anything real.
/// </summary>
public sealed class DemoUsers(IReadOnlyList<DemoUser> users)
{
    /// <summary>The practitioner who works every demo case, and the parent of every demo case.</summary>
    public static readonly IReadOnlyList<DemoUser> Development =
    [
        new("practitioner", "practitioner-demo", Audiences.Practitioner),
        new("parent", "parent-demo", Audiences.Parent),
    ];

    /// <summary>Whether any user can sign in.</summary>
    public bool Any => users.Count > 0;

    /// <summary>The user with this name and password, or null; the password is compared in constant time.</summary>
    public DemoUser? Check(string name, string password) =>
        users.FirstOrDefault(u => u.Name == name && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(u.Password), Encoding.UTF8.GetBytes(password)));

    /// <summary>The signed-in user: their name, and their audience as a role.</summary>
    public static ClaimsPrincipal Principal(DemoUser user, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Audience)], scheme));
}

/// <summary>The audiences the sample's users read forms as, and the one place it is decided who sees what.</summary>
public static class Audiences
{
    /// <summary>The practitioner, who sees and writes the whole record.</summary>
    public const string Practitioner = "practitioner";

    /// <summary>The parent, who sees and writes only what the template's parent audience may.</summary>
    public const string Parent = "parent";

    /// <summary>The reader a signed-in user is, from their role alone; null for nobody.</summary>
    public static FormReader? ReaderOf(ClaimsPrincipal user) =>
        user.IsInRole(Practitioner) ? new FormReader(Practitioner)
        : user.IsInRole(Parent) ? new FormReader(Parent)
        : null;

    /// <summary>Whether the reader sees the whole answers document, metadata included, rather than their audience's export of it.</summary>
    public static bool SeesWholeRecord(FormReader reader) => reader.Audience == Practitioner;
}

/// <summary>FormEngine asks this who reads a form: the signed-in user's role, never anything in the request.</summary>
public sealed class RoleReaderPolicy : IFormReaderPolicy
{
    /// <inheritdoc/>
    public ValueTask<FormReader?> GetReaderAsync(ClaimsPrincipal user, FormTemplate template, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Audiences.ReaderOf(user));
}
