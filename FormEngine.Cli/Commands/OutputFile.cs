using FormEngine.Files;

namespace FormEngine.Cli.Commands;

/// <summary>Writing a command's output file: what may not be written is refused first, then the file appears in one step.</summary>
internal static class OutputFile
{
    /// <summary>
    /// The full path to write, after refusing what cannot or must not be written: an empty name, a folder that
    /// does not exist, a folder, a device or FIFO (moving a file over <c>/dev/null</c> would replace the device),
    /// and a symbolic link. A link is refused rather than replaced or written through: replacing it would
    /// quietly break whatever relies on it, and writing through it would put a child's record wherever the
    /// link points, which the person running the command may not know.
    /// </summary>
    public static string Check(string output, string extension)
    {
        if (string.IsNullOrWhiteSpace(output) || output.Contains('\0', StringComparison.Ordinal))
        {
            throw new UsageException($"`--out` needs a file name, e.g. `--out record{extension}`.");
        }

        var full = Path.GetFullPath(output);
        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
        {
            throw new OutputException($"Cannot write `{output}`: the folder `{directory}` does not exist.");
        }

        if (new FileInfo(full).LinkTarget is { } target)
        {
            throw new OutputException($"Cannot write `{output}`: it is a symbolic link (to `{target}`), and FormEngine neither replaces links nor writes through them. Remove the link, or give the path of the file itself.");
        }

        switch (FileKinds.Of(full))
        {
            case FileKind.Directory:
                throw new OutputException($"Cannot write `{output}`: it is a folder. Give a file name, e.g. `{Path.Combine(output, "record" + extension)}`.");
            case FileKind.Special:
                throw new OutputException($"Cannot write `{output}`: it is a device, FIFO or socket, not a file.");
        }

        return full;
    }

    public static void WriteAtomically(string output, string full, MemoryStream content)
    {
        var directory = Path.GetDirectoryName(full)!;
        // A random name, created only if nothing is there (O_EXCL, which also refuses a link planted under
        // the name), so the temporary file can never be someone else's file or a link to one.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var created = false;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                created = true;
                content.WriteTo(stream);
            }

            // A rename replaces the name, never what a link there points to; Check refused a link already.
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (created)
            {
                File.Delete(temporary);
            }

            throw new OutputException($"Cannot write `{output}`: {ex.Message}");
        }
    }

    /// <summary>Checks the path, then writes the bytes in one step.</summary>
    public static void Write(string output, string extension, byte[] content)
    {
        var full = Check(output, extension);
        using var buffer = new MemoryStream(content);
        WriteAtomically(output, full, buffer);
    }
}
