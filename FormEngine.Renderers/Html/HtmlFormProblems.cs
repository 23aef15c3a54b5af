using System.Globalization;
using FormEngine.Templates;
using FormEngine.Views;

namespace FormEngine.Renderers.Html;

/// <summary>
/// What a form's fields say is wrong, and where: the messages under each field, which part of a GOV.UK date
/// is wrong, and the error summary's links, one per field in page order, each to the field's first input
/// (or the first part of a date that is wrong), as the GOV.UK error summary asks.
/// </summary>
internal static class HtmlFormProblems
{
    /// <summary>The messages shown with an element; none on a blank form, for a withheld element, or before the form is submitted.</summary>
    public static List<string> Messages(FormElement element, HtmlRenderContext context)
    {
        var mode = context.Options.Mode;
        // A form opened for the first time shows no errors (RenderOptions.ShowErrors): nothing has been asked yet.
        var errors = mode == OutputMode.Blank || element.Withheld || (mode == OutputMode.Form && !context.Options.ShowErrors) ? [] : element.Errors.ToList();
        // One message a field: an answer that could not be read is reported as that, not also as missing.
        if (mode == OutputMode.Form && context.Options.ShowErrors && element.Missing && !element.Withheld && errors.Count == 0)
        {
            // A view built by hand may leave the message out; FormViewBuilder always gives it.
            errors.Add(element.MissingMessage.Length > 0 ? element.MissingMessage : context.Words.AnswerThisQuestion);
        }

        return errors;
    }

    /// <summary>The error summary's entries: one per element with a message, in the order the page shows them.</summary>
    public static List<(string Message, string Href)> Summary(HtmlRenderContext context)
    {
        var problems = new List<(string, string)>();
        if (context.Options.Mode != OutputMode.Form || !context.Options.ShowErrors)
        {
            return problems;
        }

        foreach (var section in Included(context.Form.Sections))
        {
            Add(section, FirstInput(section, context));
            foreach (var question in Included(((SectionView)section).Questions).Cast<QuestionView>())
            {
                Add(question, FirstInput(question, context));
                foreach (var field in question.Items.SelectMany(item => Included(item.Questions)))
                {
                    Add(field, FirstInput(field, context));
                }
            }
        }

        return problems;

        void Add(FormElement element, string target)
        {
            if (Messages(element, context) is [var first, ..])
            {
                problems.Add((first, "#" + target));
            }
        }

        static IEnumerable<FormElement> Included(IEnumerable<FormElement> elements) =>
            elements.Where(e => HtmlModeRules.Includes(e, OutputMode.Form));
    }

    /// <summary>The id of the first input of an element on the form: a section's is its first question's.</summary>
    private static string FirstInput(FormElement element, HtmlRenderContext context)
    {
        var fieldId = HtmlText.FieldId(element.Path);
        return element switch
        {
            SectionView section => section.Questions.FirstOrDefault(q => HtmlModeRules.Includes(q, OutputMode.Form) && !q.Withheld && q.TakesAnswer) is { } first
                ? FirstInput(first, context)
                : fieldId,
            QuestionView { Type: QuestionType.Repeat } => AddButtonId(fieldId),
            QuestionView { Type: QuestionType.Date } date when context.Options.Theme == "govuk" =>
                fieldId + HtmlFormFields.DateSuffixes[Math.Max(0, Array.IndexOf(WrongDateParts(date, Messages(date, context).Count > 0), true))],
            _ => fieldId,
        };
    }

    /// <summary>The id of a repeat group's Add button.</summary>
    public static string AddButtonId(string fieldId) => fieldId + "-add";

    /// <summary>
    /// Which of a GOV.UK date's day, month and year are wrong when it has errors: the parts that are empty or
    /// impossible; all three when none is (the whole date breaks a rule) or all are empty.
    /// </summary>
    public static bool[] WrongDateParts(QuestionView question, bool hasErrors)
    {
        if (!hasErrors)
        {
            return [false, false, false];
        }

        var (day, month, year) = HtmlFormFields.DateParts(question.InputValue);
        var yearOk = year.Length == 4 && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 1;
        var monthOk = int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12;
        var most = yearOk && monthOk ? DateTime.DaysInMonth(int.Parse(year, CultureInfo.InvariantCulture), m) : 31;
        var dayOk = int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d >= 1 && d <= most;
        bool[] wrong = [!dayOk, !monthOk, !yearOk];
        return wrong.All(w => !w) ? [true, true, true] : wrong;
    }
}
