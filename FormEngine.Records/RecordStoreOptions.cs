namespace FormEngine.Records;

/// <summary>Options shared by every records store provider.</summary>
public sealed record RecordStoreOptions
{
    /// <summary>The defaults: the system clock, no access log.</summary>
    public static RecordStoreOptions Default { get; } = new();

    /// <summary>The clock that dates revisions, sign-offs and reads (default: the system clock). Tests pass a fake one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// When true, every read of a record's answers must say who reads it (an <see cref="AccessContext"/>) and is
    /// written to the access log. Off by default: a host turns it on where the family's right to know who saw
    /// their record, or a confidentiality audit, needs it.
    /// </summary>
    public bool LogAccess { get; init; }
}
