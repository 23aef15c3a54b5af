namespace FormEngine.BrowserTests;

/// <summary>
/// The preview shown for a parent tells the author exactly what a parent would learn: its Explain panel and
/// its announcements say nothing that depends on a third-party answer. These need no browser and always run.
/// </summary>
[TestFixture]
public sealed class PreviewConfidentialityTests
{
    private const string Template = """
        id: closure
        title: Closure
        audiences: [practitioner, parent]
        sensitivity:
          third_party:
            label: third-party information
            audiences: [practitioner]
        choices:
          yes_no: [yes, no]
        sections:
          - id: police
            title: Police
            sensitivity: third_party
            questions:
              - { id: has_record, type: choice, choices: yes_no, label: Has a record }
          - id: staff
            title: Staff
            questions:
              - { id: worker_note, type: text, label: WORKER-NOTE-LABEL, audiences: [practitioner] }
          - id: public
            title: Public
            questions:
              - { id: name, type: text, label: Name }
              - { id: gated, type: text, label: GATED-LABEL, show_if: "police.has_record = 'yes'" }
        """;

    private RunningPreview? _preview;

    [SetUp]
    public async Task StartPreview() => _preview = await RunningPreview.StartAsync(Template);

    [TearDown]
    public async Task StopPreview()
    {
        if (_preview is not null)
        {
            await _preview.DisposeAsync();
        }
    }

    [Test]
    public async Task For_a_practitioner_a_third_party_answer_that_reveals_a_question_is_announced_and_explained()
    {
        await Post("/settings", ("audience", "practitioner"));
        var page = await Post("/answers", ("_shown", "police.has_record"), ("police.has_record", "yes"));
        var explain = await _preview!.Client.GetStringAsync("/explain?path=public.gated");
        Assert.That(page, Does.Contain("GATED-LABEL’ is now shown."));
        Assert.That(explain, Does.StartWith("public.gated is shown.").And.Contain("police.has_record = 'yes'"));
    }

    [Test]
    public async Task For_a_parent_the_question_it_reveals_is_neither_explained_nor_changed_by_a_crafted_post()
    {
        await Post("/settings", ("audience", "practitioner"));
        await Post("/answers", ("_shown", "police.has_record"), ("police.has_record", "yes"));
        await Post("/settings", ("audience", "parent"));

        // A parent's post naming the third-party question changes nothing, so nothing is announced either.
        var page = await Post("/answers", ("_shown", "police.has_record"), ("police.has_record", "no"), ("_shown", "public.name"), ("public.name", "Sam"));
        var explain = await _preview!.Client.GetStringAsync("/explain?path=public.gated");
        var panel = await _preview.Client.GetStringAsync("/?explain=public.gated");
        var answers = await _preview.Client.GetStringAsync("/answers.json");
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Not.Contain("is now hidden").And.Not.Contain("is now shown"));
            Assert.That(answers, Does.Contain("\"has_record\": \"yes\"").And.Contain("Sam"));
            Assert.That(explain, Does.StartWith("public.gated is withheld from this reader").And.Not.Contain("has_record"));
            Assert.That(panel, Does.Not.Contain("WORKER-NOTE-LABEL").And.Not.Contain("staff.worker_note"), "a question not for parents is not offered to explain");
            Assert.That(panel, Does.Not.Contain("police.has_record = &#39;yes&#39; →"));
        });
    }

    private Task<string> Post(string path, params (string Name, string Value)[] fields) => _preview!.PostAsync(path, fields);
}
