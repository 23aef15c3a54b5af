namespace FormEngine.Templates;

/// <summary>The kinds of question a template can ask.</summary>
public enum QuestionType
{
    /// <summary>A short line of text.</summary>
    Text,

    /// <summary>A longer, multi-line text.</summary>
    TextArea,

    /// <summary>A decimal number, optionally bounded by <c>min</c> and <c>max</c>.</summary>
    Number,

    /// <summary>A calendar date, written <c>YYYY-MM-DD</c> in answers.</summary>
    Date,

    /// <summary>Yes or no, answered <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>One value from a choice list.</summary>
    Choice,

    /// <summary>Any number of values from a choice list.</summary>
    MultiChoice,

    /// <summary>A group of questions answered once per item (household members, previous addresses, ...).</summary>
    Repeat,

    /// <summary>A value computed by a rule; never typed in.</summary>
    Calculated,

    /// <summary>Guidance text with no answer.</summary>
    Note,

    /// <summary>
    /// A signature: who confirmed the record (name and role) and when, answered as an object with <c>name</c>,
    /// <c>role</c> and <c>date</c>. Rules read the date it was given. On paper, lines to write the name and role,
    /// a signature line and a date.
    /// </summary>
    Signature,
}
