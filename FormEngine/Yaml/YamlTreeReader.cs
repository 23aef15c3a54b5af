using FormEngine.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FormEngine.Yaml;

/// <summary>
/// Reads one YAML document into a <see cref="YamlNode"/> tree from YamlDotNet's event stream.
/// The walk is iterative (an explicit stack), so a file nested 10,000 levels deep gets a diagnostic,
/// not a stack overflow. Aliases are refused: they are rarely needed in a template and are the means of
/// "billion laughs" attacks that explode in any later tree walk.
/// </summary>
internal static class YamlTreeReader
{
    public static YamlNode? Read(SourceFile file, YamlLimits limits, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(file.Text));
        var stack = new Stack<Builder>();
        YamlNode? root = null;
        var nodes = 0;
        var documents = 0;
        var lastMark = Mark.Empty;
        var errors = false; // problems reported while reading on, so that every one is found in one pass

        try
        {
            while (MoveNext(parser, lastMark))
            {
                var current = parser.Current!;
                lastMark = current.End;
                if (current is NodeEvent { Tag.IsEmpty: false } tagged)
                {
                    // A tag asks the reader to make the value into something else (`!!binary` bytes, `!evil` a
                    // type of the application's choosing). FormEngine reads every value as text by its key, so a
                    // tag would be silently ignored at best: refuse it where it is written.
                    diagnostics.Report(DiagnosticCatalogue.YamlSyntax, At(file, tagged.Start), $"YAML tags (`{TagText(file, tagged)}`) are not allowed in templates; FormEngine reads each value by its key.", "Remove the tag; put the value in quotes if it must stay text, e.g. '!important'.");
                    errors = true;
                }

                switch (current)
                {
                    case DocumentStart start when !start.IsImplicit || documents > 0:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Report(DiagnosticCatalogue.YamlSyntax, At(file, current.Start), "A template file holds one YAML document, but a second one starts here (`---`).", "Remove the `---` line or move the second document into its own file.");
                            return null;
                        }

                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case AnchorAlias alias:
                        diagnostics.Report(DiagnosticCatalogue.YamlAlias, At(file, alias.Start), $"YAML aliases (`*{alias.Value}`) are not allowed in templates.", "Write the content out again, or share it between templates with `include:`.");
                        return null;
                    case MappingStart or SequenceStart:
                        if (stack.Count >= limits.MaxDepth)
                        {
                            diagnostics.Report(DiagnosticCatalogue.TooDeep, At(file, current.Start), $"The template is nested more than {limits.MaxDepth} levels deep here.", "Templates never need this much nesting; check for runaway brackets or indentation.");
                            return null;
                        }

                        if (++nodes > limits.MaxNodes)
                        {
                            diagnostics.Report(DiagnosticCatalogue.TooLarge, At(file, current.Start), $"The template has more than {limits.MaxNodes:N0} YAML nodes.", "Split it into smaller files with `include:`.");
                            return null;
                        }

                        stack.Push(current is MappingStart ? new MapBuilder(current.Start) : new SequenceBuilder(current.Start));
                        break;
                    case MappingEnd or SequenceEnd:
                        var finished = stack.Pop().Build(file, current.End);
                        if (!Attach(stack, finished, file, diagnostics, ref root))
                        {
                            return null;
                        }

                        break;
                    case Scalar scalar:
                        if (++nodes > limits.MaxNodes)
                        {
                            diagnostics.Report(DiagnosticCatalogue.TooLarge, At(file, current.Start), $"The template has more than {limits.MaxNodes:N0} YAML nodes.", "Split it into smaller files with `include:`.");
                            return null;
                        }

                        var node = new YamlScalar(file, (int)scalar.Start.Index, (int)scalar.End.Index, (int)scalar.Start.Line, (int)scalar.Start.Column, scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any);
                        if (!Attach(stack, node, file, diagnostics, ref root))
                        {
                            return null;
                        }

                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            if (YamlErrorWording.Explain(file, ex) is var (at, message, suggestion))
            {
                diagnostics.Report(DiagnosticCatalogue.YamlSyntax, at, message, suggestion);
            }
            else
            {
                diagnostics.Report(DiagnosticCatalogue.YamlSyntax, At(file, ex.Start), $"This is not valid YAML: {Describe(ex)}", "Check the indentation and quotes on this line and the one before it.");
            }

            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input instead of raising a YamlException;
            // the last event it read is the best position there is.
            diagnostics.Report(DiagnosticCatalogue.YamlSyntax, At(file, lastMark), "This is not valid YAML: the text after this point cannot be read.", "Check for an unclosed `{` or `[`, or a missing quote, after this position.");
            return null;
        }

        return errors ? null : root;
    }

