using System.Globalization;
using System.Text;
using FormEngine.Renderers.Pdf;
using FormEngine.Renderers.Pdf.Layout;
using FormEngine.Views;
using PdfSharp.Drawing;

namespace FormEngine.Tests.Renderers.Pdf;

/// <summary>
/// Line breaking for PDF. A word longer than a line (a pasted link, a run of characters, a hostile answer)
/// is broken inside; the work must grow with its length, not with its square: measured by the characters
/// passed to the measuring context, never by a clock.
/// </summary>
public class TextWrapperTests
{
    private const double LineWidth = 400;

    [TestCase(200_000)]
    [TestCase(3_000_000)]
    public void An_unbroken_word_is_broken_into_full_lines_with_work_in_proportion_to_its_length(int length)
    {
        var word = Word(length);
        using var measure = MeasureContext();
        var wrapper = new TextWrapper(measure);
        var font = Font();

        var lines = wrapper.Wrap(word, font, LineWidth);

        Assert.That(string.Concat(lines), Is.EqualTo(word), "every character, in order, none added");
        Assert.That(lines.Select(line => line.EndsInsideWord), Is.EqualTo(lines.Select((_, i) => i < lines.Count - 1)), "every line but the last ends inside the word");
        Assert.That(lines.Count, Is.GreaterThan(length / 200), "lines of about a line's width");
        var widest = lines.Max(line => measure.MeasureString(line.Text, font).Width);
        Assert.That(widest, Is.LessThanOrEqualTo(LineWidth), "no line is wider than the width");
        var narrowest = lines.Take(lines.Count - 1).Min(line => measure.MeasureString(line.Text, font).Width);
        Assert.That(narrowest, Is.GreaterThan(LineWidth - 15), "each line but the last is full");
        // Each character is measured about once in its line's piece, and each distinct character once alone.
        Assert.That(wrapper.MeasuredCharacters, Is.LessThanOrEqualTo(3L * length));
    }

    [Test]
    public void A_long_word_after_words_on_the_line_starts_on_the_next_line_and_the_words_keep_their_lines()
    {
        using var measure = MeasureContext();
        var wrapper = new TextWrapper(measure);
        var word = Word(5_000);

        var lines = wrapper.Wrap("The link was " + word + " and then the text goes on", Font(), LineWidth);

        Assert.That(lines[0].Text, Is.EqualTo("The link was"));
        Assert.That(string.Concat(lines.Skip(1).Take(lines.Count - 2)) + lines[^1].Text.Split(' ')[0], Is.EqualTo(word));
        Assert.That(lines[^1].Text, Does.EndWith(" and then the text goes on"));
        Assert.That(lines[0].EndsInsideWord, Is.False, "the line before the long word ends at a space");
        Assert.That(lines.Skip(1).Take(lines.Count - 2).Select(line => line.EndsInsideWord), Is.All.True, "the long word's pieces end inside it");
        Assert.That(lines[^1].EndsInsideWord, Is.False);
    }

    [Test]
    public void A_long_word_is_never_broken_inside_a_character_or_between_a_letter_and_its_accent()
    {
        using var measure = MeasureContext();
        var wrapper = new TextWrapper(measure);
        var word = string.Concat(Enumerable.Repeat("e\u0301\U0001F600ŵ", 3_000));

        var lines = wrapper.Wrap(word, Font(), LineWidth);

        Assert.That(string.Concat(lines), Is.EqualTo(word));
        foreach (var line in lines.Select(l => l.Text))
        {
            Assert.That(char.IsLowSurrogate(line[0]) || CharUnicodeInfo.GetUnicodeCategory(line[0]) == UnicodeCategory.NonSpacingMark, Is.False, $"a line starts inside a character: U+{(int)line[0]:X4}");
            Assert.That(char.IsHighSurrogate(line[^1]), Is.False, "a line ends inside a character");
        }
    }

    [Test]
    public void Words_that_fit_wrap_at_spaces_as_before()
    {
        using var measure = MeasureContext();
        var wrapper = new TextWrapper(measure);
        var text = string.Join(' ', Enumerable.Repeat("household", 60));

        var lines = wrapper.Wrap(text, Font(), LineWidth, firstLineIndent: 100);

        Assert.That(string.Join(' ', lines), Is.EqualTo(text));
        Assert.That(lines.SelectMany(line => line.Text.Split(' ')), Is.All.EqualTo("household"), "no word is broken");
        Assert.That(lines.Select(line => line.EndsInsideWord), Is.All.False, "every break is at a space");
        Assert.That(measure.MeasureString(lines[0].Text, Font()).Width, Is.LessThanOrEqualTo(LineWidth - 100), "the first line leaves room for its prefix");
    }

    [Test]
    public void A_record_with_a_200000_character_word_renders_every_character()
    {
        // Capital letters only, which no heading, label or page footer of this record is made of alone.
        var word = string.Concat(Enumerable.Repeat("ABCDEFGHIJKLMNOPQRSTUVWXY", 8_000));
        var answers = new System.Text.Json.Nodes.JsonObject { ["child"] = new System.Text.Json.Nodes.JsonObject { ["name"] = word } };
        var view = FormViewBuilder.Build(TestTemplates.Open(answers.ToJsonString()));

        var text = PdfTestHelpers.AllText(PdfTestHelpers.Render(view));

        var pieces = text.Split(' ').Where(piece => piece.Length > 0 && piece.All(c => c is >= 'A' and <= 'Y'));
        Assert.That(string.Concat(pieces) == word, Is.True, "the word's lines, put back together, are the whole word");
    }

    // Distinct, checkable characters: "a0000b0001c0002..." with no spaces.
    private static string Word(int length)
    {
        var text = new StringBuilder(length + 8);
        for (var i = 0; text.Length < length; i++)
        {
            text.Append((char)('a' + (i % 26))).Append((i % 10_000).ToString("D4", CultureInfo.InvariantCulture));
        }

        return text.ToString(0, length);
    }

    private static XGraphics MeasureContext()
    {
        PdfFontResolver.EnsureInstalled();
        return XGraphics.CreateMeasureContext(new XSize(595, 842), XGraphicsUnit.Point, XPageDirection.Downwards, new PdfSharp.Events.RenderEvents());
    }

    private static XFont Font() => new(PdfFontResolver.FamilyName, 10);
}
