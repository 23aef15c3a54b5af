namespace FormEngine.Diagnostics;

/// <summary>
/// Every template (<c>FET....</c>) and answers (<c>FEA....</c>) diagnostic, with its default severity, so
/// that no call site decides how serious a problem is. The codes themselves are the public, stable
/// <see cref="DiagnosticCodes"/>; the table in <c>docs/authoring.md</c> lists the same codes, and a test
/// keeps the two in step.
/// </summary>
internal static class DiagnosticCatalogue
{
    public static readonly DiagnosticDescriptor YamlSyntax = new(DiagnosticCodes.YamlSyntax, "The file is not valid YAML.");
    public static readonly DiagnosticDescriptor YamlAlias = new(DiagnosticCodes.YamlAlias, "A YAML alias (`*name`) was used; templates do not allow them.");
    public static readonly DiagnosticDescriptor TooDeep = new(DiagnosticCodes.TooDeep, "The file is nested, or its includes go, deeper than the loader allows.");
    public static readonly DiagnosticDescriptor TooLarge = new(DiagnosticCodes.TooLarge, "The file is larger (bytes or nodes) than the loader allows.");
    public static readonly DiagnosticDescriptor DuplicateKey = new(DiagnosticCodes.DuplicateKey, "A key appears twice in the same block.");
    public static readonly DiagnosticDescriptor UnknownKey = new(DiagnosticCodes.UnknownKey, "A key the template format does not know.");
    public static readonly DiagnosticDescriptor MissingKey = new(DiagnosticCodes.MissingKey, "A key the template format needs is missing.");
    public static readonly DiagnosticDescriptor WrongShape = new(DiagnosticCodes.WrongShape, "A value has the wrong shape: a list where a single value belongs, and so on.");
    public static readonly DiagnosticDescriptor InvalidId = new(DiagnosticCodes.InvalidId, "An id is not lower_snake_case.");
    public static readonly DiagnosticDescriptor DuplicateId = new(DiagnosticCodes.DuplicateId, "Two sections, questions, choice lists or flags share an id.");
    public static readonly DiagnosticDescriptor UnknownQuestionType = new(DiagnosticCodes.UnknownQuestionType, "A question type the template format does not know.");
    public static readonly DiagnosticDescriptor UnknownChoiceList = new(DiagnosticCodes.UnknownChoiceList, "A question names a choice list that does not exist.");
    public static readonly DiagnosticDescriptor InvalidValue = new(DiagnosticCodes.InvalidValue, "A value is not allowed here (a number that is not a number, a negative item count, ...).");
    public static readonly DiagnosticDescriptor FileNotFound = new(DiagnosticCodes.FileNotFound, "A template or included file does not exist or cannot be read.");
    public static readonly DiagnosticDescriptor IncludeOutsideRoot = new(DiagnosticCodes.IncludeOutsideRoot, "An include points outside the template's root folder.");
    public static readonly DiagnosticDescriptor IncludeCycle = new(DiagnosticCodes.IncludeCycle, "Files include each other in a loop.");
    public static readonly DiagnosticDescriptor DependencyCycle = new(DiagnosticCodes.DependencyCycle, "Rules depend on each other in a loop.");
    public static readonly DiagnosticDescriptor KeyNotForType = new(DiagnosticCodes.KeyNotForType, "A key that does not apply to this question type.");
    public static readonly DiagnosticDescriptor NestedRepeat = new(DiagnosticCodes.NestedRepeat, "A repeat group inside another repeat group (not supported yet).");
    public static readonly DiagnosticDescriptor BadChoices = new(DiagnosticCodes.BadChoices, "A choice list with no choices, a choice value listed twice, or a `choice_labels` entry for a value the question does not offer.");
    public static readonly DiagnosticDescriptor CarryForwardInRepeat = new(DiagnosticCodes.CarryForwardInRepeat, "`carry_forward` on a question inside a repeat group, where it has no effect on its own.", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor NotAChoice = new(DiagnosticCodes.NotAChoice, "A rule compares a choice question with text that is not one of its choices, so that comparison never holds.", DiagnosticSeverity.Warning) { AlwaysShown = true };
    public static readonly DiagnosticDescriptor MissingTranslation = new(DiagnosticCodes.MissingTranslation, "A text has no wording in one of the template's declared languages; the default language is shown instead.", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnknownLanguageOrAudience = new(DiagnosticCodes.UnknownLanguageOrAudience, "A text, node or sensitivity level names a language, audience or level the template does not declare.");
    public static readonly DiagnosticDescriptor DependsOnWithheld = new(DiagnosticCodes.DependsOnWithheld, "Information not marked confidential depends, through a rule, on information withheld from some readers, so it is withheld from them too.", DiagnosticSeverity.Warning) { AlwaysShown = true };
    // A record is read with a published version only when every byte of it is what was published.
    public static readonly DiagnosticDescriptor CatalogueDamaged = new(DiagnosticCodes.CatalogueDamaged, "A published version in a catalogue cannot be trusted: its manifest is missing or invalid, or a file does not match the hash recorded when it was published.");
    public static readonly DiagnosticDescriptor PublishRefused = new(DiagnosticCodes.PublishRefused, "A version cannot be published: it exists already with other content, is not higher than the latest published, or changes what stored answers mean without a migration.");
    public static readonly DiagnosticDescriptor NotInCatalogue = new(DiagnosticCodes.NotInCatalogue, "A catalogue has no such template or version.");
    public static readonly DiagnosticDescriptor BadMigrationStep = new(DiagnosticCodes.BadMigrationStep, "A migration step names a path that does not exist, renames onto an existing question, maps a choice to a value the new list lacks, or has a `set` rule that does not type-check.");
    public static readonly DiagnosticDescriptor BadMigrationChain = new(DiagnosticCodes.BadMigrationChain, "A migration starts from a version that is not earlier than this one, is given twice, or was never published.");
    public static readonly DiagnosticDescriptor UnknownQuestionSet = new(DiagnosticCodes.UnknownQuestionSet, "A `use:` names a question set that does not exist.");
    public static readonly DiagnosticDescriptor QuestionSetCycle = new(DiagnosticCodes.QuestionSetCycle, "Question sets use each other in a loop.");
    public static readonly DiagnosticDescriptor AnswersNotJson = new(DiagnosticCodes.AnswersNotJson, "The answers file cannot be read: not valid JSON or UTF-8, a key given twice, half a surrogate pair, or not an ordinary file.");

    // An answer that does not fit is kept as given and reported, never refused: a practitioner's words are not lost to a template change.
    public static readonly DiagnosticDescriptor AnswerWrongType = new(DiagnosticCodes.AnswerWrongType, "An answer does not fit its question's type.", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor AnswerUnrecognised = new(DiagnosticCodes.AnswerUnrecognised, "An answer for a question the template does not have; it is kept, not dropped.", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor AnswerNotAChoice = new(DiagnosticCodes.AnswerNotAChoice, "An answer to a choice question that is not one of its choices.", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor FormNotReadable = new(DiagnosticCodes.FormNotReadable, "A posted form body cannot be read: a broken `%` escape, bytes that are not UTF-8, or not an ordinary file.");

    // A field the page does not have is never applied (it may name an answer the reader may not see), but saying so helps whoever built the post.
    public static readonly DiagnosticDescriptor FormFieldIgnored = new(DiagnosticCodes.FormFieldIgnored, "A posted form field that is not on the page: a question hidden, withheld from the reader or not in the template, or a name FormEngine's forms never write. It is ignored.", DiagnosticSeverity.Warning);

    // Read with another version, answers could sit under questions that now mean something else; they are refused, never guessed at.
    public static readonly DiagnosticDescriptor AnswersForAnotherVersion = new(DiagnosticCodes.AnswersForAnotherVersion, "The answers name another template or version than the one reading them, or their `$template` cannot be read.");

    // Read anyway with the published files (the only ones kept), but said, so a records manager can look into it.
    public static readonly DiagnosticDescriptor AnswersFromOtherFiles = new(DiagnosticCodes.AnswersFromOtherFiles, "The answers name a published version but record another hash: they were made with different files under that version number.", DiagnosticSeverity.Warning) { AlwaysShown = true };

    /// <summary>True for a diagnostic of a kind that is never summarised or hidden (see <see cref="DiagnosticDescriptor.AlwaysShown"/>).</summary>
    public static bool IsAlwaysShown(Diagnostic diagnostic) => AlwaysShownCodes.Contains(diagnostic.Code);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        YamlSyntax, YamlAlias, TooDeep, TooLarge, DuplicateKey, UnknownKey, MissingKey, WrongShape, InvalidId,
        DuplicateId, UnknownQuestionType, UnknownChoiceList, InvalidValue, FileNotFound, IncludeOutsideRoot,
        IncludeCycle, DependencyCycle, KeyNotForType, NestedRepeat, BadChoices, CarryForwardInRepeat, NotAChoice,
        MissingTranslation, UnknownLanguageOrAudience, DependsOnWithheld, CatalogueDamaged, PublishRefused, NotInCatalogue, BadMigrationStep, BadMigrationChain, UnknownQuestionSet, QuestionSetCycle, AnswersNotJson, AnswerWrongType, AnswerUnrecognised,
        AnswerNotAChoice, FormNotReadable, FormFieldIgnored, AnswersForAnotherVersion, AnswersFromOtherFiles,
    ];

    private static readonly HashSet<string> AlwaysShownCodes = [.. All.Where(d => d.AlwaysShown).Select(d => d.Code)];
}
