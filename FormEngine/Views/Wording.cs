using System.Globalization;
using FormEngine.Evaluation;
using FormEngine.Templates;

namespace FormEngine.Views;

/// <summary>
/// The words FormEngine itself writes (not the template's): headings, placeholders, dates, "Page 1 of 3",
/// in each language it knows. Renderers take their fixed words from here, so a Welsh record is Welsh
/// throughout. Unknown languages get English.
/// </summary>
/// <remarks>
/// Longer than most files on purpose: the English and Welsh tables sit side by side in one file so that a
/// translator sees every phrase and its counterpart together, and a missing one is a compile error.
/// </remarks>
public sealed partial class Wording
{
    private static readonly Wording English = new()
    {
        Language = "en",
        Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        Yes = "Yes",
        No = "No",
        SeverityNames = ["Information", "Concern", "Urgent"],
        NotAnswered = "Not answered",
        Flags = "Flags",
        Summary = "Case summary",
        KeyFacts = "Key facts",
        NoFlags = "No flags raised.",
        CarriedForwardHeading = "Carried forward from the previous assessment",
        ChangedHeading = "Changed since the previous assessment",
        NothingChanged = "No answers changed since the previous assessment.",
        Confirmed = "confirmed",
        NotYetConfirmed = "not yet confirmed",
        ChangedFrom = "was",
        NoPreviousAnswer = "no answer",
        ThereIsAProblem = "There is a problem",
        AnswerThisQuestion = "Answer this question.",
        CaseReference = "Case reference",
        Record = "Record",
        Form = "Form",
        BlankForm = "Blank form",
        AuditRecord = "Audit record (all questions, including those not applicable)",
        EarlierAnswers = "Answers from earlier versions",
        EarlierAnswersIntro = "These answers were given under an earlier version of this form. The current version no longer asks them this way, so they are kept here, exactly as given.",
        EarlierVersion = "Version",
        EarlierReason = "Why it is kept here",
        NotApplicable = "Not applicable",
        NotApplicableSuffix = "(not applicable)",
        Required = "(required)",
        Optional = "(optional)",
        SkipToMainContent = "Skip to main content",
        CharacterLimitFormat = "You can enter up to {0} characters",
        CharactersLeftFormat = "You have {0} characters remaining",
        OneCharacterLeft = "You have 1 character remaining",
        CharactersOverFormat = "You have {0} characters too many",
        OneCharacterOver = "You have 1 character too many",
        ChooseOne = "Choose one",
        CarriedForwardNote = "(carried forward from the previous assessment)",
        NoneRecorded = "None recorded.",
        Error = "Error",
        WorkedOut = "Worked out from other answers.",
        TickOne = "Tick one.",
        TickAll = "Tick all that apply.",
        Submit = "Save and continue",
        Continue = "Continue",
        Back = "Back",
        CheckAnswers = "Check your answers",
        SaveAnswers = "Save your answers",
        Change = "Change",
        PageFormat = "Page {0} of {1}",
        OnlyIfSectionFormat = "Answer this section only if {0}.",
        OnlyIfQuestionFormat = "Answer this question only if {0}.",
        OnlyIfNoteFormat = "This applies only if {0}.",
        NotApplicableBecauseFormat = "Not applicable: `{0}` ({1}) is false: {2}.",
        WithheldFormat = "Information withheld: {0}",
        LanguageName = LanguageNames.Own("en")!,
        DocumentLabel = "Document",
        DateLabel = "Date",
        Day = "Day",
        Month = "Month",
        Year = "Year",
        NumberRangeFormat = "A number from {0} to {1}.",
        NumberMinFormat = "A number of at least {0}.",
        NumberMaxFormat = "A number no more than {0}.",
        YouEnteredFormat = "You entered: {0}",
        CarriedTag = "Carried forward",
        CheckCarried = "Check this answer is still right.",
        NotWorkedOut = "Not worked out yet",
        NoQuestionsApply = "No questions apply.",
        NumberAtLeastFormat = LimitError.EnglishFormat(LimitKind.NumberAtLeast),
        NumberAtMostFormat = LimitError.EnglishFormat(LimitKind.NumberAtMost),
        ItemsAtLeastFormat = LimitError.EnglishFormat(LimitKind.ItemsAtLeast),
        ItemsAtMostFormat = LimitError.EnglishFormat(LimitKind.ItemsAtMost),
        WithheldTrace = "(withheld: the rule reads information this reader may not see)",
        AddItemFormat = "Add an item to {0}",
        RemoveItemFormat = "Remove {0}",
        SignatureName = "Name",
        SignatureRole = "Role",
        SignatureLine = "Signature",
        SignedFormat = "Confirmed by {0} on {1}",
        SignatureDateHint = "Leave the date empty to sign with today's date.",
    };

