namespace FormEngine.Records;

/// <summary>Argument checks with messages in the store's words.</summary>
internal static class RecordsGuard
{
    public static void NotBlank(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new RecordStoreException(RecordStoreError.InvalidRequest, $"The {what} is missing; give a non-empty value.");
        }
    }
}
