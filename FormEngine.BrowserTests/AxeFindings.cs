namespace FormEngine.BrowserTests;

/// <summary>What axe-core reports, less the one finding GOV.UK Frontend makes on purpose.</summary>
internal static class AxeFindings
{
    /// <summary>
    /// A JavaScript function over axe's <c>violations</c> that drops one finding, as narrowly as it can: GOV.UK
    /// Frontend's own script puts <c>aria-expanded</c> on a radio button that reveals a question. ARIA 1.2 does not
    /// list it for radios, but GOV.UK keeps it on purpose because screen readers announce it (govuk-frontend issue
    /// 979, its known axe finding). Any other attribute, on any other element, is still reported.
    /// </summary>
    public const string WithoutGovukRadioExpanded = """
        violations => violations
            .map(v => ({ ...v, nodes: v.nodes.filter(n => !(v.id === 'aria-allowed-attr'
                && document.querySelector(n.target.join(' '))?.matches('input[type=radio][aria-controls]')
                && n.failureSummary.split('\n').slice(1).every(line => /^\s*ARIA attribute is not allowed: aria-expanded="(true|false)"\s*$/.test(line)))) }))
            .filter(v => v.nodes.length > 0)
        """;
}