    private static readonly Wording Welsh = new()
    {
        Language = "cy",
        Months = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"],
        Yes = "Ie",
        No = "Na",
        SeverityNames = ["Gwybodaeth", "Pryder", "Brys"],
        NotAnswered = "Heb ei ateb",
        Flags = "Baneri",
        Summary = "Crynodeb o'r achos",
        KeyFacts = "Ffeithiau allweddol",
        NoFlags = "Dim baneri wedi'u codi.",
        CarriedForwardHeading = "Wedi'u cario ymlaen o'r asesiad blaenorol",
        ChangedHeading = "Wedi newid ers yr asesiad blaenorol",
        NothingChanged = "Does dim atebion wedi newid ers yr asesiad blaenorol.",
        Confirmed = "wedi'i gadarnhau",
        NotYetConfirmed = "heb ei gadarnhau eto",
        ChangedFrom = "roedd yn",
        NoPreviousAnswer = "dim ateb",
        ThereIsAProblem = "Mae problem",
        AnswerThisQuestion = "Atebwch y cwestiwn hwn.",
        CaseReference = "Cyfeirnod yr achos",
        Record = "Cofnod",
        Form = "Ffurflen",
        BlankForm = "Ffurflen wag",
        AuditRecord = "Cofnod archwilio (pob cwestiwn, gan gynnwys y rhai nad ydynt yn berthnasol)",
        EarlierAnswers = "Atebion o fersiynau cynharach",
        EarlierAnswersIntro = "Rhoddwyd yr atebion hyn o dan fersiwn gynharach o'r ffurflen hon. Nid yw'r fersiwn bresennol yn eu gofyn fel hyn mwyach, felly cânt eu cadw yma, yn union fel y'u rhoddwyd.",
        EarlierVersion = "Fersiwn",
        EarlierReason = "Pam y'i cedwir yma",
        NotApplicable = "Ddim yn berthnasol",
        NotApplicableSuffix = "(ddim yn berthnasol)",
        Required = "(gofynnol)",
        Optional = "(dewisol)",
        SkipToMainContent = "Neidio i'r prif gynnwys",
        CharacterLimitFormat = "Gallwch roi hyd at {0} nod",
        CharactersLeftFormat = "Mae gennych {0} nod yn weddill",
        OneCharacterLeft = "Mae gennych 1 nod yn weddill",
        CharactersOverFormat = "Mae gennych {0} nod yn ormod",
        OneCharacterOver = "Mae gennych 1 nod yn ormod",
        ChooseOne = "Dewiswch un",
        CarriedForwardNote = "(wedi'i gario ymlaen o'r asesiad blaenorol)",
        NoneRecorded = "Dim wedi'u cofnodi.",
        Error = "Gwall",
        WorkedOut = "Wedi'i gyfrifo o atebion eraill.",
        TickOne = "Ticiwch un.",
        TickAll = "Ticiwch bob un sy'n berthnasol.",
        Submit = "Cadw a pharhau",
        Continue = "Parhau",
        Back = "Yn ôl",
        CheckAnswers = "Gwirio eich atebion",
        SaveAnswers = "Cadw eich atebion",
        Change = "Newid",
        PageFormat = "Tudalen {0} o {1}",
        OnlyIfSectionFormat = "Atebwch yr adran hon dim ond os {0}.",
        OnlyIfQuestionFormat = "Atebwch y cwestiwn hwn dim ond os {0}.",
        OnlyIfNoteFormat = "Mae hyn yn berthnasol dim ond os {0}.",
        NotApplicableBecauseFormat = "Ddim yn berthnasol: mae `{0}` ({1}) yn anghywir: {2}.",
        WithheldFormat = "Gwybodaeth wedi'i hatal: {0}",
        LanguageName = LanguageNames.Own("cy")!,
        DocumentLabel = "Dogfen",
        DateLabel = "Dyddiad",
        Day = "Diwrnod",
        Month = "Mis",
        Year = "Blwyddyn",
        NumberRangeFormat = "Rhif o {0} i {1}.",
        NumberMinFormat = "Rhif o {0} o leiaf.",
        NumberMaxFormat = "Rhif heb fod yn fwy na {0}.",
        YouEnteredFormat = "Rydych wedi rhoi: {0}",
        CarriedTag = "Wedi'i gario ymlaen",
        CheckCarried = "Gwiriwch fod yr ateb hwn yn dal yn gywir.",
        NotWorkedOut = "Heb ei gyfrifo eto",
        NoQuestionsApply = "Does dim cwestiynau'n berthnasol.",
        NumberAtLeastFormat = "Rhowch rif sydd o leiaf {0}.",
        NumberAtMostFormat = "Rhowch rif sydd ddim yn fwy na {0}.",
        ItemsAtLeastFormat = "Ychwanegwch o leiaf {0} eitem.",
        ItemsAtMostFormat = "Ychwanegwch ddim mwy na {0} eitem.",
        WithheldTrace = "(wedi'i hatal: mae'r rheol yn darllen gwybodaeth na chaiff y darllenydd hwn ei gweld)",
        AddItemFormat = "Ychwanegu eitem at {0}",
        RemoveItemFormat = "Dileu {0}",
        SignatureName = "Enw",
        SignatureRole = "Rôl",
        SignatureLine = "Llofnod",
        SignedFormat = "Cadarnhawyd gan {0} ar {1}",
        SignatureDateHint = "Gadewch y dyddiad yn wag i lofnodi gyda dyddiad heddiw.",
    };

