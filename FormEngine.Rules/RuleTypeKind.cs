namespace FormEngine.Rules;

/// <summary>The broad kind of a value in the rules language.</summary>
public enum RuleTypeKind
{
    /// <summary>Not known at compile time; compatible with every other type and suppresses cascaded errors.</summary>
    Any,

    /// <summary>The type of the <c>null</c> literal (nothing); compatible with every other type.</summary>
    Null,

    /// <summary>A yes/no value: <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A decimal number.</summary>
    Number,

    /// <summary>A piece of text, such as the code of a chosen option.</summary>
    Text,

    /// <summary>A calendar date without a time of day.</summary>
    Date,

    /// <summary>A list of values, such as the options ticked in a multiple-choice question.</summary>
    List,

    /// <summary>A repeat group: a set of items, each with the same questions.</summary>
    Group,
}
