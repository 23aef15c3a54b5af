namespace FormEngine.Rules;

/// <summary>
/// The words a rule is described in for paper forms ("Answer this section only if ..."): one set per
/// language. Each phrase is a format whose <c>{0}</c>, <c>{1}</c>... are the parts it joins. Phrases
/// for a condition are worded to follow "if" in their language. These are the words of the operators;
/// each built-in function keeps its own words, in every language, beside its definition.
/// </summary>
public sealed class RulePhrases
{
    /// <summary>English.</summary>
    public static RulePhrases English { get; } = new("en")
    {
        And = "{0} and {1}", Or = "{0} or {1}", Not = "it is not the case that {0}", Negate = "minus {0}",
        IsNotAnswered = "{0} is not answered", IsAnswered = "{0} is answered",
        Is = "{0} is {1}", IsNot = "{0} is not {1}", Less = "{0} is less than {1}", AtMost = "{0} is at most {1}",
        More = "{0} is more than {1}", AtLeast = "{0} is at least {1}", OneOf = "{0} is one of {1}", Includes = "{1} includes {0}",
        NotOneOf = "{0} is not one of {1}", NotIncludes = "{1} does not include {0}",
        Plus = "{0} plus {1}", Minus = "{0} minus {1}", Times = "{0} times {1}", DividedBy = "{0} divided by {1}",
        NoOptions = "no options",
    };

    /// <summary>Welsh.</summary>
    public static RulePhrases Welsh { get; } = new("cy")
    {
        And = "{0} a {1}", Or = "{0} neu {1}", Not = "nad yw'n wir {0}", Negate = "minws {0}",
        IsNotAnswered = "nad yw {0} wedi'i ateb", IsAnswered = "yw {0} wedi'i ateb",
        Is = "yw {0} yn {1}", IsNot = "nad yw {0} yn {1}", Less = "yw {0} yn llai na {1}", AtMost = "yw {0} yn {1} neu lai",
        More = "yw {0} yn fwy na {1}", AtLeast = "yw {0} yn {1} neu fwy", OneOf = "yw {0} yn un o {1}", Includes = "yw {1} yn cynnwys {0}",
        NotOneOf = "nad yw {0} yn un o {1}", NotIncludes = "nad yw {1} yn cynnwys {0}",
        Plus = "{0} + {1}", Minus = "{0} − {1}", Times = "{0} × {1}", DividedBy = "{0} ÷ {1}",
        NoOptions = "dim dewisiadau",
    };

    private RulePhrases(string language)
    {
        Language = language;
    }

    /// <summary>Every set of phrases, one per language.</summary>
    internal static IReadOnlyList<RulePhrases> All { get; } = [English, Welsh];

    /// <summary>The language code (<c>en</c>, <c>cy</c>) under which each function keeps its words for this set.</summary>
    internal string Language { get; }

#pragma warning disable CS1591 // Each phrase is named for what it says; the English set above documents them.
    public required string And { get; init; }
    public required string Or { get; init; }
    public required string Not { get; init; }
    public required string Negate { get; init; }
    public required string IsNotAnswered { get; init; }
    public required string IsAnswered { get; init; }
    public required string Is { get; init; }
    public required string IsNot { get; init; }
    public required string Less { get; init; }
    public required string AtMost { get; init; }
    public required string More { get; init; }
    public required string AtLeast { get; init; }
    public required string OneOf { get; init; }
    public required string Includes { get; init; }
    public required string NotOneOf { get; init; }
    public required string NotIncludes { get; init; }
    public required string Plus { get; init; }
    public required string Minus { get; init; }
    public required string Times { get; init; }
    public required string DividedBy { get; init; }
    public required string NoOptions { get; init; }
#pragma warning restore CS1591

    /// <summary>The phrases for a language code or tag; English for languages without phrases of their own.</summary>
    /// <param name="language">e.g. <c>en</c>, <c>cy</c>, <c>cy-GB</c>.</param>
    /// <returns>The phrases.</returns>
    public static RulePhrases For(string? language) =>
        language is not null && (language.Equals("cy", StringComparison.OrdinalIgnoreCase) || language.StartsWith("cy-", StringComparison.OrdinalIgnoreCase)) ? Welsh : English;
}

/// <summary>How to describe a rule: its language, and how questions and choice values are named.</summary>
public sealed class RuleDescriptionOptions
{
    /// <summary>The words to use (default English).</summary>
    public RulePhrases Phrases { get; init; } = RulePhrases.English;

    /// <summary>A question's label in the reader's language and wording; when null or returning null, the symbol's own label.</summary>
    public Func<RuleSymbol, string?>? Label { get; init; }

    /// <summary>The label of a choice value of a question ("yes" → "Ie"); when null or returning null, the value itself.</summary>
    public Func<RuleSymbol, string, string?>? ChoiceLabel { get; init; }
}
