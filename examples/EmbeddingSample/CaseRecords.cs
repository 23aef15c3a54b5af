using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FormEngine;
using FormEngine.AspNetCore;
using FormEngine.Evaluation;
using FormEngine.Records;
using FormEngine.Records.PostgreSql;
using FormEngine.Records.Sqlite;
using Microsoft.Data.Sqlite;

namespace EmbeddingSample;

/// <summary>
/// A case's assessment as it stands: the record, its template, the latest revision and its answers, and the answers of
/// the assessment it follows in the case (null for a first assessment), for "what changed since the previous assessment".
/// </summary>
public sealed record OpenCase(RecordInfo Record, FormTemplate Template, int Revision, JsonObject Answers, JsonObject? Previous = null)
{
    /// <summary>A session on these answers (or on others of the same case, such as a post applied to them).</summary>
    public FormSession Session(JsonObject? answers = null) => CaseRecords.Session(Template, answers ?? Answers, Previous);
}

/// <summary>The sample's cases, each one assessment record in FormEngine's records store.</summary>
public sealed class CaseRecords(IRecordStore store, IFormTemplates templates)
{
    /// <summary>The record kind every case in the sample holds.</summary>
    public const string Kind = "assessment";

    /// <summary>The store.</summary>
    public IRecordStore Store => store;

    /// <summary>The templates a case can be started on.</summary>
    public IFormTemplates Templates => templates;

    /// <summary>
    /// Opens the store that configuration names: <c>Records:Provider</c> is <c>sqlite</c> (the default) or
    /// <c>postgresql</c>, and <c>ConnectionStrings:Records</c> says where (for SQLite, <c>Data Source=FILE</c>;
    /// by default <c>data/records.db</c> under the application's folder).
    /// </summary>
    public static async Task<IRecordStore> OpenStoreAsync(IConfiguration configuration, string contentRoot, ILogger logger)
    {
        var provider = configuration["Records:Provider"] ?? "sqlite";
        var connection = configuration.GetConnectionString("Records");
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                var file = Path.GetFullPath(SqliteFile(connection ?? "Data Source=data/records.db"), contentRoot);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                logger.LogInformation("Case records are kept in the SQLite file {File}", file);
                return await SqliteRecordStore.OpenAsync(file);
            case "postgresql":
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new InvalidOperationException("Records:Provider is postgresql, so ConnectionStrings:Records must say where, e.g. --ConnectionStrings:Records \"Host=127.0.0.1;Database=records;Username=formengine\".");
                }

                logger.LogInformation("Case records are kept in PostgreSQL");
                return await PostgreSqlRecordStore.OpenAsync(connection);
            default:
                throw new InvalidOperationException($"Records:Provider is `{provider}`; it must be sqlite or postgresql.");
        }
    }

    private static string SqliteFile(string connection)
    {
        try
        {
            return new SqliteConnectionStringBuilder(connection).DataSource is { Length: > 0 } file ? file
                : throw new InvalidOperationException($"ConnectionStrings:Records `{connection}` names no file; write it as \"Data Source=FILE\".");
        }
        catch (ArgumentException error)
        {
            throw new InvalidOperationException($"ConnectionStrings:Records `{connection}` is not a SQLite connection string ({error.Message}); write it as \"Data Source=FILE\".", error);
        }
    }

    /// <summary>Starts a case on a template; null when no template has that id.</summary>
    public async Task<RecordInfo?> CreateAsync(string templateId, string? reference, string author, CancellationToken cancellationToken)
    {
        if (templates.Find(templateId) is not { } template)
        {
            return null;
        }

        var id = Guid.NewGuid().ToString("N");
        var caseId = string.IsNullOrWhiteSpace(reference) ? $"CASE-{id[..8].ToUpperInvariant()}" : reference.Trim();
        return await store.CreateRecordAsync(new NewRecord(caseId, Kind, TemplateOf(template), author, id), cancellationToken);
    }

    /// <summary>The case's assessment and its latest answers; null when there is no such record or its template is not loaded.</summary>
    public async Task<OpenCase?> OpenAsync(string recordId, CancellationToken cancellationToken)
    {
        try
        {
            var record = await store.GetRecordAsync(recordId, cancellationToken);
            if (templates.Find(record.Template.Id) is not { } template)
            {
                return null;
            }

            var current = await store.GetCurrentAsync(recordId, cancellationToken: cancellationToken);
            // The sample keeps one version of each template; a host with a catalogue migrates earlier answers instead.
            var previous = await store.GetPreviousAnswersAsync(recordId, cancellationToken: cancellationToken);
            var comparable = previous is not null && previous.Template.Id == record.Template.Id && previous.Template.Version == record.Template.Version;
            return new OpenCase(record, template, current.Revision, current.Answers, comparable ? previous!.Answers : null);
        }
        catch (RecordStoreException error) when (error.Error == RecordStoreError.NotFound)
        {
            return null;
        }
    }

    /// <summary>Every case's assessment, by case reference.</summary>
    public async Task<IReadOnlyList<RecordInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var records = new List<RecordInfo>();
        foreach (var caseId in await store.GetCaseIdsAsync(cancellationToken))
        {
            records.AddRange((await store.GetCaseRecordsAsync(caseId, cancellationToken)).Where(r => r.Kind == Kind));
        }

        return records;
    }

    /// <summary>A session on a case's answers. "Today" is the host's decision, not the library's.</summary>
    public static FormSession Session(FormTemplate template, JsonObject answers, JsonObject? previous = null) =>
        FormSession.Open(template, answers.DeepClone().AsObject(), new FormSessionOptions { Today = DateOnly.FromDateTime(DateTime.Today), PreviousAnswers = previous?.DeepClone().AsObject() });

    /// <summary>The template a record names, when the sample has that version of it; null otherwise (its answers are then shown to nobody named by an audience).</summary>
    public FormTemplate? TemplateFor(TemplateRef reference) =>
        templates.Find(reference.Id) is { } template && template.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) == reference.Version ? template : null;

    /// <summary>
    /// The answers to save: the session's, with the ids of the flags it raises under <c>$flags</c>, so the store's history
    /// (and the case's chronology) knows when each flag was raised and cleared.
    /// </summary>
    public static JsonObject ToSave(FormSession session) => WithFlags(session.ToJson(), session);

    /// <summary>The answers with the ids of the flags <paramref name="session"/> (a session on them) raises under <c>$flags</c>.</summary>
    public static JsonObject WithFlags(JsonObject answers, FormSession session)
    {
        answers[FlagsKey] = new JsonArray([.. session.Evaluate().Flags.Select(f => JsonValue.Create(f.Id))]);
        return answers;
    }

    /// <summary>Where the saved answers keep the raised flags' ids.</summary>
    public const string FlagsKey = "$flags";

    /// <summary>
    /// The template a revision was saved with. FormEngine gives templates no file hash, so the hash is of the answers
    /// schema the template generates: it changes whenever what the answers mean does.
    /// </summary>
    public static TemplateRef TemplateOf(FormTemplate template)
    {
        var schema = AnswersSchema.Generate(template).ToJsonString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema)));
        return new TemplateRef(template.Id, template.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), "sha256:" + hash);
    }
}
