using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using OrderCore.Events;
using OrderCore.InMemory;
using OrderCore.Inventory;
using OrderCore.Ports;

namespace OrderCore.Testing;

/// <summary>
/// An <see cref="InventoryPool"/> over a fresh <see cref="InMemoryInventoryStore"/> (or a store you pass in), with a
/// NodaTime <see cref="FakeClock"/> and a recording event hub: everything needed to test stock movements without a
/// service container.
/// </summary>
/// <example>
/// <code>
/// var f = InventoryPoolFixture.Create();
/// var key = InventoryPoolFixture.Key("acme", "TEE-RED-M", "WH-1");
/// await f.ReceiveAsync(key, 3);
/// var result = await f.ReserveAsync("R1", (key, 2), (key, 2)); // same balance on two lines: 4 &gt; 3, nothing reserved
/// </code>
/// </example>
/// <threadsafety>The pool and the in-memory store are safe to use from many threads; the recorded event list is synchronised.</threadsafety>
public sealed class InventoryPoolFixture
{
    private readonly Lock _eventsLock = new();
    private readonly List<IDomainEvent> _events = new();

    private InventoryPoolFixture(IInventoryStore store, FakeClock clock, OrderCoreOptions options)
    {
        Store = store;
        Clock = clock;
        Events = new DomainEventHub();
        Events.Subscribe(e =>
        {
            lock (_eventsLock) _events.Add(e);
        });
        Options = options;
        Pool = new InventoryPool(store, clock, Events, Microsoft.Extensions.Options.Options.Create(options));
    }

    /// <summary>Creates a fixture.</summary>
    /// <param name="allowNegativeOnHand">The <see cref="OrderCoreOptions.AllowNegativeOnHand"/> policy; default false (on hand never below zero).</param>
    /// <param name="statusGraph">The status graph; default <see cref="InventoryStatusGraph.Default"/>.</param>
    /// <param name="start">The fake clock's start; default <see cref="TestIds.Start"/>.</param>
    /// <param name="store">The store to test; default a new <see cref="InMemoryInventoryStore"/>.</param>
    public static InventoryPoolFixture Create(bool allowNegativeOnHand = false, InventoryStatusGraph? statusGraph = null, Instant? start = null, IInventoryStore? store = null)
        => new(
            store ?? new InMemoryInventoryStore(),
            new FakeClock(start ?? TestIds.Start),
            new OrderCoreOptions { AllowNegativeOnHand = allowNegativeOnHand, StatusGraph = statusGraph ?? InventoryStatusGraph.Default });

    /// <summary>The pool under test.</summary>
    public InventoryPool Pool { get; }

    /// <summary>The store behind the pool.</summary>
    public IInventoryStore Store { get; }

    /// <summary>The fake clock the pool reads; advance it to move time.</summary>
    public FakeClock Clock { get; }

    /// <summary>The event hub the pool publishes to.</summary>
    public DomainEventHub Events { get; }

    /// <summary>The options the pool was created with.</summary>
    public OrderCoreOptions Options { get; }

    /// <summary>Every event the pool published, in order.</summary>
    public IReadOnlyList<IDomainEvent> PublishedEvents
    {
        get
        {
            lock (_eventsLock) return _events.ToArray();
        }
    }

    /// <summary>A balance key from text (no lot).</summary>
    /// <param name="owner">The owner id.</param>
    /// <param name="sku">The SKU.</param>
    /// <param name="location">The location id.</param>
    /// <param name="status">The status; default <see cref="InventoryStatus.Sellable"/>.</param>
    /// <exception cref="ArgumentException">A value is blank or too long.</exception>
    public static BalanceKey Key(string owner, string sku, string location, InventoryStatus? status = null)
        => new(OwnerId.From(owner), Sku.From(sku), LocationId.From(location), status ?? InventoryStatus.Sellable);

    /// <summary>Receives <paramref name="units"/> into <paramref name="key"/> with reason <c>receipt</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is not positive.</exception>
    public Task<LedgerEntry> ReceiveAsync(BalanceKey key, int units, string reference = "PO-1", CancellationToken cancellationToken = default)
        => Pool.ReceiveAsync(key, Quantity.Of(units), "receipt", reference, cancellationToken);

    /// <summary>Reserves the given lines all or nothing under reservation id <paramref name="reservationId"/>.</summary>
    /// <exception cref="ArgumentException">No lines, a non-positive quantity, or lines of several owners.</exception>
    public Task<ReservationResult> ReserveAsync(string reservationId, params (BalanceKey Key, int Units)[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Length == 0) throw new ArgumentException("Give at least one line.", nameof(lines));
        var request = new ReservationRequest(
            ReservationId.From(reservationId),
            lines[0].Key.Owner,
            reservationId,
            lines.Select(l => new ReservationLine(l.Key, l.Units)).ToArray());
        return Pool.ReserveAsync(request);
    }

    /// <summary>The balance of <paramref name="key"/>, or a zero balance (version 0) when nothing ever touched it.</summary>
    public async Task<InventoryBalance> BalanceAsync(BalanceKey key, CancellationToken cancellationToken = default)
        => await Store.GetBalanceAsync(key, cancellationToken).ConfigureAwait(false) ?? new InventoryBalance(key, 0, 0, 0);

    /// <summary>Every ledger entry, in sequence order.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> LedgerAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<LedgerEntry>();
        await foreach (var e in Store.ReadLedgerAsync(0, cancellationToken).ConfigureAwait(false)) entries.Add(e);
        return entries;
    }

    /// <summary>Replays the ledger and compares it with the stored balances; empty when they agree (DESIGN invariant 3).</summary>
    public Task<IReadOnlyList<LedgerMismatch>> VerifyLedgerAsync(CancellationToken cancellationToken = default)
        => Pool.VerifyLedgerAsync(cancellationToken);
}
