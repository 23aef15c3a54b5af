using System.Text;

namespace FormEngine.Files;

/// <summary>Why a file could not be read.</summary>
internal enum InputFileProblem
{
    /// <summary>The file was read.</summary>
    None,

    /// <summary>Nothing is at the path (or a link points nowhere).</summary>
    NotFound,

    /// <summary>The path names a folder.</summary>
    Folder,

    /// <summary>A device, FIFO, socket, or a file of the system's process and device folders.</summary>
    NotRegular,

    /// <summary>More bytes than allowed.</summary>
    TooLarge,

    /// <summary>The bytes are not UTF-8 (or UTF-16 with a byte-order mark) text.</summary>
    NotText,

    /// <summary>The system refused to read it, or its links go round in a loop.</summary>
    Unreadable,
}

/// <summary>The text of a file, or why it could not be read, in words for the person who gave the path.</summary>
/// <param name="Text">The text, or null.</param>
/// <param name="Problem">Why there is no text.</param>
/// <param name="Message">The problem, naming the file as given.</param>
/// <param name="Suggestion">What to do next, or null.</param>
/// <param name="Line">1-based line of a problem inside the text (not UTF-8), or 0.</param>
/// <param name="Column">1-based column, or 0.</param>
internal sealed record InputFileText(string? Text, InputFileProblem Problem, string Message, string? Suggestion, int Line = 0, int Column = 0)
{
    /// <summary>The SHA-256 of the bytes read, in lower-case hex, when the file was read; what a published version's manifest records.</summary>
    public string? Sha256 { get; init; }
}

/// <summary>
/// Reads the files FormEngine is given (templates, includes, answers, scenarios, a host's HTML templates) so
/// that no file can hang, exhaust memory or be silently changed: only regular files are opened (never
/// devices, FIFOs or sockets, nor anything under <c>/proc</c>, <c>/sys</c> or <c>/dev</c>); the size limit
/// counts bytes as they are read, because a file's reported length can be 0 (<c>/proc</c>) or wrong; and
/// text that is not valid UTF-8 is refused with its position rather than read with replacement characters.
/// </summary>
internal static class InputFiles
{
    private const int MaxLinkHops = 40; // as Linux allows when it resolves a path

    private static readonly string[] SystemFolders = ["/proc", "/sys", "/dev"];

