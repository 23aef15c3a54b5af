namespace FormEngine.Loading;

/// <summary>The keys each part of a template may have. The JSON Schema in <c>schema/</c> lists the same keys.</summary>
internal static class TemplateKeys
{
    public static readonly string[] Template = ["id", "version", "title", "languages", "audiences", "sensitivity", "choices", "sections", "flags", "include"];
    public static readonly string[] IncludedFile = ["choices", "sections", "flags", "include"];
    public static readonly string[] Section = ["id", "title", "label", "hint", "show_if", "required", "validate", "questions", "audiences", "sensitivity"];
    public static readonly string[] Question = ["id", "type", "label", "hint", "show_if", "required", "validate", "choices", "min", "max", "min_items", "max_items", "questions", "value", "carry_forward", "audiences", "sensitivity", "summary"];
    public static readonly string[] Choice = ["value", "label", "hint"];
    public static readonly string[] Validation = ["rule", "message"];
    public static readonly string[] Flag = ["id", "when", "message", "severity"];
    public static readonly string[] SensitivityLevel = ["label", "audiences"];
    public static readonly string[] SectionInclude = ["include"];
}
