using System.Security.Cryptography;
using System.Text;

namespace FormEngine.Versions;

/// <summary>One file of a template: where it sits in the template's folder, and the hash of its bytes.</summary>
/// <param name="Path">The path relative to the main file's folder, with <c>/</c> between folders; the main file is its bare name.</param>
/// <param name="Sha256">The SHA-256 of the file's bytes, lower-case hex.</param>
/// <param name="FullPath">Where the file was read from, or null for a template loaded from text.</param>
internal sealed record TemplateFile(string Path, string Sha256, string? FullPath);

/// <summary>
/// The one definition of a template's hash, shared by the loader (<see cref="FormTemplate.Hash"/>), the
/// <c>$template</c> an answers document records and a published version's manifest, so the three can be
/// compared byte for byte: SHA-256 over one line <c>"&lt;sha256 of the file&gt; &lt;path&gt;\n"</c> per file,
/// in ordinal order of path, written <c>sha256:&lt;hex&gt;</c>. Hashing paths as well as contents means that
/// moving a shared file to another folder changes the version's hash, as it changes what the YAML includes.
/// </summary>
internal static class TemplateHash
{
    /// <summary>The prefix every template hash carries, so the algorithm can change later without ambiguity.</summary>
    public const string Prefix = "sha256:";

    /// <summary>The SHA-256 of some bytes in lower-case hex.</summary>
    public static string OfBytes(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The SHA-256 of a text's UTF-8 bytes (no byte-order mark), for templates loaded from memory.</summary>
    public static string OfText(string text) => OfBytes(Encoding.UTF8.GetBytes(text));

    /// <summary>The template's hash over its files.</summary>
    public static string Of(IEnumerable<(string Path, string Sha256)> files)
    {
        var lines = new StringBuilder();
        foreach (var (path, sha256) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            lines.Append(sha256).Append(' ').Append(path).Append('\n');
        }

        return Prefix + OfText(lines.ToString());
    }
}
