using System.Text.Json.Nodes;
using FormEngine.Binding;

namespace FormEngine.Evaluation;

/// <summary>
/// A session's answers document: JSON with one object per section and an array of objects per repeat
/// group. It is the record of what was entered; typed values are read from it, and it is written only
/// where an answer is set or an item added or removed, so whatever FormEngine does not understand
/// (unknown ids, ill-fitting answers) is written back exactly as it came.
/// Top-level keys starting with <c>$</c> are FormEngine's own metadata about the document, never
/// answers: no section id can start with it, so they are never written here and always survive.
/// </summary>
/// <remarks>
/// Writing where the document holds a value of the wrong shape (text where a section's answers belong, a
/// number where a repeat group's list belongs) would destroy it, so it is first moved to the archive
/// (<see cref="ArchivedAnswers"/>) under its path, made with <paramref name="templateVersion"/>.
/// </remarks>
internal sealed class StoredAnswers(JsonObject root, int templateVersion)
{
    /// <summary>True for a top-level key reserved for FormEngine's metadata, such as <c>$template</c>.</summary>
    public static bool IsMetadataKey(string key) => key.StartsWith('$');

    /// <summary>The version of the template the answers are written for, recorded with anything archived.</summary>
    public int TemplateVersion => templateVersion;

    /// <summary>Every top-level key and its value, in the order stored.</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> Entries => root;

    /// <summary>A copy of the whole document, to hand out without letting the caller change this one.</summary>
    public JsonObject Copy() => (JsonObject)root.DeepClone();

    /// <summary>The answer exactly as stored at a node (item -1 outside repeat groups), or null.</summary>
    public JsonNode? Read(NodePlan plan, int item)
    {
        if (plan.Repeat is null)
        {
            return Section(plan.Parent!, create: false)?[plan.Node.Id];
        }

        var array = Group(plan.Repeat, create: false);
        return item >= 0 && array is not null && item < array.Count ? (array[item] as JsonObject)?[plan.Node.Id] : null;
    }

    /// <summary>
    /// Stores an answer at a node (item -1 outside repeat groups), creating the section, or the repeat
    /// item's object, where the document has none.
    /// </summary>
    public void Write(NodePlan plan, int item, JsonNode? value)
    {
        if (plan.Repeat is null)
        {
            Section(plan.Parent!, create: true)![plan.Node.Id] = value;
        }
        else
        {
            Item(plan.Repeat, item)[plan.Node.Id] = value;
        }
    }

    /// <summary>Appends an empty item to a repeat group.</summary>
    public void AddItem(NodePlan group) => Group(group, create: true)!.Add(new JsonObject());

    /// <summary>Removes a repeat group's item; later items move up one place.</summary>
    public void RemoveItem(NodePlan group, int index) => Group(group, create: false)!.RemoveAt(index);

    private JsonObject? Section(NodePlan section, bool create)
    {
        if (root[section.Node.Id] is JsonObject existing)
        {
            return existing;
        }

        if (!create)
        {
            return null;
        }

        SetAside(root, section.Node.Id, section.Path, "a section's answers");
        var created = new JsonObject();
        root[section.Node.Id] = created;
        return created;
    }

    private JsonArray? Group(NodePlan group, bool create)
    {
        var section = Section(group.Parent!, create);
        if (section?[group.Node.Id] is JsonArray existing)
        {
            return existing;
        }

        if (!create || section is null)
        {
            return null;
        }

        // Anything else stored here does not fit a repeat group; it is replaced only because the caller asked to add an item.
        SetAside(section, group.Node.Id, group.Path, "a list of items");
        var created = new JsonArray();
        section[group.Node.Id] = created;
        return created;
    }

    private JsonObject Item(NodePlan group, int index)
    {
        var array = Group(group, create: true)!;
        if (array[index] is JsonObject item)
        {
            return item;
        }

        if (array[index] is { } other)
        {
            Archive(AnswerPath.Item(group.Path, index), other, "an item's answers");
        }

        var created = new JsonObject();
        array[index] = created;
        return created;
    }

    /// <summary>Moves a value of the wrong shape at <paramref name="key"/> to the archive before it is replaced.</summary>
    private void SetAside(JsonObject container, string key, string path, string shape)
    {
        if (container[key] is { } other)
        {
            Archive(path, other, shape);
        }
    }

    private void Archive(string path, JsonNode value, string shape) =>
        ArchivedAnswers.Append(root, ArchivedAnswers.Entry(path, value, templateVersion, $"Set aside when an answer was saved here: it was not {shape}."), templateVersion);
}
