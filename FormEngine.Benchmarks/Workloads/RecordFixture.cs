using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Views;

namespace FormEngine.Benchmarks.Workloads;

/// <summary>The 300-question completed record the rendering benchmarks draw, and the renderers they use.</summary>
public sealed class RecordFixture
{
    private static readonly FormRenderers Renderers = FormRenderers.CreateDefault();

    public RecordFixture()
    {
        var generated = GeneratedTemplate.Record;
        Session = FormSession.Open(generated.Load(), generated.Answers, new FormSessionOptions { Today = RuleCases.Today });
        Html = Renderers.Find("html") ?? throw new InvalidOperationException("No html renderer.");
        Pdf = Renderers.Find("pdf") ?? throw new InvalidOperationException("No pdf renderer.");
        Options = new RenderOptions { Mode = OutputMode.Record, DocumentDate = RuleCases.Today, CaseReference = "CIN-2026-0042" };
    }

    public FormSession Session { get; }

    public IFormRenderer Html { get; }

    public IFormRenderer Pdf { get; }

    public RenderOptions Options { get; }

    /// <summary>Builds the view from the session and renders it, as a host does for each download.</summary>
    public long Render(IFormRenderer renderer, MemoryStream output)
    {
        output.SetLength(0);
        renderer.Render(FormViewBuilder.Build(Session), Options, output);
        return output.Length;
    }

    /// <summary>The record as HTML text, which Chromium prints in the peer benchmarks.</summary>
    public string RenderHtmlText()
    {
        using var output = new MemoryStream();
        Render(Html, output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}