    // The tag as written (`!!binary`), not as YamlDotNet expands it (`tag:yaml.org,2002:binary`).
    private static string TagText(SourceFile file, NodeEvent tagged)
    {
        var start = (int)Math.Clamp(tagged.Start.Index, 0, file.Text.Length);
        var bang = file.Text.IndexOf('!', start);
        if (bang < 0 || bang > start + 200)
        {
            return tagged.Tag.Value;
        }

        var end = bang;
        while (end < file.Text.Length && !char.IsWhiteSpace(file.Text[end]) && file.Text[end] is not (',' or ']' or '}'))
        {
            end++;
        }

        return file.Text[bang..Math.Min(end, bang + 60)];
    }

    // YamlDotNet's parser lets an ArgumentException through for a tag that is not a valid URI (`!![`), where
    // every other syntax error is a YamlException; make it one, at the end of the last event read (the tag
    // itself has no position by then). Only the parser's own exceptions are converted, never FormEngine's.
    private static bool MoveNext(Parser parser, Mark lastMark)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (ArgumentException)
        {
            throw new YamlException(lastMark, lastMark, "a tag (`!...`) after this point is not a valid tag name or URI");
        }
    }

    private static bool Attach(Stack<Builder> stack, YamlNode node, SourceFile file, DiagnosticBag diagnostics, ref YamlNode? root)
    {
        if (stack.Count == 0)
        {
            root = node;
            return true;
        }

        return stack.Peek().Add(node, diagnostics);
    }

    private static SourceLocation At(SourceFile file, Mark mark) =>
        new(file.DisplayPath, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is already ours.
        var message = ex.InnerException?.Message ?? ex.Message;
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        message = marker >= 0 ? message[(marker + 3)..] : message;
        return message.TrimEnd('.') + ".";
    }

    private abstract class Builder(Mark start)
    {
        protected Mark Start { get; } = start;

        public abstract bool Add(YamlNode node, DiagnosticBag diagnostics);

        public abstract YamlNode Build(SourceFile file, Mark end);
    }

    private sealed class SequenceBuilder(Mark start) : Builder(start)
    {
        private readonly List<YamlNode> _items = [];

        public override bool Add(YamlNode node, DiagnosticBag diagnostics)
        {
            _items.Add(node);
            return true;
        }

        public override YamlNode Build(SourceFile file, Mark end) =>
            new YamlSequence(file, (int)Start.Index, (int)end.Index, (int)Start.Line, (int)Start.Column, _items);
    }

    private sealed class MapBuilder(Mark start) : Builder(start)
    {
        // Most blocks (a question, a choice) have a handful of keys, where looking back through them finds a
        // duplicate sooner than building a dictionary per block would; a long block gets the dictionary.
        private const int LinearSearchLimit = 16;

        private readonly List<KeyValuePair<YamlScalar, YamlNode>> _entries = [];
        private Dictionary<string, YamlScalar>? _seen;
        private YamlScalar? _pendingKey;

        public override bool Add(YamlNode node, DiagnosticBag diagnostics)
        {
            if (_pendingKey is null)
            {
                if (node is not YamlScalar key)
                {
                    diagnostics.Report(DiagnosticCatalogue.YamlSyntax, node.Location, "A key must be a simple name, not a list or a set of keys.", "Write the key as plain text followed by `:`.");
                    return false;
                }

                if (FirstWithKey(key.Value) is { } first)
                {
                    diagnostics.Report(DiagnosticCatalogue.DuplicateKey, key.Location, $"The key `{key.Value}` appears twice; the first is on line {first.Line}.", "Remove one of them: YAML keeps only one value per key.");
                }
                else
                {
                    _seen?.Add(key.Value, key);
                }

                _pendingKey = key;
                return true;
            }

            _entries.Add(new(_pendingKey, node));
            _pendingKey = null;
            return true;
        }

        private YamlScalar? FirstWithKey(string key)
        {
            if (_seen is null && _entries.Count >= LinearSearchLimit)
            {
                _seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
                foreach (var (earlier, _) in _entries)
                {
                    _seen.TryAdd(earlier.Value, earlier);
                }
            }

            if (_seen is not null)
            {
                return _seen.GetValueOrDefault(key);
            }

            foreach (var (earlier, _) in _entries)
            {
                if (string.Equals(earlier.Value, key, StringComparison.Ordinal))
                {
                    return earlier;
                }
            }

            return null;
        }

        public override YamlNode Build(SourceFile file, Mark end) =>
            new YamlMap(file, (int)Start.Index, (int)end.Index, (int)Start.Line, (int)Start.Column, _entries);
    }
}
