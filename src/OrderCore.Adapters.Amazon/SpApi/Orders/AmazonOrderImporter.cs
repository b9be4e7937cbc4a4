using NodaTime;
using OrderCore.Orders;
using OrderCore.Ports;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>What importing one Amazon order did.</summary>
/// <param name="AmazonOrderId">The order.</param>
/// <param name="Outcome">What <see cref="OrderIntake"/> did; null when the order was refused before intake (<see cref="Rejection"/>).</param>
/// <param name="Order">The order as stored afterwards; null when refused.</param>
/// <param name="Exceptions">Exception-queue entries raised by validation (unmapped SKU, missing address…).</param>
/// <param name="Rejection">Why the order was refused before intake, e.g. no items.</param>
/// <param name="Actions">What the importer did besides intake: <c>hold:Payment</c> (pending), <c>hold-released:Payment</c>, <c>cancel-request</c>, <c>shipped-by-amazon</c>, <c>hold:Manual(shipped-on-amazon)</c>.</param>
public sealed record AmazonImportResult(string AmazonOrderId, IntakeOutcome? Outcome, Order? Order, IReadOnlyList<OrderExceptionEntry> Exceptions, AmazonOrderRejection? Rejection, IReadOnlyList<string> Actions);

/// <summary>
/// Imports mapped Amazon orders into OrderCore: idempotent intake (<see cref="OrderIntake.ImportAsync"/>, version =
/// last update in ms), then the Amazon rules the canonical order cannot express by itself:
/// <list type="bullet">
/// <item><c>Pending</c> / <c>PendingAvailability</c> orders get a hold (<see cref="HoldReason.Payment"/> /
/// <see cref="HoldReason.Inventory"/>, note starting <c>amazon-pending:</c>) so they are not shipped; the hold is lifted
/// when a later version is allocatable.</item>
/// <item>A buyer-requested cancellation becomes a cancellation request: a <see cref="HoldReason.CustomerRequest"/> hold
/// (note starting <c>amazon-cancel-request:</c>), so the order can never ship until the seller cancels it or lifts the hold.</item>
/// <item>An Amazon-fulfilled order Amazon reports shipped is marked shipped (no local stock moves).</item>
/// <item>A merchant-fulfilled order Amazon reports shipped that OrderCore never allocated gets a <see cref="HoldReason.Manual"/>
/// hold (note starting <c>amazon-shipped-outside:</c>) so it is not shipped a second time.</item>
/// <item>Every new or updated open order is validated (SKU mapping, blocked SKU, address), so problems land in the exception queue.</item>
/// </list>
/// </summary>
/// <threadsafety>Safe to use concurrently (the services it calls are).</threadsafety>
public sealed class AmazonOrderImporter
{
    /// <summary>The note prefix of the hold placed on pending orders.</summary>
    public const string PendingHoldPrefix = "amazon-pending:";

    /// <summary>The note prefix of the hold placed on a merchant-fulfilled order Amazon reports shipped before OrderCore shipped it.</summary>
    public const string ShippedOutsideHoldPrefix = "amazon-shipped-outside:";

    /// <summary>The note prefix of the hold that records a buyer's cancellation request.</summary>
    public const string CancelRequestHoldPrefix = "amazon-cancel-request:";

    private readonly OrderIntake _intake;
    private readonly OrderFulfilment _fulfilment;

    /// <summary>Creates the importer.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AmazonOrderImporter(OrderIntake intake, OrderFulfilment fulfilment)
    {
        _intake = intake ?? throw new ArgumentNullException(nameof(intake));
        _fulfilment = fulfilment ?? throw new ArgumentNullException(nameof(fulfilment));
    }

