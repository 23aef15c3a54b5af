using FormEngine.Records.Tests.Support;

namespace FormEngine.Records.Tests.Contract;

/// <summary>Shared set-up of the suites that run against every provider: one store per fixture, a test clock per test.</summary>
public abstract class StoreFixture<TTarget>
    where TTarget : StoreTarget, new()
{
    protected static readonly TemplateRef Assessment = new("single_assessment", "3", "sha256:5f1c");

    protected TTarget Target { get; private set; } = null!;

    protected string Location { get; private set; } = null!;

    protected TestClock Clock { get; private set; } = null!;

    protected IRecordStore Store { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task MakeStoreLocation()
    {
        Target = new TTarget();
        Location = await Target.NewLocationAsync();
    }

    [SetUp]
    public async Task OpenStore()
    {
        Clock = new TestClock(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        Store = await Target.OpenAsync(Location, new RecordStoreOptions { Clock = Clock });
    }

    [TearDown]
    public async Task CloseStore()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }
    }

    [OneTimeTearDown]
    public async Task RemoveStores()
    {
        if (Target is not null)
        {
            await Target.CleanUpAsync();
        }
    }

    protected Task<RecordInfo> NewRecordAsync(string? caseId = null, string kind = "assessment") =>
        Store.CreateRecordAsync(new NewRecord(caseId ?? $"CIN-{Guid.NewGuid():N}", kind, Assessment, "sam.worker"));
}
