namespace FormEngine.Templates;

/// <summary>A titled part of a template, shown or hidden as a whole.</summary>
public sealed record Section : FormNode;
