using FormEngine.Renderers;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>Approved renders of the single assessment example (a disabled toddler), for review as a whole page.</summary>
public class HtmlSnapshotTests
{
    // ShowErrors: the form as it is shown again after a submit, so the approved render includes its error markup.
    private static readonly RenderOptions Base = new() { CaseReference = "CIN-204117", ProtectiveMarking = "OFFICIAL-SENSITIVE", ShowErrors = true };

    [TestCase("record-plain", OutputMode.Record, "plain")]
    [TestCase("record-govuk", OutputMode.Record, "govuk")]
    [TestCase("form-plain", OutputMode.Form, "plain")]
    [TestCase("form-govuk", OutputMode.Form, "govuk")]
    [TestCase("blank-plain", OutputMode.Blank, "plain")]
    [TestCase("blank-govuk", OutputMode.Blank, "govuk")]
    [TestCase("audit-plain", OutputMode.Audit, "plain")]
    [TestCase("audit-govuk", OutputMode.Audit, "govuk")]
    public void Example_renders_match_the_approved_files(string name, OutputMode mode, string theme)
    {
        // The GOV.UK pages link GOV.UK Frontend's CSS and JS as a host serves them, under a nonce.
        var options = theme == "govuk" ? Base with { Stylesheets = ["/assets/govuk-frontend.min.css"], Scripts = ["/assets/govuk-frontend.min.js"], Nonce = "cmVuZGVyLXRlc3Q" } : Base;
        var html = HtmlTestForms.Render(HtmlTestForms.Example(), options with { Mode = mode, Theme = theme, FormAction = "/assessments/204117" });
        HtmlTestForms.Parse(html);
        Approvals.Verify("Renderers/Html/Approved", name, ".html", html);
    }

    /// <summary>The English and Welsh assessment: a Welsh record, and Welsh-first bilingual documents.</summary>
    [TestCase("welsh-record-plain", OutputMode.Record, null)]
    [TestCase("bilingual-record-plain", OutputMode.Record, BilingualLayout.SideBySide)]
    [TestCase("bilingual-sequential-blank-plain", OutputMode.Blank, BilingualLayout.Sequential)]
    public void Welsh_and_bilingual_renders_match_the_approved_files(string name, OutputMode mode, BilingualLayout? layout)
    {
        var options = Base with { Mode = mode, SecondLanguage = layout is null ? null : HtmlTestForms.BilingualView("en"), BilingualLayout = layout ?? BilingualLayout.SideBySide };
        var html = HtmlTestForms.Render(HtmlTestForms.BilingualView("cy"), options);
        HtmlTestForms.AssertAccessible(HtmlTestForms.Parse(html));
        Approvals.Verify("Renderers/Html/Approved", name, ".html", html);
    }
}
