using FormEngine.Renderers;

namespace FormEngine.Tests.Renderers.Html;

public class HtmlSmokeTests
{
    [Test]
    public void Smoke()
    {
        foreach (var theme in new[] { "plain", "govuk" })
        {
            foreach (var mode in Enum.GetValues<RenderMode>())
            {
                var html = HtmlTestForms.Render(HtmlTestForms.Example(), new RenderOptions { Mode = mode, Theme = theme, CaseReference = "CIN-1", ProtectiveMarking = "OFFICIAL-SENSITIVE" });
                File.WriteAllText($"/tmp/fe-{theme}-{mode}.html", html);
                HtmlTestForms.Parse(html);
            }
        }
    }
}
