using OrderCore.Adapters.Walmart.Orders;
using OrderCore.Adapters.Walmart.Outbox;
using OrderCore.Adapters.Walmart.Sla;
using OrderCore.Orders;

namespace OrderCore.Adapters.Walmart.Intake;

/// <summary>What the importer did with one Walmart order.</summary>
/// <param name="Order">The Walmart order.</param>
/// <param name="Outcome">What OrderCore's intake did (created, updated, unchanged, ignored).</param>
/// <param name="OrderId">The OrderCore order.</param>
/// <param name="Status">The OrderCore order's status after the import.</param>
/// <param name="Exceptions">The open exception-queue entries of the order (unmapped SKU, missing address, insufficient inventory…).</param>
/// <param name="Acknowledgement">What happened to the acknowledgement: enqueued once accepted, duplicate, or not applicable (WFS, nothing created, or not accepted: <c>null</c>).</param>
public sealed record WalmartImportResult(WalmartOrder Order, IntakeOutcome Outcome, OrderId OrderId, OrderStatus Status, IReadOnlyList<OrderExceptionEntry> Exceptions, WalmartEnqueueResult? Acknowledgement)
{
    /// <summary>
    /// True when OrderCore holds the order with no open validation exception (an <see cref="OrderExceptionReason.InsufficientInventory"/>
    /// entry is an allocation problem, not a refusal of the order, and does not count).
    /// </summary>
    public bool Accepted => Outcome is not IntakeOutcome.IgnoredOlder && !Exceptions.Any(WalmartOrderImporter.BlocksAcceptance);
}

/// <summary>
/// Imports Walmart orders into OrderCore: <see cref="OrderIntake.ImportAsync"/> (idempotent on owner, channel, account and
/// purchase order id; the latest line status date orders versions), validation (SKU mapping, blocked SKUs, ship-to),
/// SLA tracking, and, once OrderCore has accepted the order (no open validation exception: SKU mapping, blocked SKU,
/// quantity, ship-to), the acknowledgement through the outbox. A shortage of stock does not block the acknowledgement:
/// the order is accepted and may later be cancelled with <c>SELLER_CANCEL_OUT_OF_STOCK</c>.
/// </summary>
/// <remarks>An order sent to the exception queue is not acknowledged; it stays in the <see cref="WalmartSlaMonitor"/> view as its deadline nears, and importing it again after the cause is fixed (or re-driving it, then importing) acknowledges it.</remarks>
/// <threadsafety>Safe to use concurrently.</threadsafety>
public sealed class WalmartOrderImporter
{
    private readonly OrderIntake _intake;
    private readonly ExceptionQueue _queue;
    private readonly WalmartOutbox _outbox;
    private readonly WalmartSlaMonitor _sla;

    /// <summary>Creates the importer.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public WalmartOrderImporter(OrderIntake intake, ExceptionQueue queue, WalmartOutbox outbox, WalmartSlaMonitor sla)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(sla);
        _intake = intake;
        _queue = queue;
        _outbox = outbox;
        _sla = sla;
    }

    /// <summary>Imports one order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="order"/> is null.</exception>
    public async Task<WalmartImportResult> ImportAsync(WalmartOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var intake = await _intake.ImportAsync(order.ChannelOrder, cancellationToken).ConfigureAwait(false);
        var stored = intake.Order;
        if (intake.Outcome == IntakeOutcome.IgnoredOlder) return new WalmartImportResult(order, intake.Outcome, stored.Id, stored.Status, [], null);
        IReadOnlyList<OrderExceptionEntry> exceptions;
        if (intake.Outcome is IntakeOutcome.Created or IntakeOutcome.Updated && !OrderStatusMachine.IsTerminal(stored.Status))
        {
            exceptions = (await _intake.ValidateAsync(stored.Id, cancellationToken).ConfigureAwait(false)).Exceptions;
        }
        else
        {
            exceptions = await _queue.ListOpenAsync(stored.Id, cancellationToken).ConfigureAwait(false);
        }
        if (OrderStatusMachine.IsTerminal(stored.Status)) _sla.Forget(order.PurchaseOrderId);
        else _sla.Track(order);
        WalmartEnqueueResult? ack = null;
        if (!exceptions.Any(BlocksAcceptance) && !OrderStatusMachine.IsTerminal(stored.Status))
        {
            ack = await _outbox.EnqueueAcknowledgementAsync(order, cancellationToken).ConfigureAwait(false);
        }
        return new WalmartImportResult(order, intake.Outcome, stored.Id, stored.Status, exceptions, ack);
    }

    /// <summary>True for an exception that means OrderCore did not accept the order (every reason but insufficient inventory).</summary>
    internal static bool BlocksAcceptance(OrderExceptionEntry entry) => entry.IsOpen && entry.Reason != OrderExceptionReason.InsufficientInventory;

    /// <summary>Imports every order of a batch, in order; the batch's rejections are returned as they are.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    public async Task<IReadOnlyList<WalmartImportResult>> ImportAsync(WalmartOrderBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new List<WalmartImportResult>(batch.Orders.Count);
        foreach (var order in batch.Orders) results.Add(await ImportAsync(order, cancellationToken).ConfigureAwait(false));
        return results;
    }
}
