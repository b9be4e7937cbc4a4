using OrderCore.Inventory;

namespace OrderCore.Ports;

/// <summary>
/// Storage port for balances, the ledger and reservations. Implementations apply an <see cref="InventoryChangeSet"/>
/// atomically, checking its rules inside their own transaction, so that no unit is promised twice under any interleaving
/// of callers (DESIGN invariant 1).
/// </summary>
/// <remarks>All members are safe to call concurrently.</remarks>
public interface IInventoryStore
{
    /// <summary>Applies the change set all or nothing.</summary>
    /// <returns>The appended entries with their sequence numbers, or the guard failures (and nothing written).</returns>
    Task<ChangeSetResult> ApplyAsync(InventoryChangeSet changeSet, CancellationToken cancellationToken = default);

    /// <summary>The balance for <paramref name="key"/>, or null if no movement ever touched it.</summary>
    Task<InventoryBalance?> GetBalanceAsync(BalanceKey key, CancellationToken cancellationToken = default);

    /// <summary>Every balance of one owner's SKU, at every location, status and lot, ordered by location, status, lot.</summary>
    Task<IReadOnlyList<InventoryBalance>> GetBalancesAsync(OwnerId owner, Sku sku, CancellationToken cancellationToken = default);

    /// <summary>Every balance in the store (optionally of one owner), ordered by owner, SKU, location, status, lot.</summary>
    Task<IReadOnlyList<InventoryBalance>> GetAllBalancesAsync(OwnerId? owner = null, CancellationToken cancellationToken = default);

    /// <summary>A reservation by id, or null when it does not exist (never made, or fully shipped or released).</summary>
    Task<Reservation?> GetReservationAsync(ReservationId id, CancellationToken cancellationToken = default);

    /// <summary>Ledger entries with a sequence greater than <paramref name="afterSequence"/>, in sequence order.</summary>
    IAsyncEnumerable<LedgerEntry> ReadLedgerAsync(long afterSequence = 0, CancellationToken cancellationToken = default);
}
