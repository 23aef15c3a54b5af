using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FormEngine.AspNetCore.Tests;

/// <summary>The templates folder: loaded once, problems reported by the health check, reloaded on save.</summary>
public class TemplateFolderTests
{
    [Test]
    public async Task The_health_check_names_a_template_that_did_not_load_with_its_line()
    {
        await using var app = await TestApp.StartAsync();
        var healthy = await app.Client.GetAsync("/health");
        Assert.That(await healthy.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));

        File.WriteAllText(Path.Combine(app.Folder, "Templates", "broken.yaml"), "id: broken\ntitle: Broken\nsections:\n  - id: s\n    questions:\n      - { id: q, type: txet }\n");
        ((TemplateFolder)app.Services.GetRequiredService<IFormTemplates>()).Reload();
        var degraded = await app.Client.GetAsync("/health");

        Assert.That(degraded.StatusCode, Is.EqualTo(HttpStatusCode.OK), "degraded still serves");
        Assert.That(await degraded.Content.ReadAsStringAsync(), Is.EqualTo("Degraded"));
        var check = await app.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>().CheckHealthAsync();
        Assert.That(check.Entries[FormTemplatesHealthCheck.Name].Description, Does.Contain("broken.yaml:6:").And.Contain("txet"));
        Assert.That(app.Services.GetRequiredService<IFormTemplates>().Find("family_assessment"), Is.Not.Null, "the others are still offered");
    }

    [Test]
    public void Templates_are_found_in_the_folder_and_one_level_down_but_not_scenarios_or_includes()
    {
        var folder = Directory.CreateTempSubdirectory("formengine-folder-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "a", "common"));
            File.WriteAllText(Path.Combine(folder, "top.yaml"), Minimal("top"));
            File.WriteAllText(Path.Combine(folder, "a", "a.yaml"), Minimal("in_a"));
            File.WriteAllText(Path.Combine(folder, "a", "a.scenarios.yaml"), "not: a template");
            File.WriteAllText(Path.Combine(folder, "a", "common", "part.yaml"), "not: a template");
            using var templates = new TemplateFolder(folder, reload: false, NullLogger<TemplateFolder>.Instance);

            Assert.That(templates.All.Select(t => t.Id), Is.EqualTo(new[] { "in_a", "top" }));
            Assert.That(templates.Problems, Is.Empty);
            Assert.That(templates.Find("nope"), Is.Null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Two_files_with_one_id_are_reported_and_the_first_is_kept()
    {
        var folder = Directory.CreateTempSubdirectory("formengine-folder-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.yaml"), Minimal("same"));
            File.WriteAllText(Path.Combine(folder, "b.yaml"), Minimal("same"));
            using var templates = new TemplateFolder(folder, reload: false, NullLogger<TemplateFolder>.Instance);

            Assert.That(templates.All, Has.Count.EqualTo(1));
            Assert.That(templates.Problems.Single().File, Is.EqualTo("b.yaml"));
            Assert.That(templates.Problems.Single().Diagnostics.Single().Message, Does.Contain("`same`"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_missing_folder_is_a_problem_not_a_crash()
    {
        using var templates = new TemplateFolder("/nonexistent/formengine-templates", reload: true, NullLogger<TemplateFolder>.Instance);

        Assert.That(templates.All, Is.Empty);
        Assert.That(templates.Problems.Single().Diagnostics.Single().Message, Does.Contain("does not exist"));
    }

    [Test]
    public async Task With_reloading_on_a_saved_file_is_loaded_again()
    {
        var folder = Directory.CreateTempSubdirectory("formengine-folder-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "t.yaml"), Minimal("first"));
            using var templates = new TemplateFolder(folder, reload: true, NullLogger<TemplateFolder>.Instance);
            var reloaded = new TaskCompletionSource();
            templates.Reloaded += () => reloaded.TrySetResult();

            File.WriteAllText(Path.Combine(folder, "t.yaml"), Minimal("second"));

            Assert.That(await Task.WhenAny(reloaded.Task, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(reloaded.Task), "reloaded within 10 seconds");
            Assert.That(templates.All.Select(t => t.Id), Is.EqualTo(new[] { "second" }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Minimal(string id) => $"id: {id}\ntitle: T\nsections:\n  - id: s\n    questions:\n      - {{ id: q, type: text }}\n";
}
