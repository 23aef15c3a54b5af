namespace FormEngine.Records.Tests.Support;

/// <summary>A clock the test moves by hand, so revision dates are known.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = start;

    public DateTimeOffset Now
    {
        get { lock (_gate) { return _now; } }
        set { lock (_gate) { _now = value; } }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override DateTimeOffset GetUtcNow() => Now;
}