    /// <summary>Reads a whole file as text.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="displayPath">The path as the person gave it, for messages.</param>
    /// <param name="maxBytes">The most bytes the file may have.</param>
    /// <param name="what">What the file is, for messages: "template file", "answers file".</param>
    public static InputFileText ReadText(string path, string displayPath, long maxBytes, string what)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            // The system would read the path only up to the NUL: a different file from the one named.
            return Failed(InputFileProblem.Unreadable, $"The path of the {what} `{displayPath.Replace("\0", "\\0", StringComparison.Ordinal)}` contains a NUL character, which no file name can have.", "Check how the path was built; it may have been cut from other text.");
        }

        string real;
        try
        {
            if (RealPath(path) is not { } resolved)
            {
                return Failed(InputFileProblem.Unreadable, $"The {what} `{displayPath}` cannot be read: its symbolic links go round in a loop.", "Fix or remove the links.");
            }

            real = resolved;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(InputFileProblem.Unreadable, $"The {what} `{displayPath}` cannot be read: {ex.Message}", null);
        }

        var kind = FileKinds.Of(real);
        if (kind == FileKind.Missing)
        {
            return Failed(InputFileProblem.NotFound, $"The {what} `{displayPath}` does not exist.", "Check the spelling and the folder.");
        }

        if (kind == FileKind.Directory)
        {
            return Failed(InputFileProblem.Folder, $"`{displayPath}` is a folder, not a {what}.", $"Give the path of the {what} itself.");
        }

        if (kind == FileKind.Special || IsSystemPath(real))
        {
            return NotRegular(displayPath, what);
        }

        try
        {
            using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
            if (FileKinds.Of(stream.SafeFileHandle) is FileKind.Special or FileKind.Directory)
            {
                return NotRegular(displayPath, what);
            }

            var bytes = ReadBounded(stream, maxBytes);
            if (bytes is null)
            {
                return Failed(InputFileProblem.TooLarge, $"The {what} `{displayPath}` is larger than {maxBytes:N0} bytes, the most FormEngine reads.", null);
            }

            return Decode(bytes, displayPath, what) with { Sha256 = Versions.TemplateHash.OfBytes(bytes) };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(InputFileProblem.Unreadable, $"The {what} `{displayPath}` cannot be read: {ex.Message}", null);
        }
    }

    /// <summary>
    /// The path with every symbolic link in every component replaced by what it points to, and <c>.</c> and
    /// <c>..</c> applied where the system would apply them: after the link before them is followed, so
    /// <c>dirlink/../x</c> is <c>x</c> beside the link's target, not beside the link. Null when links go round
    /// in a loop. A confinement check on the result is a check on the file that will actually be read.
    /// </summary>
    public static string? RealPath(string path)
    {
        // Not Path.GetFullPath: it applies `..` to the text of the path, before any link is followed.
        var full = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>();
        PushComponents(pending, full[root.Length..]);
        var current = root;
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            var link = new FileInfo(next).LinkTarget;
            if (link is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            if (Path.IsPathRooted(link))
            {
                current = Path.GetPathRoot(link)!;
                link = link[current.Length..];
            }

            PushComponents(pending, link);
        }

        return current;
    }

    /// <summary>True when <paramref name="realPath"/> is inside (not equal to) the folder <paramref name="realFolder"/>.</summary>
    public static bool IsInside(string realPath, string realFolder) =>
        realPath.StartsWith(Path.TrimEndingDirectorySeparator(realFolder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static void PushComponents(Stack<string> pending, string relative)
    {
        var parts = relative.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private static bool IsSystemPath(string realPath) =>
        !OperatingSystem.IsWindows() && SystemFolders.Any(folder => realPath == folder || IsInside(realPath, folder));

    // Reads to the end or to one byte past the limit, whichever comes first; null when over the limit.
    private static byte[]? ReadBounded(Stream stream, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static InputFileText Decode(byte[] bytes, string displayPath, string what)
    {
        var (encoding, skip) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => ((Encoding)new UTF8Encoding(false, throwOnInvalidBytes: true), 3),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            _ => (new UTF8Encoding(false, throwOnInvalidBytes: true), 0),
        };

        try
        {
            return new InputFileText(encoding.GetString(bytes, skip, bytes.Length - skip), InputFileProblem.None, string.Empty, null);
        }
        catch (DecoderFallbackException)
        {
            var offset = skip + FirstInvalid(bytes, skip, encoding);
            var (line, column) = encoding is UTF8Encoding ? Position(bytes, skip, offset) : (0, 0);
            var at = line > 0 ? $"line {line}, column {column}" : $"byte {offset:N0}";
            return new InputFileText(null, InputFileProblem.NotText,
                $"The {what} `{displayPath}` is not UTF-8 text: what is at {at} is not a character.",
                "Save it as UTF-8 (most editors offer this under \"Save as\" or \"Encoding\"). A file that is not text cannot be read at all.",
                line, column);
        }
    }

    // The offset (after the byte-order mark) of the first byte the strict decoder refuses: for UTF-8 the start
    // of the broken sequence (a decoder would report the byte after it, where it noticed).
    private static int FirstInvalid(byte[] bytes, int skip, Encoding encoding)
    {
        if (encoding is UTF8Encoding)
        {
            for (var i = skip; i < bytes.Length;)
            {
                if (System.Text.Rune.DecodeFromUtf8(bytes.AsSpan(i), out _, out var consumed) != System.Buffers.OperationStatus.Done)
                {
                    return i - skip;
                }

                i += consumed;
            }

            return bytes.Length - skip;
        }

        var decoder = encoding.GetDecoder();
        var chars = new char[2];
        for (var i = skip; i < bytes.Length; i++)
        {
            try
            {
                decoder.GetChars(bytes, i, 1, chars, 0, flush: i == bytes.Length - 1);
            }
            catch (DecoderFallbackException)
            {
                return i - skip;
            }
        }

        return bytes.Length - skip;
    }

    // 1-based line and column (in characters) of a byte offset in UTF-8 text.
    private static (int Line, int Column) Position(byte[] bytes, int start, int offset)
    {
        var line = 1;
        var lineStart = start;
        for (var i = start; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = 1;
        for (var i = lineStart; i < offset && i < bytes.Length; i++)
        {
            // Count characters, not bytes: continuation bytes (10xxxxxx) do not start one.
            if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }

    private static InputFileText NotRegular(string displayPath, string what) =>
        Failed(InputFileProblem.NotRegular, $"`{displayPath}` is not a regular file (a device, a FIFO, a socket or a system file), so it is not read as a {what}.", $"Give the path of a {what} saved on disk.");

    private static InputFileText Failed(InputFileProblem problem, string message, string? suggestion) => new(null, problem, message, suggestion);
}
