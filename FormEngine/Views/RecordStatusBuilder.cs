namespace FormEngine.Views;

/// <summary>Tells a record's sign-offs and addenda as one reader may be told them.</summary>
internal static class RecordStatusBuilder
{
    public static RecordStatusView? Build(ReaderContext context, RecordStatus? status)
    {
        if (status is null || (status.SignOffs.Count == 0 && status.Addenda.Count == 0))
        {
            return null;
        }

        var words = context.Words;
        var chronology = words.Chronology;
        var signedOff = status.SignOffs
            .Select(s => Wording.Fill(chronology.SignedOffFormat, s.By, s.Role, words.Moment(s.At, status.TimeZone)))
            .ToList();
        // An addendum that changed anything withheld from the reader is not told of at all: its reason, or that it
        // happened when it did, would tell them of the change.
        var addenda = status.Addenda
            .Where(a => a.ChangedPaths.All(context.MaySeeAnswerAt))
            .Select(a => new AddendumView(words.Moment(a.At, status.TimeZone), a.By, a.Reason, [.. a.ChangedPaths.Select(context.LabelAt).Distinct()]))
            .ToList();
        return new RecordStatusView(signedOff, addenda);
    }
}
