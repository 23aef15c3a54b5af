using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FormEngine.Rules;

namespace FormEngine.Evaluation;

/// <summary>
/// Writes an <see cref="EvaluationResult"/> as the JSON object <c>formengine evaluate</c> prints. The
/// shape is a contract other systems rely on; new members may be added, existing ones never change.
/// </summary>
public static class EvaluationJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The result as indented JSON.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("template", result.TemplateId);
            writer.WriteNumber("version", result.TemplateVersion);
            WriteStrings(writer, "visible", result.Visible);
            WriteStrings(writer, "missing", result.Missing);
            writer.WriteStartArray("errors");
            foreach (var error in result.Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("path", error.Path);
                writer.WriteString("message", error.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("values");
            foreach (var (path, value) in result.Values)
            {
                writer.WritePropertyName(path);
                WriteValue(writer, value);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("flags");
            foreach (var flag in result.Flags)
            {
                writer.WriteStartObject();
                writer.WriteString("id", flag.Id);
                writer.WriteString("message", flag.Message);
                writer.WriteString("severity", Templates.FlagSeverities.NameOf(flag.Severity));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteStrings(writer, "carried_forward", result.CarriedForward);
            WriteStrings(writer, "unrecognised", result.Unrecognised);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes a rule value as JSON: numbers as numbers, dates as <c>YYYY-MM-DD</c>, lists as arrays.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteValue(Utf8JsonWriter writer, RuleValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value.Kind)
        {
            case RuleTypeKind.Boolean:
                writer.WriteBooleanValue(value.AsBoolean);
                break;
            case RuleTypeKind.Number:
                // 2.50 and 2.5 are the same number; write the shortest form so output does not depend on how it was computed.
                writer.WriteNumberValue(value.AsNumber / 1.0000000000000000000000000000m);
                break;
            case RuleTypeKind.Text:
                writer.WriteStringValue(value.AsText);
                break;
            case RuleTypeKind.Date:
                writer.WriteStringValue(value.AsDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case RuleTypeKind.List:
                writer.WriteStartArray();
                foreach (var item in value.AsList)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
