using System.Text;

namespace FormEngine.Renderers;

/// <summary>How the text renderers write to a stream: UTF-8 without a byte-order mark, <c>\n</c> line ends on every platform, the stream left open.</summary>
internal static class TextOutput
{
    public static StreamWriter Writer(Stream output) =>
        new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { NewLine = "\n" };
}
