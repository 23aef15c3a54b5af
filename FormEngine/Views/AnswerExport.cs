using System.Text.Json.Nodes;
using FormEngine.Evaluation;

namespace FormEngine.Views;

/// <summary>Answers exported for one audience: shown questions only, nothing withheld from that audience.</summary>
public static class AnswerExport
{
    /// <summary>
    /// The answers of shown questions meant for the audience, leaving out every answer withheld from it by
    /// sensitivity (anything calculated from one, and anything shown only because of one), so an export
    /// to a family can never carry a third party's information.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="options">The audience and language.</param>
    /// <returns>A new answers document, with <c>$template</c> naming what made it.</returns>
    public static JsonObject ForAudience(FormSession session, ViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        var state = session.State;
        var context = new ViewContext(state, options);
        var export = SessionResults.ExportVisibleAnswers(state);
        var removedFrom = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in state.Plans)
        {
            if (context.IsForAudience(plan) && !context.IsWithheld(plan) && !context.VisibilityReadsWithheld(plan))
            {
                continue;
            }

            if (plan.IsSection)
            {
                export.Remove(plan.Node.Id);
            }
            else if (plan.Repeat is null)
            {
                if ((export[plan.Parent!.Node.Id] as JsonObject)?.Remove(plan.Node.Id) == true)
                {
                    removedFrom.Add(plan.Parent.Node.Id);
                }
            }
            else if ((export[plan.Repeat.Parent!.Node.Id] as JsonObject)?[plan.Repeat.Node.Id] is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    item.Remove(plan.Node.Id);
                }
            }
        }

        // A section left empty by the removals goes too: that it had answers at all is information about them.
        foreach (var section in removedFrom.Where(id => export[id] is JsonObject { Count: 0 }))
        {
            export.Remove(section);
        }

        return Versions.AnswersProvenance.Stamped(export, session.Template);
    }
}
