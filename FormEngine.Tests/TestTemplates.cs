using System.Text.Json.Nodes;
using FormEngine.Evaluation;

namespace FormEngine.Tests;

/// <summary>Templates and helpers shared by the tests.</summary>
internal static class TestTemplates
{
    public static readonly DateOnly Today = new(2026, 11, 26);

    /// <summary>The template from the format's documentation: sections, a conditional section, a repeat group and a flag.</summary>
    public const string Assessment = """
        id: single_assessment
        version: 1
        title: Single assessment
        choices:
          yes_no: [yes, no]
          disability_types:
            - { value: MOB, label: Mobility }
            - { value: COMM, label: Communication }
        sections:
          - id: child
            title: About the child
            questions:
              - { id: dob, type: date, label: Date of birth, required: true, carry_forward: true }
              - { id: name, type: text, label: Name, carry_forward: true }
              - { id: has_disability, type: choice, choices: yes_no, label: 'Does the child have a disability?' }
              - id: age_years
                type: calculated
                value: age(child.dob)
          - id: disability
            title: Disability
            show_if: child.has_disability = 'yes'
            questions:
              - id: types
                type: multichoice
                choices: disability_types
                required: true
                label: Type of disability
              - id: communication_aids
                type: text
                show_if: "'COMM' in disability.types"
                required: answered(disability.types)
                validate:
                  - rule: len(disability.communication_aids) <= 20
                    message: Keep this under 20 characters.
          - id: household
            title: Household
            questions:
              - id: members
                type: repeat
                min_items: 1
                questions:
                  - { id: name, type: text, required: true }
                  - { id: age, type: number, min: 0, max: 120 }
                  - { id: school, type: text, show_if: age < 19 }
        flags:
          - id: under_five_with_disability
            when: child.age_years < 5 and child.has_disability = 'yes'
            message: 'Child under five with a disability: consider an early help referral.'
            severity: urgent
        """;

    public static FormTemplate Load(string yaml = Assessment)
    {
        var result = FormTemplate.LoadFromText(yaml);
        Assert.That(result.Diagnostics.Where(d => d.IsError), Is.Empty, "the test template should load");
        return result.Template!;
    }

    public static FormSession Open(string answersJson = "{}", string yaml = Assessment, string? previousJson = null) =>
        FormSession.Open(Load(yaml), JsonNode.Parse(answersJson)!.AsObject(), new FormSessionOptions
        {
            Today = Today,
            PreviousAnswers = previousJson is null ? null : JsonNode.Parse(previousJson)!.AsObject(),
        });

    public static string RepoRoot => RepoRootForSources;

    /// <summary>The repository root, found from the test assembly's folder (usable while tests are being discovered).</summary>
    public static string RepoRootForSources
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FormEngine.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("FormEngine.sln not found above the test directory.");
        }
    }
}
