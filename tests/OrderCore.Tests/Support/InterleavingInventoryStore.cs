using OrderCore.InMemory;
using OrderCore.Inventory;
using OrderCore.Ports;

namespace OrderCore.Tests.Support;

/// <summary>
/// An <see cref="IInventoryStore"/> over an in-memory store that runs a competing action just before the next change set
/// is applied: a deterministic way to reproduce "another caller got there between my read and my write".
/// </summary>
internal sealed class InterleavingInventoryStore(InMemoryInventoryStore inner) : IInventoryStore
{
    private Func<Task>? _beforeNextApply;

    public InMemoryInventoryStore Inner { get; } = inner;

    public void BeforeNextApply(Func<Task> competitor) => _beforeNextApply = competitor;

    public async Task<ChangeSetResult> ApplyAsync(InventoryChangeSet changeSet, CancellationToken cancellationToken = default)
    {
        var competitor = Interlocked.Exchange(ref _beforeNextApply, null);
        if (competitor is not null) await competitor();
        return await Inner.ApplyAsync(changeSet, cancellationToken);
    }

    public Task<InventoryBalance?> GetBalanceAsync(BalanceKey key, CancellationToken cancellationToken = default) => Inner.GetBalanceAsync(key, cancellationToken);

    public Task<IReadOnlyList<InventoryBalance>> GetBalancesAsync(OwnerId owner, Sku sku, CancellationToken cancellationToken = default) => Inner.GetBalancesAsync(owner, sku, cancellationToken);

    public Task<IReadOnlyList<InventoryBalance>> GetAllBalancesAsync(OwnerId? owner = null, CancellationToken cancellationToken = default) => Inner.GetAllBalancesAsync(owner, cancellationToken);

    public Task<Reservation?> GetReservationAsync(ReservationId id, CancellationToken cancellationToken = default) => Inner.GetReservationAsync(id, cancellationToken);

    public IAsyncEnumerable<LedgerEntry> ReadLedgerAsync(long afterSequence = 0, CancellationToken cancellationToken = default) => Inner.ReadLedgerAsync(afterSequence, cancellationToken);
}
