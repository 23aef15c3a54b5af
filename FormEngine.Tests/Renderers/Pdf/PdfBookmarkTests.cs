using FormEngine.Renderers;
using FormEngine.Templates;
using FormEngine.Views;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using static FormEngine.Tests.Renderers.Pdf.PdfTestHelpers;

namespace FormEngine.Tests.Renderers.Pdf;

/// <summary>The document outline: a bookmark per section (and per part of one), each jumping to its heading.</summary>
public sealed class PdfBookmarkTests
{
    [Test]
    public void A_blank_form_has_a_bookmark_for_every_section_in_order()
    {
        var view = Example();
        var pdf = Render(view, new RenderOptions { Mode = OutputMode.Blank });

        var roots = Bookmarks(pdf).Roots;

        Assert.That(roots.Select(r => r.Title), Is.EqualTo(view.Sections.Select(s => s.Label)));
    }

    [Test]
    public void Every_bookmark_jumps_to_the_page_and_height_where_its_heading_is_printed()
    {
        var pdf = Render(Example(), new RenderOptions { Mode = OutputMode.Blank });

        using var document = PdfDocument.Open(pdf);
        Assert.That(document.TryGetBookmarks(out var bookmarks), Is.True);
        var nodes = bookmarks!.GetNodes().Cast<DocumentBookmarkNode>().ToList();
        Assert.That(nodes, Has.Count.GreaterThan(10));
        Assert.That(nodes.Select(n => n.PageNumber).Distinct().Count(), Is.GreaterThan(5), "bookmarks reach across the document");
        foreach (var node in nodes)
        {
            var page = document.GetPage(node.PageNumber);
            var top = node.Destination.Coordinates.Top!.Value;
            // The heading's first word, printed just below where the viewer puts the top of the window.
            var first = node.Title.Split(' ')[0];
            var heading = page.GetWords().Where(w => w.Text == first && w.BoundingBox.Top <= top && w.BoundingBox.Top > top - 40).ToList();
            Assert.That(heading, Is.Not.Empty, $"\"{node.Title}\" on page {node.PageNumber} below {top}");
        }
    }

    [Test]
    public void A_record_lists_the_case_summary_with_its_parts_then_the_sections_with_their_repeat_groups()
    {
        var view = Example("siblings-neglect.json");
        var pdf = Render(view);

        var roots = Bookmarks(pdf).Roots;

        Assert.That(roots[0].Title, Is.EqualTo(view.Words.Summary));
        Assert.That(roots[0].Children.Select(c => c.Title), Does.Contain(view.Words.KeyFacts).And.Contain(view.Words.Flags));
        var repeats = view.Sections.Where(s => s.Visible).SelectMany(s => s.Questions.Where(q => q.Type == QuestionType.Repeat && q.Visible).Select(q => (Section: s.Label, Group: q.Label))).ToList();
        Assert.That(repeats, Is.Not.Empty, "the example has a repeat group");
        foreach (var (section, group) in repeats)
        {
            var node = roots.Single(r => r.Title == section);
            Assert.That(node.Children.Select(c => c.Title), Does.Contain(group), "the group sits under its section");
            Assert.That(node.Children.Single(c => c.Title == group).Children, Is.Empty, "its items are not bookmarked");
        }
    }

    [Test]
    public void A_side_by_side_document_names_each_bookmark_in_both_languages_main_first()
    {
        var welsh = PdfLanguageAndAudienceTests.View("cy");
        var english = PdfLanguageAndAudienceTests.View("en");
        var pdf = Render(welsh, new RenderOptions { SecondLanguage = english });

        var titles = Bookmarks(pdf).Roots.Select(r => r.Title).ToList();

        Assert.That(titles, Does.Contain("Am y plentyn / About the child"));
    }

    [Test]
    public void A_document_in_one_language_after_the_other_has_a_title_per_language_holding_its_sections()
    {
        var welsh = PdfLanguageAndAudienceTests.View("cy");
        var english = PdfLanguageAndAudienceTests.View("en");
        var pdf = Render(welsh, new RenderOptions { SecondLanguage = english, BilingualLayout = BilingualLayout.Sequential });

        var roots = Bookmarks(pdf).Roots;

        Assert.That(roots.Select(r => r.Title), Is.EqualTo(new[] { "Asesiad sengl", "Single assessment" }));
        Assert.That(roots[0].Children.Select(c => c.Title), Does.Contain("Am y plentyn"));
        Assert.That(roots[1].Children.Select(c => c.Title), Does.Contain("About the child"));
    }

    private static Bookmarks Bookmarks(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        Assert.That(document.TryGetBookmarks(out var bookmarks), Is.True, "the document has bookmarks");
        return bookmarks!;
    }
}
