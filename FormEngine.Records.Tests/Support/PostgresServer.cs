using Npgsql;

namespace FormEngine.Records.Tests.Support;

/// <summary>
/// Finds the PostgreSQL server for the tests through FORMENGINE_POSTGRES (a connection string to a database the
/// tests may create databases from). Without a reachable server the PostgreSQL tests are skipped with a message
/// saying how to start one, unless FORMENGINE_REQUIRE_POSTGRES=1 (as in CI), when they fail instead.
/// </summary>
internal static class PostgresServer
{
    private const string Variable = "FORMENGINE_POSTGRES";

    private static readonly Lazy<string?> Problem = new(Probe);

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value && Problem.Value is null ? value : null;

    public static string RequireConnectionString()
    {
        if (Problem.Value is { } problem)
        {
            var message = $"PostgreSQL tests need a server: {problem}. Start one (e.g. as root: apt-get install -y postgresql, then the throwaway cluster in .ci/run) and set {Variable}=\"Host=127.0.0.1;Port=5439;Username=postgres\".";
            if (Environment.GetEnvironmentVariable("FORMENGINE_REQUIRE_POSTGRES") == "1")
            {
                Assert.Fail(message + " FORMENGINE_REQUIRE_POSTGRES=1 makes this a failure.");
            }

            Assert.Ignore(message);
        }

        return Environment.GetEnvironmentVariable(Variable)!;
    }

    private static string? Probe()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{Variable} is not set";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value) { Timeout = 3, Pooling = false };
            using var connection = new NpgsqlConnection(builder.ToString());
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or System.Net.Sockets.SocketException)
        {
            return $"none is reachable at {Variable} ({ex.Message})";
        }
    }
}