    private Wording()
    {
    }

    /// <summary>The language code these words are in.</summary>
    public required string Language { get; init; }

    /// <summary>Month names, January first.</summary>
    public required IReadOnlyList<string> Months { get; init; }

    /// <summary>"Yes".</summary>
    public required string Yes { get; init; }

    /// <summary>"No".</summary>
    public required string No { get; init; }

    /// <summary>Flag severity names: info, concern, urgent.</summary>
    public required IReadOnlyList<string> SeverityNames { get; init; }

    /// <summary>"Not answered".</summary>
    public required string NotAnswered { get; init; }

    /// <summary>"Flags".</summary>
    public required string Flags { get; init; }

    /// <summary>"Case summary".</summary>
    public required string Summary { get; init; }

    /// <summary>"Key facts".</summary>
    public required string KeyFacts { get; init; }

    /// <summary>"No flags raised."</summary>
    public required string NoFlags { get; init; }

    /// <summary>"Carried forward from the previous assessment".</summary>
    public required string CarriedForwardHeading { get; init; }

    /// <summary>"Changed since the previous assessment".</summary>
    public required string ChangedHeading { get; init; }

    /// <summary>"No answers changed since the previous assessment."</summary>
    public required string NothingChanged { get; init; }

    /// <summary>"confirmed".</summary>
    public required string Confirmed { get; init; }

    /// <summary>"not yet confirmed".</summary>
    public required string NotYetConfirmed { get; init; }

    /// <summary>"was" (as in "now X, was Y").</summary>
    public required string ChangedFrom { get; init; }

    /// <summary>"no answer".</summary>
    public required string NoPreviousAnswer { get; init; }

    /// <summary>"There is a problem".</summary>
    public required string ThereIsAProblem { get; init; }

    /// <summary>"Answer this question."</summary>
    public required string AnswerThisQuestion { get; init; }

    /// <summary>"Case reference".</summary>
    public required string CaseReference { get; init; }

    /// <summary>"Record".</summary>
    public required string Record { get; init; }

    /// <summary>"Form".</summary>
    public required string Form { get; init; }

    /// <summary>"Blank form".</summary>
    public required string BlankForm { get; init; }

    /// <summary>"Audit record (...)".</summary>
    public required string AuditRecord { get; init; }

    /// <summary>"Answers from earlier versions": the audit heading of answers archived when a record was migrated.</summary>
    public required string EarlierAnswers { get; init; }

    /// <summary>The sentence under that heading, saying what the answers are and that they are kept as given.</summary>
    public required string EarlierAnswersIntro { get; init; }

    /// <summary>"Version", before the version an earlier answer was given under.</summary>
    public required string EarlierVersion { get; init; }

    /// <summary>"Why it is kept here", before the reason an earlier answer was archived.</summary>
    public required string EarlierReason { get; init; }

    /// <summary>"Not applicable".</summary>
    public required string NotApplicable { get; init; }

    /// <summary>"(not applicable)".</summary>
    public required string NotApplicableSuffix { get; init; }

    /// <summary>"(required)".</summary>
    public required string Required { get; init; }

    /// <summary>"(optional)": the GOV.UK theme marks the questions that may be left unanswered, not those that must be answered.</summary>
    public required string Optional { get; init; }

    /// <summary>"Skip to main content": the link that lets keyboard users pass the page's header.</summary>
    public required string SkipToMainContent { get; init; }

