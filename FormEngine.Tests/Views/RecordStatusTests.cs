using System.Text;
using FormEngine.Renderers;
using FormEngine.Views;
using UglyToad.PdfPig;

namespace FormEngine.Tests.Views;

/// <summary>
/// A signed-off record says so, and lists each change made after sign-off with its reason, in HTML, PDF and text;
/// a reader is told only of the addenda that changed answers they may see.
/// </summary>
public class RecordStatusTests
{
    private static readonly RecordStatus Status = new()
    {
        SignOffs = [new SignOffNote(new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.Zero), "pat.manager", "team manager")],
        Addenda =
        [
            new AddendumNote(new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.Zero), "sam.worker", "Police check returned", ["family.partner_record"]),
            new AddendumNote(new DateTimeOffset(2026, 3, 8, 10, 0, 0, TimeSpan.Zero), "sam.worker", "Birth certificate seen", ["child.dob"]),
        ],
    };

    private static FormView View(string audience) =>
        FormViewBuilder.Build(TestTemplates.Open("""{"child": {"name": "Alex", "dob": "2017-03-12"}}""", ChronologyViewTests.Template), new ViewOptions { Audience = audience, Status = Status });

    [Test]
    public void A_reader_is_told_of_the_sign_off_and_only_of_addenda_that_changed_what_they_may_see()
    {
        var practitioner = View("practitioner").Status!;
        Assert.That(practitioner.SignedOff, Is.EqualTo(new[] { "Signed off by pat.manager, team manager, on 6 March 2026, 10:00" }));
        Assert.That(practitioner.Addenda.Select(a => (a.Reason, string.Join("|", a.Changed))), Is.EqualTo(new[]
        {
            ("Police check returned", "Does the partner have a police record?"),
            ("Birth certificate seen", "Date of birth"),
        }));

        var parent = View("parent").Status!;
        Assert.That(parent.SignedOff, Has.Count.EqualTo(1));
        Assert.That(parent.Addenda.Select(a => a.Reason), Is.EqualTo(new[] { "Birth certificate seen" }));
    }

    [Test]
    public void A_view_without_a_store_has_no_status()
    {
        Assert.That(FormViewBuilder.Build(TestTemplates.Open("{}", ChronologyViewTests.Template)).Status, Is.Null);
    }

    [TestCase("html", "plain")]
    [TestCase("html", "govuk")]
    [TestCase("text", "plain")]
    [TestCase("pdf", "plain")]
    public void Records_and_audits_say_who_signed_off_and_what_changed_after_but_forms_do_not(string format, string theme)
    {
        var view = View("parent");
        string Render(OutputMode mode)
        {
            using var output = new MemoryStream();
            FormRenderers.CreateDefault().Find(format)!.Render(view, new RenderOptions { Mode = mode, Theme = theme }, output);
            if (format != "pdf")
            {
                return Encoding.UTF8.GetString(output.ToArray());
            }

            using var pdf = PdfDocument.Open(output.ToArray());
            return string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        }

        foreach (var mode in new[] { OutputMode.Record, OutputMode.Audit })
        {
            var text = Render(mode);
            Assert.That(text, Does.Contain("Signed off by pat.manager, team manager, on 6 March 2026"), mode.ToString());
            Assert.That(text, Does.Contain("Birth certificate seen").And.Contain("Changes after sign-off"), mode.ToString());
            Assert.That(text, Does.Not.Contain("Police check"), mode.ToString());
        }

        Assert.That(Render(OutputMode.Form), Does.Not.Contain("Signed off by"));
    }
}
