using System.Text;
using Scriban.Runtime;

namespace FormEngine.Renderers.Html;

/// <summary>
/// A Scriban output that writes straight through to a <see cref="TextWriter"/>. Unlike Scriban's own
/// <see cref="TextWriterOutput"/>, it does not hand the writer's whole text back when Scriban asks for the
/// rendered string at the end of each template (a copy per element of everything written so far).
/// </summary>
internal sealed class WriterOutput(TextWriter writer) : IScriptOutput
{
    public void Write(string text, int offset, int count) => writer.Write(text.AsSpan(offset, count));

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>Nothing: the text has gone to the writer.</summary>
    public override string ToString() => string.Empty;
}

/// <summary>
/// A <see cref="TextWriter"/> that writes into a Scriban output, so an element rendered by <c>render</c> lands
/// in the calling template's output at the point of the call (inside a <c>capture</c>, in the captured text).
/// </summary>
internal sealed class ScriptOutputWriter : TextWriter
{
    private readonly IScriptOutput output;

    public ScriptOutputWriter(IScriptOutput output)
    {
        this.output = output;
        CoreNewLine = ['\n'];
    }

    /// <summary>The output written into; a template rendered here writes to it directly rather than through this writer.</summary>
    public IScriptOutput Output => output;

    public override Encoding Encoding => Encoding.Unicode;

    public override void Write(char value) => output.Write(value.ToString(), 0, 1);

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            output.Write(value, 0, value.Length);
        }
    }

    public override void Write(char[] buffer, int index, int count) => output.Write(new string(buffer, index, count), 0, count);

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));
}