    /// <summary>"You can enter up to {0} characters", {0} being the limit: shown under a text field with a length limit.</summary>
    public required string CharacterLimitFormat { get; init; }

    /// <summary>"You have {0} characters remaining": a character count as the reader types ({0} is the number).</summary>
    public required string CharactersLeftFormat { get; init; }

    /// <summary>"You have 1 character remaining".</summary>
    public required string OneCharacterLeft { get; init; }

    /// <summary>"You have {0} characters too many".</summary>
    public required string CharactersOverFormat { get; init; }

    /// <summary>"You have 1 character too many".</summary>
    public required string OneCharacterOver { get; init; }

    /// <summary>"Choose one": the empty first option of a drop-down list.</summary>
    public required string ChooseOne { get; init; }

    /// <summary>"(carried forward from the previous assessment)".</summary>
    public required string CarriedForwardNote { get; init; }

    /// <summary>"None recorded."</summary>
    public required string NoneRecorded { get; init; }

    /// <summary>"Error".</summary>
    public required string Error { get; init; }

    /// <summary>"Worked out from other answers."</summary>
    public required string WorkedOut { get; init; }

    /// <summary>"Tick one."</summary>
    public required string TickOne { get; init; }

    /// <summary>"Tick all that apply."</summary>
    public required string TickAll { get; init; }

    /// <summary>The form's submit button.</summary>
    public required string Submit { get; init; }

    /// <summary>"Continue": the button of a page of a form split into pages.</summary>
    public required string Continue { get; init; }

    /// <summary>"Back": the link to the page before.</summary>
    public required string Back { get; init; }

    /// <summary>"Check your answers": the heading of the page at the end of a form split into pages.</summary>
    public required string CheckAnswers { get; init; }

    /// <summary>"Save your answers": the button of the check-your-answers page.</summary>
    public required string SaveAnswers { get; init; }

    /// <summary>"Change": the link from an answer on the check-your-answers page to its page.</summary>
    public required string Change { get; init; }

    /// <summary>"Page {0} of {1}".</summary>
    public required string PageFormat { get; init; }

    /// <summary>"Answer this section only if {0}."</summary>
    public required string OnlyIfSectionFormat { get; init; }

    /// <summary>"Answer this question only if {0}."</summary>
    public required string OnlyIfQuestionFormat { get; init; }

    /// <summary>"This applies only if {0}.": a note is read, not answered.</summary>
    public required string OnlyIfNoteFormat { get; init; }

    /// <summary>
    /// The sentence a blank paper form prints with an element that is shown only sometimes, so whoever fills
    /// it in by hand follows the same routing as the form: for a section, a question, or a note (which is
    /// read, not answered).
    /// </summary>
    /// <param name="element">The section, question or note.</param>
    /// <param name="condition">Its show_if rule in words.</param>
    /// <returns>The sentence.</returns>
    public string OnlyIf(FormElement element, string condition) => Fill(
        element switch
        {
            SectionView => OnlyIfSectionFormat,
            QuestionView { Type: Templates.QuestionType.Note } => OnlyIfNoteFormat,
            _ => OnlyIfQuestionFormat,
        },
        condition);

    /// <summary>
    /// On paper, when to answer <paramref name="element"/>: "Answer this question only if …" from its own show_if,
    /// or null when it always applies. Every output that prints routing takes it from here.
    /// </summary>
    /// <param name="element">The section, question or note.</param>
    /// <returns>The sentence, or null.</returns>
    public string? PaperRouting(FormElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element.ShowIfDescription is { } condition ? OnlyIf(element, condition) : null;
    }

    /// <summary>
    /// Why a hidden element is not applicable, "Not applicable: `rule` (location) is false: trace.", for the element
    /// whose own rule hides it; null for others (what it contains inherits the reason) and for shown elements.
    /// </summary>
    /// <param name="element">The element.</param>
    /// <returns>The sentence, or null.</returns>
    public string? NotApplicableBecause(FormElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element.HiddenByOwnRule && element.HiddenBy is { } reason
            ? Fill(NotApplicableBecauseFormat, reason.Rule, reason.Location, reason.Trace)
            : null;
    }

    /// <summary>FormEngine's own message for an answer outside a limit, in these words ("Enter a number of at least 0.").</summary>
    /// <param name="error">The limit and which it is.</param>
    /// <returns>The message.</returns>
    internal string Limit(LimitError error) => Fill(
        error.Kind switch
        {
            LimitKind.NumberAtLeast => NumberAtLeastFormat,
            LimitKind.NumberAtMost => NumberAtMostFormat,
            LimitKind.ItemsAtLeast => ItemsAtLeastFormat,
            _ => ItemsAtMostFormat,
        },
        error.LimitText,
        error.Plural);

