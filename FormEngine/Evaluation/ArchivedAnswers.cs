using System.Text.Json.Nodes;

namespace FormEngine.Evaluation;

/// <summary>
/// The answers document's archive, <c>$archived</c>: answers set aside rather than destroyed, each with its path,
/// its value as it was, the template version it was made with and why it was set aside. Migrations put there what
/// no step carries; a session puts there a stored value of the wrong shape that an answer has to replace. Audit
/// output shows it under "Answers from earlier versions".
/// </summary>
internal static class ArchivedAnswers
{
    /// <summary>The top-level key of the archive.</summary>
    public const string Key = "$archived";

    /// <summary>One archived answer.</summary>
    public static JsonObject Entry(string path, JsonNode value, int version, string reason) => new()
    {
        ["path"] = path,
        ["value"] = value.DeepClone(),
        ["version"] = version,
        ["reason"] = reason,
    };

    /// <summary>
    /// Adds an entry to a document's archive, making the archive where there is none. An archive that is not a
    /// list is itself kept, as the first entry of the list that replaces it.
    /// </summary>
    public static void Append(JsonObject document, JsonObject entry, int version)
    {
        if (document[Key] is not JsonArray archive)
        {
            var earlier = document[Key];
            archive = [];
            if (earlier is not null)
            {
                document.Remove(Key);
                archive.Add(Entry(Key, earlier, version, "The earlier archive was not a list, so it is kept whole here."));
            }

            document[Key] = archive;
        }

        archive.Add(entry);
    }
}
