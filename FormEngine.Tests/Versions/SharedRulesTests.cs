using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Rules;
using FormEngine.Versions;

namespace FormEngine.Tests.Versions;

/// <summary>Versions in a catalogue share the rules they write alike, and each still evaluates exactly as it would on its own.</summary>
public class SharedRulesTests
{
    private static readonly FormSessionOptions Today = new() { Today = new DateOnly(2026, 11, 30) };

    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"formengine-shared-rules-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// A visit template whose later versions add questions at the top of the section, so every question the
    /// rules read sits in another slot than in version 1, and reword one condition.
    /// </summary>
    private static string Template(int version, string ageType = "number")
    {
        var added = string.Concat(Enumerable.Range(1, version - 1).Select(n => $"      - {{ id: extra{n}, type: text, label: Added in version {n + 1} }}\n"));
        var worry = version >= 3 ? "child.age < 2 or child.seen = 'no'" : "child.age < 5 or child.seen = 'no'";
        return $"""
            id: visit
            version: {version}
            title: Home visit
            choices:
              yes_no: [yes, no]
            sections:
              - id: child
                title: The child
                questions:
            {added}      - {"{"} id: age, type: {ageType}, label: Age {"}"}
                  - {"{"} id: seen, type: choice, choices: yes_no, label: Was the child seen? {"}"}
                  - id: why_not
                    type: textarea
                    label: Why was the child not seen?
                    show_if: child.seen = 'no'
                    required: true
                  - id: worry
                    type: boolean
                    label: Is there a worry about the child's safety?
                    show_if: "{worry}"
                  - id: next_visit
                    type: calculated
                    label: Days until the next visit
                    value: "if(child.age < 5, 7, 28)"
                    validate:
                      - rule: child.age >= 0 and child.age <= 18
                        message: The child's age is between 0 and 18.
            """;
    }

    /// <summary>Publishes versions 1 to <paramref name="versions"/> (publishing loads each, with a cache of its own).</summary>
    private void Publish(int versions)
    {
        var catalogue = new TemplateCatalogue(CatalogueFolder);
        for (var version = 1; version <= versions; version++)
        {
            var path = Path.Combine(_folder, "work", "visit.yaml");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Template(version));
            var published = catalogue.Publish(path, new DateOnly(2026, 4, version));
            Assert.That(published.Outcome, Is.EqualTo(PublishOutcome.Published), string.Join("\n", published.Diagnostics));
        }
    }

    private string CatalogueFolder => Path.Combine(_folder, "catalogue");

    private TemplateCatalogue Open(RuleSyntaxCache? cache = null) => new(CatalogueFolder, new TemplateLoadOptions { RuleCache = cache });

    private static JsonObject Answers(int version, int age, string seen) => new()
    {
        ["$template"] = new JsonObject { ["id"] = "visit", ["version"] = version },
        ["child"] = new JsonObject { ["age"] = age, ["seen"] = seen },
    };

    /// <summary>Everything a session decides about every question, as text to compare.</summary>
    private static List<string> State(FormSession session)
    {
        var result = session.Evaluate();
        return
        [
            $"version {result.TemplateVersion}",
            .. result.Visible.Select(p => "visible " + p),
            .. result.Missing.Select(p => "missing " + p),
            .. result.Errors.Select(e => $"error {e.Path}: {e.Message}"),
            .. result.Values.Select(v => $"value {v.Key} = {v.Value}"),
        ];
    }

    [Test]
    public void Versions_that_share_rules_evaluate_exactly_as_each_version_loaded_on_its_own()
    {
        Publish(3);
        var cache = new RuleSyntaxCache();
        var catalogue = Open(cache);

        var first = catalogue.Load("visit", 1).GetTemplateOrThrow();
        var afterFirst = cache.Count;
        catalogue.Load("visit", 2).GetTemplateOrThrow();
        Assert.That(cache.Count, Is.EqualTo(afterFirst), "version 2 writes every rule as version 1 does");
        catalogue.Load("visit", 3).GetTemplateOrThrow();
        Assert.That(cache.Count, Is.EqualTo(afterFirst + 1), "version 3 rewords one condition");

        foreach (var version in new[] { 1, 2, 3 })
        {
            var alone = FormTemplate.Load(Path.Combine(CatalogueFolder, "visit", version.ToString(System.Globalization.CultureInfo.InvariantCulture), "visit.yaml")).GetTemplateOrThrow();
            foreach (var (age, seen) in new[] { (3, "no"), (4, "yes"), (12, "no"), (40, "yes") })
            {
                var shared = catalogue.OpenSession(Answers(version, age, seen), Today);
                var own = FormSession.Open(alone, Answers(version, age, seen), Today);
                Assert.That(State(shared), Is.EqualTo(State(own)), $"version {version}, age {age}, seen {seen}");
            }
        }

        Assert.That(first.Find("child.worry"), Is.Not.Null);
    }

    [Test]
    public void A_rule_whose_question_changed_type_is_checked_against_its_own_version_and_reported_at_its_own_line()
    {
        var cache = new RuleSyntaxCache();
        var options = new TemplateLoadOptions { RuleCache = cache };
        var numberVersion = Template(1);
        var textVersion = Template(3, ageType: "text");

        var number = FormTemplate.LoadFromText(numberVersion, "visit-1.yaml", options: options);
        var text = FormTemplate.LoadFromText(textVersion, "visit-3.yaml", options: options);
        var textAlone = FormTemplate.LoadFromText(textVersion, "visit-3.yaml");
        var numberAgain = FormTemplate.LoadFromText(numberVersion, "visit-1.yaml", options: options);

        Assert.That(number.Template, Is.Not.Null, string.Join("\n", number.Diagnostics));
        Assert.That(text.Template, Is.Null, "comparing a text answer with a number is an error in the text version");
        Assert.That(text.Diagnostics.Select(d => d.ToString()), Is.EqualTo(textAlone.Diagnostics.Select(d => d.ToString())));
        var validateLine = textVersion.Split('\n').ToList().FindIndex(l => l.Contains("rule: child.age >= 0", StringComparison.Ordinal)) + 1;
        Assert.That(text.Diagnostics.Where(d => d.IsError).Select(d => d.File), Is.All.EqualTo("visit-3.yaml"));
        Assert.That(text.Diagnostics.Where(d => d.IsError).Select(d => d.Line), Does.Contain(validateLine), "the validation rule is reported where version 3 writes it");
        Assert.That(numberAgain.Template, Is.Not.Null, "the number version is not spoilt by the text version");
    }

    [Test]
    public void Versions_loaded_in_parallel_each_get_their_own_template_and_evaluate_as_when_loaded_one_by_one()
    {
        const int versions = 6;
        Publish(versions);
        var catalogue = Open();
        var expected = Enumerable.Range(1, versions).Select(v => State(Open().OpenSession(Answers(v, 3, "no"), Today))).ToList();

        // Several threads ask for every version at once, in different orders, through one catalogue and one cache.
        var results = new List<string>[4, versions];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            for (var i = 0; i < versions; i++)
            {
                var version = ((i + (thread * 5)) % versions) + 1;
                var session = catalogue.OpenSession(Answers(version, 3, "no"), Today);
                Assert.That(session.Template.Version, Is.EqualTo(version));
                results[thread, version - 1] = State(session);
            }
        });

        for (var thread = 0; thread < 4; thread++)
        {
            for (var version = 1; version <= versions; version++)
            {
                Assert.That(results[thread, version - 1], Is.EqualTo(expected[version - 1]), $"thread {thread}, version {version}");
            }
        }
    }
}
