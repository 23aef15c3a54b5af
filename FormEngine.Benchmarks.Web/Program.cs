using FormEngine.Benchmarks.Web;

// `prepare URL FOLDER` gets and checks the post the load generator replays (see measure.sh); `profile` times a form
// page's stages in-process; anything else runs the host.
if (args is ["profile", .. var settings])
{
    await StageProfile.RunAsync(settings, rounds: 400);
    return 0;
}

if (args is ["prepare", var url, var folder])
{
    try
    {
        var prepared = await PreparedPost.GetAsync(new Uri(url));
        prepared.WriteTo(folder);
        Console.WriteLine($"Prepared: a {prepared.Body.Length:N0}-byte post with {prepared.Body.Split('&').Length} fields; the host accepted it.");
        return 0;
    }
    catch (Exception error) when (error is InvalidOperationException or HttpRequestException)
    {
        Console.Error.WriteLine($"Could not prepare the post: {error.Message}");
        return 1;
    }
}

LoadHost.Build(args).Run();
return 0;
