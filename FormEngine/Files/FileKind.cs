using System.Runtime.InteropServices;

namespace FormEngine.Files;

/// <summary>What a path names, as far as reading it is concerned.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file: the only kind FormEngine reads.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A device, FIFO, socket or anything else that is neither a file nor a folder.</summary>
    Special,

    /// <summary>It exists, but this system cannot say what it is (see <see cref="FileKinds"/>).</summary>
    Unknown,
}

/// <summary>
/// Tells regular files from devices, FIFOs and sockets. .NET reports all of them alike (a length of 0,
/// attributes <c>Normal</c>), yet reading <c>/dev/zero</c> never ends and opening a FIFO waits for a writer
/// forever, so on Linux the kind comes from <c>statx</c>, whose buffer has one layout on every architecture.
/// Elsewhere only folders and missing paths are told apart, and callers fall back to refusing the system's
/// device and process folders by name.
/// </summary>
internal static class FileKinds
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const int EmptyPath = 0x1000; // AT_EMPTY_PATH: describe the open file itself
    private const uint TypeAndMode = 0x3; // STATX_TYPE | STATX_MODE
    private const int ModeOffset = 28; // offset of stx_mode in struct statx
    private const int TypeMask = 0xF000; // S_IFMT
    private const int RegularType = 0x8000; // S_IFREG
    private const int DirectoryType = 0x4000; // S_IFDIR

    private static bool _statxMissing = !OperatingSystem.IsLinux();

    /// <summary>The kind of file at <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (!_statxMissing)
        {
            var buffer = new byte[256];
            var result = TryStatx(CurrentDirectory, path, 0, buffer);
            if (result is { } code)
            {
                return code == 0 ? FromMode(buffer) : FileKind.Missing;
            }
        }

        return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Unknown : FileKind.Missing;
    }

    /// <summary>The kind of an open file (so a file swapped for a device after it was checked is still caught).</summary>
    public static FileKind Of(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (_statxMissing || handle.IsInvalid)
        {
            return FileKind.Unknown;
        }

        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var buffer = new byte[256];
            var result = TryStatx((int)handle.DangerousGetHandle(), string.Empty, EmptyPath, buffer);
            return result == 0 ? FromMode(buffer) : FileKind.Unknown;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    private static FileKind FromMode(byte[] buffer)
    {
        var mode = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
        return mode switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    // Null when statx is not available (an old C library, or not Linux): then the caller falls back.
    private static int? TryStatx(int directory, string path, int flags, byte[] buffer)
    {
        try
        {
            return Statx(directory, path, flags, TypeAndMode, buffer);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _statxMissing = true;
            return null;
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code enabled in the project.
    // On Unix a string is passed as UTF-8; the byte array is pinned, so statx fills it in place.
    [DllImport("libc", EntryPoint = "statx", CharSet = CharSet.Ansi, ExactSpelling = true)]
    private static extern int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
