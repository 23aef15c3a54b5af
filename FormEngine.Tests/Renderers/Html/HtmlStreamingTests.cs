using System.Text;
using System.Text.Json.Nodes;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>
/// The HTML renderer writes a record as it goes, a piece per element, instead of building the whole page as
/// one string (and copying it into each enclosing template): memory then follows what is being rendered,
/// not the size of the record. A 300,000-item record took 6 GB when the page was built whole.
/// </summary>
public class HtmlStreamingTests
{
    private const string Template = """
        id: chronology
        title: Chronology
        sections:
          - id: case
            title: Chronology
            questions:
              - id: entries
                type: repeat
                label: Entry
                questions:
                  - { id: when, type: date, label: Date }
                  - { id: what, type: text, label: What happened }
        """;

    [TestCase("plain", OutputMode.Record)]
    [TestCase("govuk", OutputMode.Record)]
    [TestCase("plain", OutputMode.Form)]
    [TestCase("govuk", OutputMode.Audit)]
    public void A_long_record_is_written_in_small_pieces(string theme, OutputMode mode)
    {
        var entries = new JsonArray();
        for (var i = 0; i < 5000; i++)
        {
            entries.Add(new JsonObject { ["when"] = "2026-01-01", ["what"] = $"Visit {i}" });
        }

        var view = FormViewBuilder.Build(TestTemplates.Open(new JsonObject { ["case"] = new JsonObject { ["entries"] = entries } }.ToJsonString(), Template));
        var writer = new LargestWrite();
        new HtmlRenderer().Render(view, new RenderOptions { Mode = mode, Theme = theme }, writer);

        Assert.That(writer.Total, Is.GreaterThan(500_000), "the whole record was written");
        Assert.That(writer.Largest, Is.LessThan(50_000), "no piece holds more than a little of the record");
        Assert.That(writer.Text.ToString(), Does.Contain("Visit 4999").And.EndWith("</html>\n"));
    }

    /// <summary>Remembers the largest single piece of text written to it.</summary>
    private sealed class LargestWrite : TextWriter
    {
        public StringBuilder Text { get; } = new();

        public int Largest { get; private set; }

        public long Total => Text.Length;

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Record(value.ToString());

        public override void Write(string? value) => Record(value ?? string.Empty);

        public override void Write(char[] buffer, int index, int count) => Record(new string(buffer, index, count));

        public override void Write(ReadOnlySpan<char> buffer) => Record(new string(buffer));

        private void Record(string piece)
        {
            Largest = Math.Max(Largest, piece.Length);
            Text.Append(piece);
        }
    }
}