    /// <summary>Imports one mapped order (see the class remarks).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="mapped"/> is null.</exception>
    public async Task<AmazonImportResult> ImportAsync(AmazonMappedOrder mapped, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        if (!mapped.HasItems || mapped.Order.Lines.Count == 0)
        {
            var rejection = new AmazonOrderRejection(mapped.AmazonOrderId, AmazonRejectionReason.NoItems, mapped.Api == AmazonOrdersApi.V0 ? "OrderItems" : "orderItems",
                mapped.Api == AmazonOrdersApi.V0 ? "no getOrderItems response was given for this order" : "the order has no items");
            return new AmazonImportResult(mapped.AmazonOrderId, null, null, [], rejection, []);
        }
        var intake = await _intake.ImportAsync(mapped.Order, cancellationToken).ConfigureAwait(false);
        var order = intake.Order;
        var actions = new List<string>();
        IReadOnlyList<OrderExceptionEntry> exceptions = [];
        if (intake.Outcome is IntakeOutcome.Created or IntakeOutcome.Updated && !OrderStatusMachine.IsTerminal(order.Status))
        {
            order = await ApplyPendingHoldAsync(order, mapped, actions, cancellationToken).ConfigureAwait(false);
            if (mapped.BuyerRequestedCancel)
            {
                var reason = mapped.Items.FirstOrDefault(i => i.BuyerRequestedCancel)?.BuyerCancelReason;
                order = await RequestCancellationAsync(_fulfilment, order, reason, actions, cancellationToken).ConfigureAwait(false);
            }
            if (order.FulfilmentChannel == FulfilmentChannel.Marketplace && order.Status == OrderStatus.Received
                && mapped.Status is AmazonOrderStatusCode.Shipped or AmazonOrderStatusCode.InvoiceUnconfirmed)
            {
                order = await _fulfilment.ShipAsync(order.Id, "amazon-afn-shipped", cancellationToken).ConfigureAwait(false);
                actions.Add("shipped-by-amazon");
            }
            else if (order.FulfilmentChannel == FulfilmentChannel.Merchant && order.Status == OrderStatus.Received && order.ReservationId is null
                && mapped.Status is AmazonOrderStatusCode.Shipped or AmazonOrderStatusCode.InvoiceUnconfirmed
                && !order.Holds.Any(h => h.Note.StartsWith(ShippedOutsideHoldPrefix, StringComparison.Ordinal)))
            {
                // Amazon says it shipped, but OrderCore never allocated or shipped it: hold it so it is not shipped twice.
                order = await _fulfilment.HoldAsync(order.Id, HoldReason.Manual,
                    $"{ShippedOutsideHoldPrefix} Amazon reports the order {mapped.Status} but OrderCore never shipped it; check and ship or cancel it in OrderCore", cancellationToken).ConfigureAwait(false);
                actions.Add("hold:Manual(shipped-on-amazon)");
            }
            if (!OrderStatusMachine.IsTerminal(order.Status) && order.Status is not OrderStatus.Shipped)
            {
                exceptions = (await _intake.ValidateAsync(order.Id, cancellationToken).ConfigureAwait(false)).Exceptions;
            }
        }
        return new AmazonImportResult(mapped.AmazonOrderId, intake.Outcome, order, exceptions, null, actions);
    }

    private async Task<Order> ApplyPendingHoldAsync(Order order, AmazonMappedOrder mapped, List<string> actions, CancellationToken ct)
    {
        var reason = mapped.Status == AmazonOrderStatusCode.PendingAvailability ? HoldReason.Inventory : HoldReason.Payment;
        if (!mapped.IsAllocatable)
        {
            if (!order.Holds.Any(h => h.Note.StartsWith(PendingHoldPrefix, StringComparison.Ordinal)) && CanHold(order))
            {
                order = await _fulfilment.HoldAsync(order.Id, reason,
                    $"{PendingHoldPrefix} Amazon status {mapped.Status}: {(reason == HoldReason.Payment ? "payment not yet authorised" : "pre-order, item not yet released")}", ct).ConfigureAwait(false);
                actions.Add("hold:" + reason);
            }
            return order;
        }
        foreach (var hold in order.Holds.Where(h => h.Note.StartsWith(PendingHoldPrefix, StringComparison.Ordinal)).Select(h => h.Reason).Distinct().ToArray())
        {
            order = await _fulfilment.ReleaseHoldAsync(order.Id, hold, ct).ConfigureAwait(false);
            actions.Add("hold-released:" + hold);
        }
        return order;
    }

    /// <summary>Places the cancellation-request hold unless one is already on or the order can no longer be held.</summary>
    internal static async Task<Order> RequestCancellationAsync(OrderFulfilment fulfilment, Order order, string? reason, List<string> actions, CancellationToken ct)
    {
        if (order.Holds.Any(h => h.Reason == HoldReason.CustomerRequest && h.Note.StartsWith(CancelRequestHoldPrefix, StringComparison.Ordinal)) || !CanHold(order)) return order;
        order = await fulfilment.HoldAsync(order.Id, HoldReason.CustomerRequest,
            $"{CancelRequestHoldPrefix} the buyer asked Amazon to cancel{(string.IsNullOrWhiteSpace(reason) ? "" : $" ({reason})")}; cancel the order or lift the hold", ct).ConfigureAwait(false);
        actions.Add("cancel-request");
        return order;
    }

