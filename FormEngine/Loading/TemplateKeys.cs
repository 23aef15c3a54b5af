namespace FormEngine.Loading;

/// <summary>The keys each part of a template may have. The JSON Schema in <c>schema/</c> lists the same keys.</summary>
internal static class TemplateKeys
{
    public static readonly string[] Template = ["id", "version", "title", "choices", "sections", "flags", "include"];
    public static readonly string[] IncludedFile = ["choices", "sections", "flags", "include"];
    public static readonly string[] Section = ["id", "title", "label", "hint", "show_if", "required", "validate", "questions"];
    public static readonly string[] Question = ["id", "type", "label", "hint", "show_if", "required", "validate", "choices", "min", "max", "min_items", "max_items", "questions", "value", "carry_forward"];
    public static readonly string[] Choice = ["value", "label", "hint"];
    public static readonly string[] Validation = ["rule", "message"];
    public static readonly string[] Flag = ["id", "when", "message", "severity"];
    public static readonly string[] SectionInclude = ["include"];
}
