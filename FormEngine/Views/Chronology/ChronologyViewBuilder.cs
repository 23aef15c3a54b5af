using System.Text.Json;
using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Evaluation;

namespace FormEngine.Views;

/// <summary>
/// Turns a case's chronology entries (from a records store) into what one reader may see. Each record is read
/// through its own template, exactly as a form's view of it would be: a key fact withheld from the reader, a flag
/// never raised for them, or an addendum that changed something withheld from them is left out, not replaced by a
/// placeholder, since even that it happened would tell them something. Answers the template does not describe
/// (an unknown template, a path it no longer has) are shown only to a reader from whom the template keeps nothing.
/// </summary>
public static class ChronologyViewBuilder
{
    /// <summary>Builds the chronology a reader sees.</summary>
    /// <param name="caseId">The case's reference.</param>
    /// <param name="entries">The case's chronology entries, in any order.</param>
    /// <param name="templateOf">The template each record was made with, by record id; null when the host no longer has it.</param>
    /// <param name="options">The reader, language, time zone and date.</param>
    /// <returns>The view, oldest first.</returns>
    public static ChronologyView Build(string caseId, IEnumerable<ChronologyEntry> entries, Func<string, FormTemplate?> templateOf, ChronologyViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(templateOf);
        ArgumentNullException.ThrowIfNull(options);
        var language = options.Language ?? "en";
        var words = Wording.For(language);
        // One reader per template, not per record: a case's records are mostly made with the same few versions.
        var byRecord = new Dictionary<string, RecordReader?>(StringComparer.Ordinal);
        var byTemplate = new Dictionary<FormTemplate, RecordReader?>(ReferenceEqualityComparer.Instance);
        var rows = new List<ChronologyRow>();
        foreach (var entry in entries.OrderBy(e => e.At))
        {
            if (!byRecord.TryGetValue(entry.RecordId, out var reader))
            {
                var template = templateOf(entry.RecordId);
                if (template is null || !byTemplate.TryGetValue(template, out reader))
                {
                    reader = RecordReader.For(template, options.Audience, language);
                    if (template is not null)
                    {
                        byTemplate[template] = reader;
                    }
                }

                byRecord[entry.RecordId] = reader;
            }

            if (reader?.Row(entry, words, words.Moment(entry.At, options.TimeZone)) is { } row)
            {
                rows.Add(row);
            }
        }

        return new ChronologyView { CaseId = caseId, Audience = options.Audience, Language = words.Language, Today = options.Today, Rows = rows };
    }

    /// <summary>How one record's entries read for the reader: through its template, or, without one, only for a reader with no audience.</summary>
    private sealed class RecordReader
    {
        private readonly ReaderContext? _context;
        private readonly string? _title;

        private RecordReader(ReaderContext? context, string? title)
        {
            _context = context;
            _title = title;
        }

        /// <summary>The reader of a record, or null when the reader may not read it at all.</summary>
        public static RecordReader? For(FormTemplate? template, string? audience, string language)
        {
            if (template is null)
            {
                // Nothing says who may see this record's answers: only a reader named by no audience is told of them.
                return audience is null ? new RecordReader(null, null) : null;
            }

            if (audience is not null && !template.Definition.Audiences.Contains(audience))
            {
                return null;
            }

            var context = new ReaderContext(template, new ViewOptions { Audience = audience, Language = language });
            return new RecordReader(context, context.Text(template.Definition.TitleText, template.Title) is { Length: > 0 } title ? title : template.Id);
        }

        private bool SeesEverything => _context?.SeesEverything ?? true;

        public ChronologyRow? Row(ChronologyEntry entry, Wording words, string when)
        {
            var chronology = words.Chronology;
            var record = _title ?? entry.RecordKind;
            ChronologyRow Make(string what, string subject, string value = "", string previous = "") =>
                new(entry.At, entry.Kind, when, record, what, subject, value, previous, entry.By);

            return entry.Kind switch
            {
                ChronologyEntryKind.RecordOpened => Make(chronology.RecordOpened, _title ?? entry.Detail ?? string.Empty),
                ChronologyEntryKind.SignedOff => Make(chronology.SignedOff, entry.Detail is { Length: > 0 } role ? Wording.Fill(chronology.RoleFormat, role) : string.Empty),
                ChronologyEntryKind.Addendum => (entry.ChangedPaths ?? []).All(MaySee) ? Make(chronology.Addendum, entry.Detail ?? string.Empty) : null,
                ChronologyEntryKind.KeyFact => KeyFact(entry, chronology, Make),
                ChronologyEntryKind.FlagRaised => Flag(entry, chronology.FlagRaised, Make),
                ChronologyEntryKind.FlagCleared => Flag(entry, chronology.FlagCleared, Make),
                _ => null,
            };
        }

        private ChronologyRow? KeyFact(ChronologyEntry entry, ChronologyWording chronology, Func<string, string, string, string, ChronologyRow> make)
        {
            if (entry.Path is not { } path || !MaySee(path))
            {
                return null;
            }

            var what = entry.OldJson is null ? chronology.KeyFactRecorded : entry.NewJson is null ? chronology.KeyFactRemoved : chronology.KeyFactChanged;
            var plan = PlanAt(path);
            var subject = _context?.LabelAt(path) ?? path;
            // A whole repeat item (or section) is named, never printed: its stored value holds every answer inside it.
            return plan is not null && (plan.Question is null || plan.IsRepeat)
                ? make(what, subject, string.Empty, string.Empty)
                : make(what, subject, Value(plan, entry.NewJson), Value(plan, entry.OldJson));
        }

        private ChronologyRow? Flag(ChronologyEntry entry, string what, Func<string, string, string, string, ChronologyRow> make)
        {
            var id = entry.Detail ?? string.Empty;
            var flag = _context?.Template.Bound.Flags.FirstOrDefault(f => f.Flag.Id == id);
            if (flag is null)
            {
                return SeesEverything ? make(what, id, string.Empty, string.Empty) : null;
            }

            return _context!.IsFlagWithheld(flag) ? null : make(what, _context.Text(flag.Flag.MessageText, flag.Flag.Message), string.Empty, string.Empty);
        }

        private bool MaySee(string path) => _context?.MaySeeAnswerAt(path) ?? SeesEverything;

        private NodePlan? PlanAt(string path) => _context?.PlanAt(path);

        /// <summary>A stored value as people read it: through the question where it still fits one, else as it was stored.</summary>
        private string Value(NodePlan? plan, string? json)
        {
            if (json is null)
            {
                return string.Empty;
            }

            JsonNode? node;
            try
            {
                node = JsonNode.Parse(json);
            }
            catch (JsonException)
            {
                return json;
            }

            if (plan?.Question is { } question && AnswerConverter.Read(question, node) is { Error: null, Value: var value } && !value.IsNull)
            {
                return _context!.Format(question, value);
            }

            return node is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : node?.ToJsonString() ?? string.Empty;
        }
    }
}
