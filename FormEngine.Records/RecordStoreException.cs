namespace FormEngine.Records;

/// <summary>What went wrong in a <see cref="RecordStoreException"/>, so a host can react without reading the message.</summary>
public enum RecordStoreError
{
    /// <summary>The file or database is not a FormEngine records store.</summary>
    NotAStore,

    /// <summary>The store was written by a newer FormEngine.Records, whose schema this version does not know.</summary>
    NewerSchema,

    /// <summary>No record or case with that id.</summary>
    NotFound,

    /// <summary>The record is signed off: a change must be an addendum with a reason.</summary>
    Locked,

    /// <summary>The request does not fit the record (e.g. a starting revision it does not have).</summary>
    InvalidRequest,

    /// <summary>The database could not be reached or the connection broke; nothing was half-written.</summary>
    Unavailable,
}

/// <summary>A records store problem with a message that says what to do next.</summary>
public sealed class RecordStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What went wrong.</param>
    /// <param name="message">What happened and what to do next.</param>
    /// <param name="inner">The database's own exception, if any.</param>
    public RecordStoreException(RecordStoreError error, string message, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
    }

    /// <summary>What went wrong.</summary>
    public RecordStoreError Error { get; }
}
