using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace FormEngine.AspNetCore.Tests;

/// <summary>
/// The README's walkthrough, done as a new developer would: the packages packed to a local folder, a new
/// <c>dotnet new web</c> application, the package added from that folder, the README's own template and
/// <c>Program.cs</c> (read from the README, so the two cannot drift apart), then the form used over HTTP. Restores
/// offline: the local folder, then the machine's NuGet cache as a fallback folder.
/// </summary>
[NonParallelizable]
public partial class PackagedAppTests
{
    private static readonly string[] Packages = ["FormEngine.Rules", "FormEngine", "FormEngine.Renderers", "FormEngine.AspNetCore"];

    [Test]
    public async Task The_readme_walkthrough_gives_a_working_form_with_antiforgery_save_and_pdf()
    {
        var root = PublicApiTests.RepoRoot();
        var work = Directory.CreateTempSubdirectory("formengine-readme-").FullName;
        Process? server = null;
        try
        {
            var feed = Path.Combine(work, "packages");
            var cache = Path.Combine(work, "nuget");
            foreach (var package in Packages)
            {
                await Dotnet(root, null, "pack", Path.Combine(root, package), "--no-build", "-c", Configuration, "-o", feed);
            }

            var readme = File.ReadAllText(Path.Combine(root, "FormEngine.AspNetCore", "README.md"));
            await Dotnet(work, cache, "new", "web", "-n", "CaseForms", "-o", "CaseForms");
            var app = Path.Combine(work, "CaseForms");
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources><clear /><add key="local" value="{feed}" /></packageSources>
                  <fallbackPackageFolders><add key="cache" value="{GlobalPackages()}" /></fallbackPackageFolders>
                </configuration>
                """);
            await Dotnet(app, cache, "add", "package", "FormEngine.AspNetCore", "--version", Version(feed));
            Directory.CreateDirectory(Path.Combine(app, "Templates", "home-visit"));
            File.WriteAllText(Path.Combine(app, "Templates", "home-visit", "home-visit.yaml"), Block(readme, "yaml"));
            File.WriteAllText(Path.Combine(app, "Program.cs"), Block(readme, "csharp"));
            await Dotnet(app, cache, "build", "-c", "Debug");

            var port = FreePort();
            server = Start(app, cache, port);
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilUp(client, server);

            Assert.That(await client.GetStringAsync("/health"), Is.EqualTo("Healthy"));
            Assert.That((await client.GetAsync("/cases/1")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed out: sent to sign in");
            await client.GetAsync("/dev/sign-in/practitioner");
            var form = await client.GetStringAsync("/cases/1");
            var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
            Assert.That(token, Is.Not.Empty, "the form carries the antiforgery token");

            var forged = await client.PostAsync("/cases/1", new FormUrlEncodedContent([new("visit.notes", "forged")]));
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

            var saved = await client.PostAsync("/cases/1", new FormUrlEncodedContent([
                new("__RequestVerificationToken", token), new("visit.date", "2026-11-30"), new("_shown", "visit.child_seen"),
                new("visit.child_seen", "true"), new("visit.notes", "Met Sam at home"), new("visit.neighbour_said", "Shouting at night")]));
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            var after = await client.GetStringAsync("/cases/1?saved=true");
            Assert.That(after, Does.Contain("Met Sam at home").And.Contain("Was the child seen alone?"));

            var pdf = await client.GetAsync("/cases/1/record.pdf");
            Assert.That(pdf.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
            Assert.That((await pdf.Content.ReadAsByteArrayAsync())[..5], Is.EqualTo("%PDF-"u8.ToArray()));

            await client.GetAsync("/dev/sign-in/parent");
            var parent = await client.GetStringAsync("/cases/1");
            Assert.That(parent, Does.Contain("Met Sam at home").And.Not.Contain("Shouting at night"));
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            server?.Dispose();
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string Block(string readme, string language)
    {
        var match = Regex.Match(readme, $"```{language}\\n(.*?)```", RegexOptions.Singleline);
        Assert.That(match.Success, Is.True, $"the README has a {language} block");
        return match.Groups[1].Value;
    }

    private static string Version(string feed) =>
        Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "FormEngine.AspNetCore.*.nupkg").Single())["FormEngine.AspNetCore.".Length..];

    private static string GlobalPackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo Info(string folder, string? packages, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (packages is not null)
        {
            // The new application's packages go to a throwaway folder, so a stale copy of FormEngine's own packages
            // in the machine's cache is never used; everything else comes from the cache through the fallback folder.
            info.Environment["NUGET_PACKAGES"] = packages;
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        return info;
    }

    private static async Task Dotnet(string folder, string? packages, params string[] arguments)
    {
        using var process = Process.Start(Info(folder, packages, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.Zero, $"dotnet {string.Join(' ', arguments)} failed:\n{await output}\n{await error}");
    }

    private static Process Start(string app, string packages, int port)
    {
        var process = Process.Start(Info(app, packages, ["run", "--no-build", "--urls", $"http://127.0.0.1:{port}"]))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUp(HttpClient client, Process server)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            Assert.That(server.HasExited, Is.False, "the application stopped while starting");
            try
            {
                await client.GetAsync("/health");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(500);
            }
        }

        Assert.Fail("The application did not answer within a minute.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
