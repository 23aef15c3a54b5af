using FormEngine.Rules.Parsing;
using Superpower.Model;

namespace FormEngine.Rules.Tests;

/// <summary>The hand-written tokenizer: the token kinds it finds and the positions Superpower would give them.</summary>
public sealed class TokenizerTests
{
    [TestCase("child.age < 5 and child.disabled = 'yes'")]
    [TestCase("a\n  <> b\r\n\tor 'it\\'s' == \"x\\\\\" or c<=1.5 or d>=2. or -e*f/g+h")]
    [TestCase("'unclosed \\' text")]
    [TestCase("x = 'ends with a backslash\\")]
    [TestCase("android or ORDER or And or nOt In [TRUE, false, Null] or ı")]
    [TestCase("a ! b @ c # ; £ \u0663\u0664 _x1")]
    [TestCase("   ")]
    public void Scan_gives_the_tokens_and_positions_of_Superpowers_own_tokenizing(string source)
    {
        var scanned = RuleTokenizer.Scan(source).ToArray();
        var viaSuperpower = RuleTokenizer.Instance.TryTokenize(source);
        Assert.That(viaSuperpower.HasValue, Is.True);
        var expected = viaSuperpower.Value.ToArray();
        Assert.That(scanned.Select(Describe), Is.EqualTo(expected.Select(Describe)));

        // Lines and columns as Superpower counts them from the start of the text.
        foreach (var token in scanned)
        {
            var position = new TextSpan(source).Skip(token.Position.Absolute).Position;
            Assert.That((token.Position.Line, token.Position.Column), Is.EqualTo((position.Line, position.Column)), token.ToStringValue());
        }
    }

    [Test]
    public void Keywords_count_only_as_whole_names_in_any_case_and_stray_characters_are_unknown()
    {
        var kinds = RuleTokenizer.Scan("android AND 'a' 'b ! 12.5 3.x").Select(t => (t.Kind, t.ToStringValue())).ToArray();
        Assert.That(kinds, Is.EqualTo(new[]
        {
            (RuleToken.Identifier, "android"),
            (RuleToken.And, "AND"),
            (RuleToken.Text, "'a'"),
            (RuleToken.UnterminatedText, "'b ! 12.5 3.x"),
        }));
        Assert.That(RuleTokenizer.Scan("! 12.5 3.x").Select(t => (t.Kind, t.ToStringValue())), Is.EqualTo(new[]
        {
            (RuleToken.Unknown, "!"),
            (RuleToken.Number, "12.5"),
            (RuleToken.Number, "3"),
            (RuleToken.Dot, "."),
            (RuleToken.Identifier, "x"),
        }));
    }

    private static string Describe(Token<RuleToken> token) => $"{token.Kind} {token.Position.Absolute}+{token.Span.Length} {token.Position.Line}:{token.Position.Column}";
}
