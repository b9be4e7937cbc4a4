using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Orders;

namespace OrderCore.Adapters.Walmart.Sla;

/// <summary>Which Walmart deadline.</summary>
public enum WalmartSlaKind
{
    /// <summary>Created lines must be acknowledged within <see cref="WalmartOptions.AcknowledgementWindow"/> (4 h) of creation.</summary>
    Acknowledgement,
    /// <summary>Walmart cancels what has not shipped <see cref="WalmartOptions.AutoCancelWindow"/> (30 days) after creation.</summary>
    AutoCancel,
}

/// <summary>How close a deadline is.</summary>
public enum WalmartSlaLevel
{
    /// <summary>More than the risk lead time is left.</summary>
    OnTrack,
    /// <summary>Within the risk lead time (<see cref="WalmartOptions.AcknowledgementRiskLead"/> / <see cref="WalmartOptions.AutoCancelRiskLead"/>) of the deadline.</summary>
    AtRisk,
    /// <summary>The deadline has passed.</summary>
    Overdue,
}

/// <summary>One open Walmart deadline of one purchase order, as of an instant.</summary>
/// <param name="PurchaseOrderId">The purchase order.</param>
/// <param name="OrderId">The OrderCore order.</param>
/// <param name="Kind">Acknowledgement or auto-cancel.</param>
/// <param name="Deadline">When it falls due.</param>
/// <param name="Remaining">Deadline − as-of; negative when overdue.</param>
/// <param name="Level">On track, at risk or overdue.</param>
/// <param name="LineNumbers">The lines concerned (created lines for acknowledgement; lines with open units for auto-cancel).</param>
public sealed record SlaBreachRisk(string PurchaseOrderId, OrderId OrderId, WalmartSlaKind Kind, Instant Deadline, Duration Remaining, WalmartSlaLevel Level, IReadOnlyList<string> LineNumbers);

/// <summary>
/// The acknowledgement SLA and the auto-cancel window as state: every tracked Walmart order with an open deadline, and
/// the <see cref="GetBreachRisks"/> view of the orders close to or past it, read against <see cref="IClock"/>.
/// </summary>
/// <remarks>
/// The importer tracks each order it imports; the outbox dispatcher tracks the order Walmart returns after an
/// acknowledgement, a ship notice or a cancellation, so deadlines that no longer apply disappear. WFS orders have no
/// seller deadlines and are never tracked. The state is in memory: after a restart, re-reading
/// <c>GET /v3/orders/released</c> (Walmart's list of orders still to acknowledge) through the importer rebuilds it.
/// OrderCore has no ship-by-risk KPI yet; this view is the data it will read.
/// </remarks>
/// <threadsafety>Safe to use concurrently.</threadsafety>
public sealed class WalmartSlaMonitor
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly IClock _clock;
    private readonly WalmartOptions _options;

    /// <summary>Creates the monitor.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public WalmartSlaMonitor(IClock clock, IOptions<WalmartOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _options = options.Value;
    }

    private sealed record Entry(OrderId OrderId, long Version, Instant? AcknowledgeBy, string[] CreatedLines, Instant? AutoCancelAt, string[] OpenLines);

    /// <summary>The number of orders with at least one open deadline.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Records the deadlines of <paramref name="order"/>, replacing what was known, unless what is known comes from a
    /// newer payload. An order with no open deadline (or a WFS order) is removed.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="order"/> is null.</exception>
    public void Track(WalmartOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var created = order.Lines.Where(l => l.QuantityIn(WalmartLineStatus.Created) > 0).Select(l => l.LineNumber).ToArray();
        var open = order.Lines.Where(l => l.OpenQuantity > 0).Select(l => l.LineNumber).ToArray();
        var ackBy = order.IsWalmartFulfilled || created.Length == 0 ? null : order.AcknowledgeBy;
        var cancelAt = order.IsWalmartFulfilled || open.Length == 0 ? null : order.AutoCancelAt;
        if (ackBy is null && cancelAt is null)
        {
            Forget(order.PurchaseOrderId, order.ChannelOrder.Version);
            return;
        }
        var entry = new Entry(OrderIntake.IdFor(order.ChannelOrder), order.ChannelOrder.Version, ackBy, created, cancelAt, open);
        _entries.AddOrUpdate(order.PurchaseOrderId, entry, (_, old) => old.Version > entry.Version ? old : entry);
    }

    /// <summary>Records that the order was acknowledged: its acknowledgement deadline is met.</summary>
    public void RecordAcknowledged(string purchaseOrderId)
    {
        if (purchaseOrderId is null) return;
        while (_entries.TryGetValue(purchaseOrderId, out var e))
        {
            var next = e with { AcknowledgeBy = null, CreatedLines = [] };
            if (next.AutoCancelAt is null)
            {
                if (_entries.TryRemove(new KeyValuePair<string, Entry>(purchaseOrderId, e))) return;
            }
            else if (_entries.TryUpdate(purchaseOrderId, next, e)) return;
        }
    }

    /// <summary>Stops tracking an order (shipped, cancelled, or handled elsewhere).</summary>
    public void Forget(string purchaseOrderId) => _entries.TryRemove(purchaseOrderId, out _);

    private void Forget(string purchaseOrderId, long version)
    {
        if (_entries.TryGetValue(purchaseOrderId, out var e) && e.Version <= version) _entries.TryRemove(new KeyValuePair<string, Entry>(purchaseOrderId, e));
    }

    /// <summary>
    /// The open deadlines that are at risk or overdue as of <paramref name="asOf"/> (default: the clock's now), ordered by
    /// deadline then purchase order; with <paramref name="includeOnTrack"/>, every open deadline.
    /// </summary>
    public IReadOnlyList<SlaBreachRisk> GetBreachRisks(Instant? asOf = null, bool includeOnTrack = false)
    {
        var now = asOf ?? _clock.GetCurrentInstant();
        var list = new List<SlaBreachRisk>();
        foreach (var (po, e) in _entries)
        {
            if (e.AcknowledgeBy is { } ack) Add(list, po, e.OrderId, WalmartSlaKind.Acknowledgement, ack, _options.AcknowledgementRiskLead, e.CreatedLines, now, includeOnTrack);
            if (e.AutoCancelAt is { } cancel) Add(list, po, e.OrderId, WalmartSlaKind.AutoCancel, cancel, _options.AutoCancelRiskLead, e.OpenLines, now, includeOnTrack);
        }
        return list.OrderBy(r => r.Deadline).ThenBy(r => r.PurchaseOrderId, StringComparer.Ordinal).ThenBy(r => r.Kind).ToArray();
    }

    private static void Add(List<SlaBreachRisk> list, string po, OrderId id, WalmartSlaKind kind, Instant deadline, Duration lead, string[] lines, Instant now, bool includeOnTrack)
    {
        var remaining = deadline - now;
        var level = remaining <= Duration.Zero ? WalmartSlaLevel.Overdue : remaining <= lead ? WalmartSlaLevel.AtRisk : WalmartSlaLevel.OnTrack;
        if (level == WalmartSlaLevel.OnTrack && !includeOnTrack) return;
        list.Add(new SlaBreachRisk(po, id, kind, deadline, remaining, level, lines));
    }
}
