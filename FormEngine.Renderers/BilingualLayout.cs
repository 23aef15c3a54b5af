namespace FormEngine.Renderers;

/// <summary>How a bilingual document places its two languages.</summary>
public enum BilingualLayout
{
    /// <summary>Each heading, question and answer in both languages next to each other.</summary>
    SideBySide,

    /// <summary>The whole document in the first language, then again in the second.</summary>
    Sequential,
}
