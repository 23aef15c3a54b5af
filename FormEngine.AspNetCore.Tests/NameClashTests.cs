using System.Reflection;
using FormEngine.Renderers;

namespace FormEngine.AspNetCore.Tests;

/// <summary>
/// A web project imports ASP.NET Core's namespaces (the Web SDK's implicit usings, MVC, Razor Pages) beside
/// FormEngine's; a public FormEngine type with the same simple name as one of theirs is a CS0104 in every such
/// file. This keeps FormEngine's names clear of them.
/// </summary>
public class NameClashTests
{
    private static readonly string[] WebNamespaces =
    [
        "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
        "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting",
        "Microsoft.Extensions.Logging", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Mvc.Rendering", "Microsoft.AspNetCore.Mvc.RazorPages",
        "Microsoft.AspNetCore.Mvc.ViewFeatures", "Microsoft.AspNetCore.Antiforgery", "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization", "Microsoft.AspNetCore.Http.Features", "Microsoft.Extensions.Options",
        "System", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks", "System.Collections.Generic",
    ];

    [Test]
    public void No_public_FormEngine_type_shares_a_name_with_one_a_web_project_imports()
    {
        var formEngine = new[] { typeof(FormTemplate).Assembly, typeof(FormRenderers).Assembly, typeof(FormResults).Assembly, typeof(FormEngine.Rules.Rule).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsNested)
            .ToLookup(t => t.Name);
        var sharedFramework = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!;
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var web = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(sharedFramework, "*.dll").Concat(Directory.GetFiles(runtime, "*.dll")))
        {
            foreach (var type in ExportedTypes(file).Where(t => t.Namespace is { } ns && WebNamespaces.Contains(ns)))
            {
                web.Add($"{type.Namespace}.{type.Name}");
            }
        }

        var clashes = web.Select(full => (Full: full, Name: full[(full.LastIndexOf('.') + 1)..]))
            .Where(w => formEngine.Contains(w.Name))
            .Select(w => $"{string.Join(", ", formEngine[w.Name].Select(t => t.FullName))} vs {w.Full}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.That(clashes, Is.Empty);
    }

    private static IEnumerable<Type> ExportedTypes(string file)
    {
        try
        {
            return Assembly.LoadFrom(file).GetExportedTypes();
        }
        catch (Exception error) when (error is BadImageFormatException or FileLoadException or ReflectionTypeLoadException or FileNotFoundException or NotSupportedException)
        {
            return [];
        }
    }
}
