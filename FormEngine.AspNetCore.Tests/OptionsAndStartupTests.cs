using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace FormEngine.AspNetCore.Tests;

/// <summary>Options from configuration, and what is logged at start-up.</summary>
public class OptionsAndStartupTests
{
    [Test]
    public async Task Options_are_read_from_the_FormEngine_configuration_section()
    {
        await using var app = await TestApp.StartAsync(antiforgery: false, theme: "govuk",
            settings: new Dictionary<string, string?> { ["FormEngine:MaxPostFields"] = "3", ["FormEngine:ContentSecurityPolicy"] = "default-src 'none'" });
        app.Cases[1] = new JsonObject();

        var page = await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, "/cases/1"));
        var post = await app.PostAsync("practitioner", 1, "a=1&b=2&c=3&d=4", null);

        Assert.That(page.Headers.GetValues("Content-Security-Policy"), Is.EqualTo(new[] { "default-src 'none'" }));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await post.Content.ReadAsStringAsync(), Does.Contain("at most 3 are read"));
    }

    [Test]
    public async Task Outside_development_answering_any_host_is_warned_about_and_templates_are_logged_at_start()
    {
        var logs = new CapturingLogs();
        await using var app = await TestApp.StartAsync(logs: logs, settings: new Dictionary<string, string?> { ["AllowedHosts"] = "*" });

        Assert.That(logs.Messages, Has.Some.Contains("AllowedHosts is *").And.Some.Contains("Set AllowedHosts"));
        Assert.That(logs.Messages, Has.Some.Contains("loaded template family_assessment version 1"), "templates load at start, not on the first request");
    }

    [Test]
    public async Task A_named_host_list_gives_no_warning()
    {
        var logs = new CapturingLogs();
        await using var app = await TestApp.StartAsync(logs: logs, settings: new Dictionary<string, string?> { ["AllowedHosts"] = "cases.example.gov.uk" });

        Assert.That(logs.Messages, Has.None.Contains("AllowedHosts"));
    }

    private sealed class CapturingLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
