using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using UglyToad.PdfPig.Content;

namespace FormEngine.Tests.Renderers.Pdf;

/// <summary>
/// A PDF's tag tree read back in-process: each structure element's type (<c>/S</c>), its table scope and the text of
/// the marked content it holds (read with PdfPig), so tests can check the structure without poppler.
/// </summary>
internal sealed record PdfStructure(string Type, string? Scope, string Text, IReadOnlyList<PdfStructure> Children)
{
    public IEnumerable<PdfStructure> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));

    public override string ToString() => Outline(0);

    private string Outline(int depth) =>
        $"{new string(' ', depth * 2)}{Type}{(Scope is null ? string.Empty : $" /{Scope}")} \"{Text}\"\n" + string.Concat(Children.Select(c => c.Outline(depth + 1)));

    /// <summary>The tree under the document's root.</summary>
    public static PdfStructure Read(byte[] pdf)
    {
        var texts = MarkedTexts(pdf);
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        var pages = new Dictionary<PdfReference, int>();
        for (var i = 0; i < document.Pages.Count; i++)
        {
            pages[document.Pages[i].Reference!] = i + 1;
        }

        var root = document.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot")!;
        return Element(Resolve(root.Elements["/K"]) as PdfDictionary ?? throw new InvalidOperationException("no document element"), null, pages, texts);
    }

    private static PdfStructure Element(PdfDictionary element, int? inheritedPage, Dictionary<PdfReference, int> pages, Dictionary<(int, int), string> texts)
    {
        var page = element.Elements.GetReference("/Pg") is { } pg ? pages[pg] : inheritedPage;
        var children = new List<PdfStructure>();
        var text = new StringBuilder();
        var kids = Resolve(element.Elements["/K"]);
        foreach (var kid in kids is PdfArray array ? array.Elements.Select(Resolve) : kids is null ? [] : [kids])
        {
            switch (kid)
            {
                case PdfInteger mcid when page is { } p:
                    text.Append(texts.GetValueOrDefault((p, mcid.Value)));
                    break;
                case PdfDictionary reference when reference.Elements.GetName("/Type") == "/MCR":
                    text.Append(texts.GetValueOrDefault((reference.Elements.GetReference("/Pg") is { } rp ? pages[rp] : page ?? 0, reference.Elements.GetInteger("/MCID"))));
                    break;
                case PdfDictionary child:
                    var structure = Element(child, page, pages, texts);
                    children.Add(structure);
                    text.Append(structure.Text);
                    break;
            }
        }

        var attributes = Resolve(element.Elements["/A"]) as PdfDictionary;
        var scope = attributes?.Elements.GetName("/Scope") is { Length: > 1 } s ? s[1..] : null;
        return new PdfStructure(element.Elements.GetName("/S")[1..], scope, text.ToString().Trim(), children);
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;

    /// <summary>The text of each marked-content sequence with an MCID, by page number and MCID.</summary>
    private static Dictionary<(int, int), string> MarkedTexts(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var texts = new Dictionary<(int, int), string>();
        foreach (var page in document.GetPages())
        {
            foreach (var content in Flatten(page.GetMarkedContents()).Where(c => c.MarkedContentIdentifier >= 0))
            {
                texts[(page.Number, content.MarkedContentIdentifier)] = string.Concat(content.Letters.Select(l => l.Value));
            }
        }

        return texts;
    }

    private static IEnumerable<MarkedContentElement> Flatten(IEnumerable<MarkedContentElement> contents) =>
        contents.SelectMany(c => Flatten(c.Children).Prepend(c));
}
