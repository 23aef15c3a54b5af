using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace EmbeddingSample;

/// <summary>One assessment: which template (and version) it was started on, and its answers as FormEngine's JSON.</summary>
public sealed record CaseRecord(long Id, string Reference, string TemplateId, int TemplateVersion, JsonObject Answers, DateTime Updated);

/// <summary>
/// Cases in a SQLite file. The answers are stored exactly as <c>FormSession.ToJson()</c> gives them, hidden and
/// unrecognised answers included, so nothing a practitioner entered is lost when a template changes; the
/// template version is stored beside them so a record can say which version it was filled in on.
/// </summary>
public sealed class CaseStore
{
    private readonly string _connectionString;

    public CaseStore(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        DatabasePath = Path.Combine(Path.GetFullPath(dataFolder), "cases.db");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            CREATE TABLE IF NOT EXISTS cases (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                reference TEXT NOT NULL,
                template_id TEXT NOT NULL,
                template_version INTEGER NOT NULL,
                answers TEXT NOT NULL,
                updated TEXT NOT NULL
            )
            """;
        create.ExecuteNonQuery();
    }

    public string DatabasePath { get; }

    public long Create(string reference, string templateId, int templateVersion)
    {
        using var connection = Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO cases (reference, template_id, template_version, answers, updated) VALUES ($reference, $template, $version, '{}', $updated) RETURNING id";
        insert.Parameters.AddWithValue("$reference", reference);
        insert.Parameters.AddWithValue("$template", templateId);
        insert.Parameters.AddWithValue("$version", templateVersion);
        insert.Parameters.AddWithValue("$updated", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return (long)insert.ExecuteScalar()!;
    }

    public void SaveAnswers(long id, JsonObject answers, int templateVersion)
    {
        using var connection = Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE cases SET answers = $answers, template_version = $version, updated = $updated WHERE id = $id";
        update.Parameters.AddWithValue("$answers", answers.ToJsonString());
        update.Parameters.AddWithValue("$version", templateVersion);
        update.Parameters.AddWithValue("$updated", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        update.Parameters.AddWithValue("$id", id);
        update.ExecuteNonQuery();
    }

    public CaseRecord? Find(long id)
    {
        using var connection = Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, reference, template_id, template_version, answers, updated FROM cases WHERE id = $id";
        select.Parameters.AddWithValue("$id", id);
        using var reader = select.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    public IReadOnlyList<CaseRecord> List()
    {
        using var connection = Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, reference, template_id, template_version, answers, updated FROM cases ORDER BY id DESC";
        using var reader = select.ExecuteReader();
        var cases = new List<CaseRecord>();
        while (reader.Read())
        {
            cases.Add(Read(reader));
        }

        return cases;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static CaseRecord Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetInt32(3),
        JsonNode.Parse(reader.GetString(4)) as JsonObject ?? [],
        DateTime.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