    private static bool CanHold(Order order) => order.Status is OrderStatus.Received or OrderStatus.Allocated or OrderStatus.Released or OrderStatus.PartiallyShipped;
}

/// <summary>What handling one ORDER_CHANGE notification did.</summary>
public enum AmazonNotificationOutcome
{
    /// <summary>The notification id was seen before: nothing changed.</summary>
    Duplicate,
    /// <summary>The buyer asked to cancel and the order now carries the cancellation-request hold.</summary>
    CancellationRequested,
    /// <summary>The order is not in OrderCore yet: fetch it (<c>getOrder</c>); its items carry the buyer's cancel request too.</summary>
    OrderUnknown,
    /// <summary>Recorded (channel status updated); re-fetch the order for the full change.</summary>
    Recorded,
}

/// <summary>The result of handling one ORDER_CHANGE notification.</summary>
/// <param name="Event">The notification.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="OrderId">The OrderCore order, when known.</param>
/// <param name="Detail">A one-line explanation.</param>
public sealed record AmazonNotificationResult(AmazonOrderChangeEvent Event, AmazonNotificationOutcome Outcome, OrderId? OrderId, string Detail);

/// <summary>
/// Applies ORDER_CHANGE notifications: deduplicated by notification id through <see cref="IChannelEventInbox"/> (an
/// atomic insert, so two deliveries of the same SQS message change nothing the second time); a buyer-requested
/// cancellation becomes a cancellation request on the order (<see cref="HoldReason.CustomerRequest"/> hold), never a
/// shippable order; other changes record the channel status and ask for a re-fetch.
/// </summary>
/// <threadsafety>Safe to use concurrently.</threadsafety>
public sealed class AmazonOrderChangeHandler
{
    private readonly IChannelEventInbox _inbox;
    private readonly IOrderStore _orders;
    private readonly OrderFulfilment _fulfilment;
    private readonly IClock _clock;
    private readonly AmazonOrderMappingOptions _options;

    /// <summary>Creates the handler.</summary>
    /// <param name="inbox">The inbox that deduplicates notification ids.</param>
    /// <param name="orders">The order store (to find the order by its Amazon id).</param>
    /// <param name="fulfilment">Places the cancellation-request hold.</param>
    /// <param name="clock">The receive time of each notification.</param>
    /// <param name="options">Owner, account and channel of the orders.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AmazonOrderChangeHandler(IChannelEventInbox inbox, IOrderStore orders, OrderFulfilment fulfilment, IClock clock, AmazonOrderMappingOptions options)
    {
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _fulfilment = fulfilment ?? throw new ArgumentNullException(nameof(fulfilment));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Handles one notification.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is null.</exception>
    public async Task<AmazonNotificationResult> HandleAsync(AmazonOrderChangeEvent notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!await _inbox.TryRecordAsync(_options.Channel, "ORDER_CHANGE/" + notification.NotificationId, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false))
        {
            return new AmazonNotificationResult(notification, AmazonNotificationOutcome.Duplicate, null, $"notification {notification.NotificationId} was already handled");
        }
        var order = await _orders.FindByExternalIdAsync(_options.Owner, _options.Channel, _options.Account, notification.AmazonOrderId, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return new AmazonNotificationResult(notification, AmazonNotificationOutcome.OrderUnknown, null, $"order {notification.AmazonOrderId} is not in OrderCore yet; fetch it with getOrder");
        }
        if (notification.IsBuyerCancellationRequest)
        {
            var actions = new List<string>();
            order = await AmazonOrderImporter.RequestCancellationAsync(_fulfilment, order, notification.ChangeReason, actions, cancellationToken).ConfigureAwait(false);
            var detail = actions.Count > 0 ? "cancellation request placed as a CustomerRequest hold"
                : order.Holds.Any(h => h.Note.StartsWith(AmazonOrderImporter.CancelRequestHoldPrefix, StringComparison.Ordinal)) ? "the cancellation request was already recorded"
                : $"order is {order.Status}: too late to hold; cancel or refund it on Amazon";
            return new AmazonNotificationResult(notification, AmazonNotificationOutcome.CancellationRequested, order.Id, detail);
        }
        if (!string.IsNullOrWhiteSpace(notification.OrderStatus)) await _fulfilment.RecordChannelStatusAsync(order.Id, notification.OrderStatus, cancellationToken).ConfigureAwait(false);
        return new AmazonNotificationResult(notification, AmazonNotificationOutcome.Recorded, order.Id, $"{notification.ChangeType}: status {notification.OrderStatus ?? "(none)"}; re-fetch the order for the full change");
    }
}
