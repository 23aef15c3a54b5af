using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace FormEngine.AspNetCore;

/// <summary>
/// The response's Content-Security-Policy nonce: made once per request from 128 random bits, sent in the policy
/// and put on every inline script and style FormEngine writes. A host's own layout uses the same value.
/// </summary>
public static class FormEngineNonce
{
    private static readonly object Key = new();

    /// <summary>The nonce for this request, made on first use.</summary>
    /// <param name="http">The request.</param>
    /// <returns>The nonce, base64.</returns>
    public static string GetCspNonce(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items.TryGetValue(Key, out var existing) && existing is string nonce)
        {
            return nonce;
        }

        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Items[Key] = nonce;
        return nonce;
    }
}
