using FormEngine.AspNetCore;

namespace EmbeddingSample;

/// <summary>
/// GOV.UK Frontend's stylesheet, script and assets, which the sample's build installs into <c>wwwroot</c> with npm
/// (see EmbeddingSample.csproj), served by the application and linked from every page.
/// </summary>
public sealed class GovukFrontend
{
    /// <summary>Where the stylesheet is served.</summary>
    public const string Stylesheet = "/govuk-frontend/govuk-frontend.min.css";

    /// <summary>Where the script is served.</summary>
    public const string Script = "/govuk-frontend/govuk-frontend.min.js";

    private GovukFrontend()
    {
    }

    /// <summary>GOV.UK Frontend in <paramref name="webRoot"/>, or null when the build could not install it.</summary>
    public static GovukFrontend? Find(string webRoot) =>
        File.Exists(Path.Combine(webRoot, "govuk-frontend", "govuk-frontend.min.css")) && File.Exists(Path.Combine(webRoot, "govuk-frontend", "govuk-frontend.min.js"))
            ? new GovukFrontend()
            : null;

    /// <summary>Links FormEngine's pages to it: the stylesheet, and the script the GOV.UK theme starts by nonce.</summary>
    public void LinkFrom(FormEngineOptions options)
    {
        options.Stylesheets.Add(Stylesheet);
        options.Scripts.Add(Script);
    }
}
