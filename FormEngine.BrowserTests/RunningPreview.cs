using System.Net;
using FormEngine.Cli.Preview;

namespace FormEngine.BrowserTests;

/// <summary>
/// A preview server on a throwaway folder, and a client that keeps its cookie as a browser does. Disposing
/// stops the server and deletes the folder.
/// </summary>
internal sealed class RunningPreview : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 26);

    private RunningPreview(string folder, string templatePath, PreviewServer server, HttpClient client)
    {
        Folder = folder;
        TemplatePath = templatePath;
        Server = server;
        Client = client;
    }

    public string Folder { get; }

    public string TemplatePath { get; }

    public PreviewServer Server { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the preview of <paramref name="templateFile"/> in <paramref name="folder"/> (which it then owns).</summary>
    /// <param name="followRedirects">False to see the preview's own redirects and status codes.</param>
    public static async Task<RunningPreview> StartAsync(string folder, string templateFile, bool followRedirects = true)
    {
        var path = Path.Combine(folder, templateFile);
        var server = await PreviewServer.StartAsync(path, 0, Today);
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = followRedirects }) { BaseAddress = server.Address };
        return new RunningPreview(folder, path, server, client);
    }

    /// <summary>Starts the preview of a template given as text, in a new folder.</summary>
    public static async Task<RunningPreview> StartAsync(string yaml)
    {
        var folder = Path.Combine(Path.GetTempPath(), "formengine-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "template.yaml"), yaml);
        return await StartAsync(folder, "template.yaml");
    }

    /// <summary>Posts form fields and returns the page the preview answers with.</summary>
    public async Task<string> PostAsync(string path, params (string Name, string Value)[] fields)
    {
        var response = await Client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        TestFiles.DeleteQuietly(Folder);
    }
}
