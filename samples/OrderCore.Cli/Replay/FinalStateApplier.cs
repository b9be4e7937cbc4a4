using OrderCore.Orders;
using OrderCore.Ports;

namespace OrderCore.Cli.Replay;

/// <summary>
/// Applies an order's final state from the source file through OrderCore's fulfilment service. All inventory effects
/// (units leaving on hand, reservations released, returns received into <c>ReturnPending</c>) happen in the library;
/// this class only decides which library call the state asks for.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="FinalState.Cancelled"/> cancels: the library releases any reservation and closes open exceptions.</item>
/// <item>A shipped state ships a merchant-fulfilled order only when it is allocated: an order with an open exception
/// (unmapped SKU, missing address, insufficient stock) is not advanced, since OrderCore cannot ship what it has not
/// allocated. A marketplace-fulfilled order ships even while a mapping exception stays open: the marketplace fulfils
/// it, not us, and its channel status is already recorded by the import.</item>
/// <item>Then <see cref="FinalState.Delivered"/> records delivery; <see cref="FinalState.Returned"/> records the return
/// (for a merchant order the library receives the shipped units into <c>ReturnPending</c> at the location it shipped
/// from); <see cref="FinalState.Lost"/> stops at shipped.</item>
/// <item><see cref="FinalState.Open"/> leaves the order as it is.</item>
/// </list>
/// </remarks>
internal sealed class FinalStateApplier(IOrderStore orders, OrderFulfilment fulfilment)
{
    public async Task ApplyAsync(OrderId orderId, FinalState state, CancellationToken cancellationToken)
    {
        if (state == FinalState.Open) return;
        var order = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Order {orderId} vanished from the store.");
        if (state == FinalState.Cancelled)
        {
            if (!OrderStatusMachine.IsTerminal(order.Status) && OrderStatusMachine.CanMove(order.Status, OrderStatus.Cancelled))
            {
                await fulfilment.CancelAsync(orderId, "channel-cancelled", cancellationToken).ConfigureAwait(false);
            }
            return;
        }

        var canShip = order.FulfilmentChannel == FulfilmentChannel.Merchant
            ? order.Status == OrderStatus.Allocated
            : order.Status == OrderStatus.Received && order.OpenLines.Any();
        if (!canShip) return;
        await fulfilment.ShipAsync(orderId, orderId.Value, cancellationToken).ConfigureAwait(false);
        switch (state)
        {
            case FinalState.Delivered:
                await fulfilment.DeliverAsync(orderId, cancellationToken).ConfigureAwait(false);
                break;
            case FinalState.Returned:
                await fulfilment.ReturnAsync(orderId, order.ChannelStatus ?? "returned-to-seller", null, cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
