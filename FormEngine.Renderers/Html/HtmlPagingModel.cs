using System.Globalization;
using FormEngine.Templates;
using FormEngine.Views;
using Scriban.Runtime;

namespace FormEngine.Renderers.Html;

/// <summary>
/// <c>paging</c> for templates: for a form shown one page at a time, the Back link, the button's words, and on
/// the check-your-answers page a row per answer with a Change link to its page. Null for a whole form.
/// </summary>
internal static class HtmlPagingModel
{
    public static ScriptObject? Create(HtmlRenderContext context)
    {
        var form = context.Form;
        if (form.Paging is not { Current: { } current } paging)
        {
            return null;
        }

        var words = context.Words;
        return new ScriptObject
        {
            ["current"] = current,
            ["count"] = paging.Pages.Count,
            ["back_href"] = paging.Previous is { } previous ? Link(context, previous) : null,
            ["check_answers"] = paging.IsCheckAnswers,
            ["heading"] = paging.IsCheckAnswers ? words.CheckAnswers : null,
            ["button"] = paging.IsCheckAnswers ? words.SaveAnswers : words.Continue,
            ["rows"] = paging.IsCheckAnswers ? Rows(context, paging) : new List<ScriptObject>(),
        };
    }

    private static string Link(HtmlRenderContext context, int page) =>
        string.Format(CultureInfo.InvariantCulture, context.Options.PageLinkFormat, page);

    /// <summary>Every answer the reader gave or could give, in page order; a repeat group's items each with their own rows.</summary>
    private static List<ScriptObject> Rows(HtmlRenderContext context, FormPaging paging)
    {
        var rows = new List<ScriptObject>();
        foreach (var section in context.Form.Sections.Where(s => ModeRules.Includes(s, OutputMode.Form)))
        {
            foreach (var question in section.Questions.Where(q => ModeRules.Includes(q, OutputMode.Form) && !q.Withheld && q.Type != QuestionType.Note))
            {
                var page = paging.PageOf(question.Path);
                if (question.Type != QuestionType.Repeat)
                {
                    rows.Add(Row(context, question.Path, question.DisplayLabel, question.DisplayValue, page, question.TakesAnswer));
                    continue;
                }

                rows.Add(Row(context, question.Path, question.DisplayLabel, question.Items.Count == 0 ? context.Words.NoneRecorded : question.Items.Count.ToString(CultureInfo.InvariantCulture), page, changeable: true));
                foreach (var item in question.Items)
                {
                    foreach (var field in item.Questions.Where(f => ModeRules.Includes(f, OutputMode.Form) && !f.Withheld && f.Type != QuestionType.Note))
                    {
                        rows.Add(Row(context, field.Path, $"{question.DisplayLabel} {item.Index + 1}: {field.DisplayLabel}", field.DisplayValue, page, field.TakesAnswer));
                    }
                }
            }
        }

        return rows;
    }

    private static ScriptObject Row(HtmlRenderContext context, string path, string label, string value, int? page, bool changeable) => new()
    {
        ["path"] = path,
        ["id"] = HtmlText.FieldId(path),
        ["label"] = label,
        ["value"] = value.Length > 0 ? value : context.Words.NotAnswered,
        ["answered"] = value.Length > 0,
        ["change_href"] = changeable && page is { } number ? Link(context, number) + "#" + HtmlText.FieldId(path) : null,
    };
}
