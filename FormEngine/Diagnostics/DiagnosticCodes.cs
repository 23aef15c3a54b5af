namespace FormEngine.Diagnostics;

/// <summary>
/// Every diagnostic code FormEngine reports about templates and answers. Codes are stable: tools and
/// council documentation may refer to them. Rule errors keep the rules language's own codes (<c>FER....</c>).
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file is not valid YAML.</summary>
    public const string YamlSyntax = "FET0001";

    /// <summary>A YAML alias (<c>*name</c>) was used; templates do not allow them.</summary>
    public const string YamlAlias = "FET0002";

    /// <summary>The file is nested deeper than the loader allows.</summary>
    public const string TooDeep = "FET0003";

    /// <summary>The file is larger (bytes or nodes) than the loader allows.</summary>
    public const string TooLarge = "FET0004";

    /// <summary>A key appears twice in the same block.</summary>
    public const string DuplicateKey = "FET0005";

    /// <summary>A key the template format does not know.</summary>
    public const string UnknownKey = "FET0006";

    /// <summary>A key the template format needs is missing.</summary>
    public const string MissingKey = "FET0007";

    /// <summary>A value has the wrong shape: a list where a single value belongs, and so on.</summary>
    public const string WrongShape = "FET0008";

    /// <summary>An id is not lower_snake_case.</summary>
    public const string InvalidId = "FET0009";

    /// <summary>Two sections, questions, choice lists or flags share an id.</summary>
    public const string DuplicateId = "FET0010";

    /// <summary>A question type the template format does not know.</summary>
    public const string UnknownQuestionType = "FET0011";

    /// <summary>A question names a choice list that does not exist.</summary>
    public const string UnknownChoiceList = "FET0012";

    /// <summary>A value is not allowed here (a number that is not a number, a negative item count, ...).</summary>
    public const string InvalidValue = "FET0013";

    /// <summary>A template or included file does not exist or cannot be read.</summary>
    public const string FileNotFound = "FET0014";

    /// <summary>An include points outside the template's root folder.</summary>
    public const string IncludeOutsideRoot = "FET0015";

    /// <summary>Files include each other in a loop.</summary>
    public const string IncludeCycle = "FET0016";

    /// <summary>Rules depend on each other in a loop.</summary>
    public const string DependencyCycle = "FET0017";

    /// <summary>A key that does not apply to this question type.</summary>
    public const string KeyNotForType = "FET0018";

    /// <summary>A repeat group inside another repeat group (not supported yet).</summary>
    public const string NestedRepeat = "FET0019";

    /// <summary>A choice list with no choices, or a choice value listed twice.</summary>
    public const string BadChoices = "FET0020";

    /// <summary><c>carry_forward</c> on a question inside a repeat group, where it has no effect on its own.</summary>
    public const string CarryForwardInRepeat = "FET0021";

    /// <summary>A rule compares a choice question with text that is not one of its choices, so that comparison never holds.</summary>
    public const string NotAChoice = "FET0022";

    /// <summary>A text has no wording in one of the template's declared languages; the default language is shown instead.</summary>
    public const string MissingTranslation = "FET0023";

    /// <summary>A text, node or sensitivity level names a language, audience or level the template does not declare.</summary>
    public const string UnknownLanguageOrAudience = "FET0024";

    /// <summary>Information not marked confidential depends, through a rule, on information withheld from some readers, so it is withheld from them too.</summary>
    public const string DependsOnWithheld = "FET0025";

    /// <summary>A published version in a catalogue cannot be trusted: its manifest is missing or invalid, or a file does not match the hash recorded when it was published.</summary>
    public const string CatalogueDamaged = "FET0026";

    /// <summary>A version cannot be published: it exists already with other content, is not higher than the latest published, or changes what stored answers mean without a migration.</summary>
    public const string PublishRefused = "FET0027";

    /// <summary>A catalogue has no such template or version.</summary>
    public const string NotInCatalogue = "FET0028";

    /// <summary>A migration step names a path that does not exist, renames onto an existing question, maps a choice to a value the new list lacks, or has a <c>set</c> rule that does not type-check.</summary>
    public const string BadMigrationStep = "FET0029";

    /// <summary>A migration starts from a version that is not earlier than this one, is given twice, or was never published.</summary>
    public const string BadMigrationChain = "FET0030";

    /// <summary>A <c>use:</c> names a question set that does not exist.</summary>
    public const string UnknownQuestionSet = "FET0031";

    /// <summary>Question sets use each other in a loop.</summary>
    public const string QuestionSetCycle = "FET0032";

    /// <summary>The answers file is not valid JSON.</summary>
    public const string AnswersNotJson = "FEA0001";

    /// <summary>An answer does not fit its question's type.</summary>
    public const string AnswerWrongType = "FEA0002";

    /// <summary>An answer for a question the template does not have; it is kept, not dropped.</summary>
    public const string AnswerUnrecognised = "FEA0003";

    /// <summary>An answer to a choice question that is not one of its choices.</summary>
    public const string AnswerNotAChoice = "FEA0004";

    /// <summary>A posted form body cannot be read: a broken <c>%</c> escape, bytes that are not UTF-8, or not an ordinary file.</summary>
    public const string FormNotReadable = "FEA0005";

    /// <summary>A posted form field that is not on the page; it is ignored.</summary>
    public const string FormFieldIgnored = "FEA0006";

    /// <summary>The answers name another template or version than the one reading them (<c>$template</c>), or their <c>$template</c> cannot be read.</summary>
    public const string AnswersForAnotherVersion = "FEA0007";

    /// <summary>The answers name a published version but record another hash: they were made with different files under that version number.</summary>
    public const string AnswersFromOtherFiles = "FEA0008";
}
