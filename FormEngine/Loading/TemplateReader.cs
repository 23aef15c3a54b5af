using FormEngine.Diagnostics;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>
/// Turns a template's YAML files into a <see cref="TemplateDefinition"/>. Reading happens in two passes:
/// first every file (following includes) so that all choice lists and question sets are known, then sections and flags.
/// Every problem is reported with its position; reading goes on after an error so that one pass shows
/// the author everything that needs fixing. The top-level keys are read here; each part of a template
/// has its own reader (<see cref="Declarations"/>, <see cref="ChoiceListReader"/>,
/// <see cref="SectionReader"/>, <see cref="FlagReader"/>).
/// </summary>
internal sealed class TemplateReader
{
    private readonly DiagnosticBag _diagnostics;
    private readonly TemplateFiles _files;
    private readonly IncludeCollector _includes;
    private readonly Declarations _declarations;
    private readonly LocalizedTextReader _texts;
    private readonly ChoiceListReader _choiceLists;
    private readonly QuestionSets _questionSets;
    private readonly SectionReader _sections;
    private readonly FlagReader _flags;

    public TemplateReader(TemplateLoadOptions options, DiagnosticBag diagnostics, string? rootDirectory)
    {
        _diagnostics = diagnostics;
        _files = new TemplateFiles(options, diagnostics, rootDirectory);
        _includes = new IncludeCollector(_files, options.MaxIncludeDepth, diagnostics);
        _declarations = new Declarations(diagnostics);
        _texts = new LocalizedTextReader(_declarations, diagnostics);
        _choiceLists = new ChoiceListReader(_texts, diagnostics);
        _questionSets = new QuestionSets(diagnostics);
        _sections = new SectionReader(_declarations, _texts, _choiceLists, _questionSets, diagnostics);
        _flags = new FlagReader(_declarations, _texts, diagnostics);
    }

    public TemplateDefinition? Read(SourceFile main)
    {
        var root = _files.ReadMain(main);
        if (root is null)
        {
            return null;
        }

        var mainUnit = _includes.CollectMain(main, root);
        _declarations.Read(new MapReader(root, "the template", _diagnostics), _texts);
        foreach (var unit in _includes.Units)
        {
            _choiceLists.ReadNamedLists(unit.Root);
            _questionSets.ReadSets(unit.Root);
        }

        var top = new MapReader(root, "the template", _diagnostics);
        top.RejectUnknownKeys(TemplateKeys.Template);
        top.RequireKey("id", "Give the template an id such as `single_assessment`.");
        var id = top.Id("template") ?? "template";
        var version = top.Int("version", 1) ?? 1;
        var (title, titleText) = _texts.Read(top, "title");
        var summaryAudiences = ReadCaseSummary(top);
        var (pages, pagesByAudience) = new PagesReader(_declarations, _diagnostics).Read(top);
        var migrations = new MigrationReader(_diagnostics).Read(top);

        var sections = new List<Section>();
        var flags = new List<Flag>();
        ReadUnitContent(mainUnit, sections, flags);

        return new TemplateDefinition
        {
            Id = id,
            Version = version,
            Title = title,
            TitleText = titleText,
            Languages = _declarations.Languages,
            Audiences = _declarations.Audiences,
            SensitivityLevels = [.. _declarations.SensitivityLevels],
            ChoiceLists = [.. _choiceLists.Lists],
            Sections = sections,
            Flags = flags,
            CaseSummaryAudiences = summaryAudiences,
            Pages = pages,
            PagesByAudience = pagesByAudience,
            Files = [.. _files.Files.Select(f => f.DisplayPath)],
            HashedFiles = _files.HashedFiles(),
            Migrations = migrations,
            Location = root.Location,
        };
    }

    /// <summary><c>case_summary: { audiences: [...] }</c>: who the case summary that opens a record is for; null for everyone.</summary>
    private IReadOnlyList<string>? ReadCaseSummary(MapReader top)
    {
        if (top.Mapping("case_summary") is not { } map)
        {
            return null;
        }

        var reader = new MapReader(map, "`case_summary`", _diagnostics);
        reader.RejectUnknownKeys(TemplateKeys.CaseSummary);
        return _declarations.ReadAudiences(reader);
    }

    /// <summary>A file's sections and flags, with each included file's put where its include stands.</summary>
    private void ReadUnitContent(FileUnit unit, List<Section> sections, List<Flag> flags)
    {
        var reader = new MapReader(unit.Root, unit.IsMain ? "the template" : "an included file", _diagnostics);
        if (!unit.IsMain)
        {
            reader.RejectUnknownKeys(TemplateKeys.IncludedFile);
        }

        if (reader.Sequence("sections") is { } sectionList)
        {
            foreach (var item in sectionList.Items)
            {
                if (unit.SectionIncludes.TryGetValue(item, out var included))
                {
                    ReadUnitContent(included, sections, flags);
                }
                else if (IncludeCollector.IsSectionInclude(item))
                {
                    // The include could not be read; its diagnostic is already reported.
                }
                else if (MapReader.RequireMap(item, "section", _diagnostics) is { } sectionMap)
                {
                    sections.Add(_sections.Read(sectionMap));
                }
            }
        }

        if (reader.Sequence("flags") is { } flagList)
        {
            foreach (var item in flagList.Items)
            {
                if (MapReader.RequireMap(item, "flag", _diagnostics) is { } flagMap && _flags.Read(flagMap) is { } flag)
                {
                    flags.Add(flag);
                }
            }
        }

        foreach (var included in unit.TopIncludes)
        {
            ReadUnitContent(included, sections, flags);
        }
    }
}
