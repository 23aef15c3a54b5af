using FormEngine.Records.Sqlite;
using Microsoft.Data.Sqlite;

namespace FormEngine.Records.Tests.Reliability;

/// <summary>Files that are not records stores are refused with a clear error and left as they were.</summary>
public sealed class NotAStoreTests
{
    private string _folder = null!;

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("formengine-notastore-").FullName;

    [TearDown]
    public void RemoveFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task A_file_that_is_not_a_database_is_refused_and_left_unchanged()
    {
        var path = Path.Combine(_folder, "notes.db");
        var text = string.Join("\n", Enumerable.Repeat("Visit notes: not a database at all.", 200));
        await File.WriteAllTextAsync(path, text);

        var ex = Assert.ThrowsAsync<RecordStoreException>(() => SqliteRecordStore.OpenAsync(path));
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.Error, Is.EqualTo(RecordStoreError.NotAStore));
            Assert.That(ex.Message, Does.Contain(path).And.Contain("not a SQLite database").And.Contain("nothing was changed"));
            Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo(text));
        });
    }

    [Test]
    public async Task Another_application_s_database_is_refused_naming_its_tables()
    {
        var path = Path.Combine(_folder, "other.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY)";
            await command.ExecuteNonQueryAsync();
        }

        var ex = Assert.ThrowsAsync<RecordStoreException>(() => SqliteRecordStore.OpenAsync(path));
        Assert.That(ex!.Error, Is.EqualTo(RecordStoreError.NotAStore));
        Assert.That(ex.Message, Does.Contain("invoices").And.Contain("not a FormEngine records store"));
    }

    [Test]
    public void A_missing_folder_is_named()
    {
        var path = Path.Combine(_folder, "no-such-folder", "records.db");
        var ex = Assert.ThrowsAsync<RecordStoreException>(() => SqliteRecordStore.OpenAsync(path));
        Assert.That(ex!.Message, Does.Contain("no-such-folder").And.Contain("does not exist"));
    }

    [Test]
    public async Task A_new_file_is_made_on_first_use_in_wal_mode()
    {
        var path = Path.Combine(_folder, "records.db");
        await (await SqliteRecordStore.OpenAsync(path)).DisposeAsync();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("wal"));
    }
}