    /// <summary>"Not applicable: `{0}` ({1}) is false: {2}."</summary>
    public required string NotApplicableBecauseFormat { get; init; }

    /// <summary>"Information withheld: {0}".</summary>
    public required string WithheldFormat { get; init; }

    /// <summary>"Enter a number of at least {0}."</summary>
    public required string NumberAtLeastFormat { get; init; }

    /// <summary>"Enter a number no more than {0}."</summary>
    public required string NumberAtMostFormat { get; init; }

    /// <summary>"Add at least {0} item{1}." ({1} is the English plural ending, which other languages may ignore).</summary>
    public required string ItemsAtLeastFormat { get; init; }

    /// <summary>"Add no more than {0} item{1}."</summary>
    public required string ItemsAtMostFormat { get; init; }

    /// <summary>The language's own name ("English", "Cymraeg").</summary>
    public required string LanguageName { get; init; }

    /// <summary>"Document" (a header label).</summary>
    public required string DocumentLabel { get; init; }

    /// <summary>"Date" (a header label).</summary>
    public required string DateLabel { get; init; }

    /// <summary>"Name" (who gives a signature).</summary>
    public required string SignatureName { get; init; }

    /// <summary>"Role" (of who gives a signature).</summary>
    public required string SignatureRole { get; init; }

    /// <summary>"Signature" (the line to sign on paper).</summary>
    public required string SignatureLine { get; init; }

    /// <summary>"Leave the date empty to sign with today's date." (a signature's date field on screen).</summary>
    public required string SignatureDateHint { get; init; }

    /// <summary>"Confirmed by {0} on {1}": who gave a signature (name, and role where given) and the date.</summary>
    public required string SignedFormat { get; init; }

    /// <summary>"Day" (a date field).</summary>
    public required string Day { get; init; }

    /// <summary>"Month" (a date field).</summary>
    public required string Month { get; init; }

    /// <summary>"Year" (a date field).</summary>
    public required string Year { get; init; }

    /// <summary>"A number from {0} to {1}."</summary>
    public required string NumberRangeFormat { get; init; }

    /// <summary>"A number of at least {0}."</summary>
    public required string NumberMinFormat { get; init; }

    /// <summary>"A number no more than {0}."</summary>
    public required string NumberMaxFormat { get; init; }

    /// <summary>"You entered: {0}" (an answer that did not fit its question).</summary>
    public required string YouEnteredFormat { get; init; }

    /// <summary>"Carried forward" (a short tag).</summary>
    public required string CarriedTag { get; init; }

    /// <summary>"Check this answer is still right."</summary>
    public required string CheckCarried { get; init; }

    /// <summary>"Not worked out yet" (a calculation without its inputs).</summary>
    public required string NotWorkedOut { get; init; }

    /// <summary>"No questions apply."</summary>
    public required string NoQuestionsApply { get; init; }

    /// <summary>What replaces the trace of a rule that reads withheld information.</summary>
    public required string WithheldTrace { get; init; }

    /// <summary>"Add an item to {0}": the button under a repeat group in a form; {0} is the group's label.</summary>
    public required string AddItemFormat { get; init; }

    /// <summary>"Remove {0}": the button under each repeat item in a form; {0} is the item's title ("Household member 2").</summary>
    public required string RemoveItemFormat { get; init; }

    /// <summary>The wording for a language code or BCP 47 tag (<c>cy</c>, <c>cy-GB</c>); English for languages FormEngine does not know.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The wording.</returns>
    public static Wording For(string? language) =>
        language is not null && (language.Equals("cy", StringComparison.OrdinalIgnoreCase) || language.StartsWith("cy-", StringComparison.OrdinalIgnoreCase)) ? Welsh : English;

    /// <summary>The name of a flag severity in this language.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The name, e.g. "Urgent" or "Brys".</returns>
    public string Severity(Templates.FlagSeverity severity) => SeverityNames[(int)severity];

    /// <summary>A date as written in a record: <c>2 March 2017</c>, <c>2 Mawrth 2017</c>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public string Date(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Day} {Months[date.Month - 1]} {date.Year}");

    /// <summary>Fills a format such as <see cref="PageFormat"/>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="values">The values.</param>
    /// <returns>The text.</returns>
    public static string Fill(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
