using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>What a web host needs from the HTML renderer: fragments for its own layout, its hidden fields, a CSP nonce, asynchronous writes.</summary>
public class HtmlHostingTests
{
    private static readonly KeyValuePair<string, string> Token = new("__RequestVerificationToken", "tok\"en<&>");

    [TestCase("plain", OutputMode.Form)]
    [TestCase("govuk", OutputMode.Form)]
    [TestCase("plain", OutputMode.Record)]
    [TestCase("govuk", OutputMode.Record)]
    public void A_fragment_is_the_form_without_the_page_around_it(string theme, OutputMode mode)
    {
        var options = new RenderOptions { Mode = mode, Theme = theme, Fragment = true, ProtectiveMarking = "OFFICIAL-SENSITIVE" };
        var html = HtmlTestForms.Render(HtmlTestForms.Example(), options);
        var whole = HtmlTestForms.Render(HtmlTestForms.Example(), options with { Fragment = false });

        Assert.That(html, Does.Not.Contain("<!DOCTYPE").And.Not.Contain("<html").And.Not.Contain("<head>").And.Not.Contain("<body")
            .And.Not.Contain("<main").And.Not.Contain("<style"));
        var root = HtmlTestForms.Parse(html).Root!;
        Assert.That(root.Name.LocalName, Is.EqualTo("div"));
        Assert.That(root.HasClass("fe-fragment"), Is.True);
        Assert.That(root.Attr("lang"), Is.EqualTo("en-GB"));
        Assert.That(root.Descendants("h1").Count(), Is.EqualTo(1), "the form keeps its title");
        Assert.That(html, Does.Contain("OFFICIAL-SENSITIVE"), "the marking stays with the form");
        if (mode == OutputMode.Form)
        {
            Assert.That(root.Descendants("form").Count(), Is.EqualTo(1));
        }

        Assert.That(whole, Does.StartWith("<!DOCTYPE html>"));
    }

    [TestCase("plain")]
    [TestCase("govuk")]
    public void Hidden_fields_are_written_first_in_the_form_and_encoded(string theme)
    {
        var html = HtmlTestForms.Render(HtmlTestForms.Example(), new RenderOptions { Mode = OutputMode.Form, Theme = theme, HiddenFields = [Token] });
        var form = HtmlTestForms.Parse(html).Descendants("form").Single();
        var first = form.Elements().First();

        Assert.That(first.Name.LocalName, Is.EqualTo("input"));
        Assert.That(first.Attr("type"), Is.EqualTo("hidden"));
        Assert.That(first.Attr("name"), Is.EqualTo(Token.Key));
        Assert.That(first.Attr("value"), Is.EqualTo(Token.Value));
    }

    [Test]
    public void The_binder_does_not_report_the_hosts_hidden_fields_as_ignored()
    {
        var session = TestTemplates.Open();
        var options = new RenderOptions { Mode = OutputMode.Form, HiddenFields = [Token] };
        var post = FormPost.FromPairs([new(Token.Key, Token.Value), new("not.a.field", "x")]);

        var result = HtmlFormBinder.Bind(session, post, new ViewOptions(), options);

        Assert.That(result.Ignored, Is.EqualTo(new[] { "not.a.field" }));
        Assert.That(result.Changed, Is.Empty);
    }

    [Test]
    public void The_nonce_is_put_on_the_inline_stylesheet_and_nothing_else_is_inline()
    {
        var html = HtmlTestForms.Render(HtmlTestForms.Example(), new RenderOptions { Mode = OutputMode.Form, Nonce = "r4nd0m" });
        var document = HtmlTestForms.Parse(html);

        Assert.That(document.Descendants("style").Select(s => s.Attr("nonce")), Is.EqualTo(new[] { "r4nd0m" }));
        Assert.That(document.Descendants("script").Where(s => s.Attr("src") is null).Select(s => s.Attr("nonce")), Has.All.EqualTo("r4nd0m"));
        Assert.That(document.Descendants().Where(e => e.Attribute("style") is not null), Is.Empty, "no style attributes: a strict CSP refuses them");
        Assert.That(HtmlTestForms.Render(HtmlTestForms.Example(), new RenderOptions { Mode = OutputMode.Form }), Does.Not.Contain("nonce="));
    }

    [Test]
    public void The_theme_stylesheet_is_each_themes_own_css()
    {
        Assert.That(HtmlRenderer.ThemeStylesheet("plain"), Does.Contain(".fe-error-summary"));
        Assert.That(HtmlRenderer.ThemeStylesheet("govuk"), Does.Contain("additions to GOV.UK Frontend").And.Not.Contain(".fe-error-summary"));
        Assert.That(HtmlRenderer.ThemeStylesheet("nope"), Is.Null);
    }

    [TestCase("html")]
    [TestCase("pdf")]
    [TestCase("text")]
    public async Task Rendering_async_writes_the_same_bytes_to_a_stream_that_refuses_synchronous_writes(string format)
    {
        var renderer = FormRenderers.CreateDefault().Find(format)!;
        var options = new RenderOptions { Mode = OutputMode.Record };
        var view = HtmlTestForms.Example();
        using var expected = new MemoryStream();
        renderer.Render(view, options, expected);
        using var body = new AsyncOnlyStream();

        var written = await renderer.RenderAsync(view, options, body);

        Assert.That(body.ToArray(), Is.EqualTo(expected.ToArray()));
        Assert.That(written, Is.EqualTo(expected.Length));
        Assert.That(body.AsyncWrites, Is.EqualTo((expected.Length + 65535) / 65536), "one write per 64 KiB block");
    }

    [Test]
    public void Rendering_async_writes_nothing_when_the_render_fails()
    {
        using var body = new AsyncOnlyStream();
        var bad = new RenderOptions { Mode = OutputMode.Form, Theme = "no-such-theme" };

        Assert.ThrowsAsync<ArgumentException>(() => new HtmlRenderer().RenderAsync(HtmlTestForms.Example(), bad, body));
        Assert.That(body.ToArray(), Is.Empty);
    }

    /// <summary>Like ASP.NET Core's response body: synchronous writes and flushes throw.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _written = new();

        public int AsyncWrites { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written.Length;

        public override long Position { get => _written.Length; set => throw new NotSupportedException(); }

        public byte[] ToArray() => _written.ToArray();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void WriteByte(byte value) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            AsyncWrites++;
            _written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
