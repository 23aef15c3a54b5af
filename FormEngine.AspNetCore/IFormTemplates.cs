using FormEngine.Diagnostics;

namespace FormEngine.AspNetCore;

/// <summary>The templates an application offers, each compiled once and shared by every request.</summary>
public interface IFormTemplates
{
    /// <summary>Every template that loaded, in id order.</summary>
    IReadOnlyList<FormTemplate> All { get; }

    /// <summary>The files that did not load (or clash with another template's id), each with what is wrong; empty when all is well.</summary>
    IReadOnlyList<TemplateFileProblem> Problems { get; }

    /// <summary>The template with this id, or null.</summary>
    /// <param name="id">The template's <c>id:</c>.</param>
    /// <returns>The template or null.</returns>
    FormTemplate? Find(string id);
}

/// <summary>A template file that did not load.</summary>
/// <param name="File">The file, relative to the templates folder.</param>
/// <param name="Diagnostics">Each error (and warning) with its file, line and column.</param>
public sealed record TemplateFileProblem(string File, IReadOnlyList<Diagnostic> Diagnostics);
