using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Issues;

/// <summary>
/// Regressions from the newcomer check under issue 2: two lines of 2,147,483,647 units of one SKU made allocation throw
/// a raw <see cref="OverflowException"/> that aborted the replay; receiving on top of a near-full balance threw a raw
/// overflow from the store check; shipping an already shipped order said "not allocated"; shipping errors were untyped.
/// </summary>
public sealed class Issue_2_OverflowAndTypedShipping
{
    [Fact]
    public async Task ValidateAsync_TwoLinesOfOneSkuPastIntMax_RaisesInvalidQuantityAndAllocatesNothing()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1");
        await h.ReceiveAsync("SKU-1", 10);
        var imported = await h.ImportAsync(h.NewOrder().WithLine("SKU-1", int.MaxValue).WithLine("SKU-1", int.MaxValue).Build());

        var validation = await h.Intake.ValidateAsync(imported.Order.Id);
        var allocation = await h.Fulfilment.AllocateAsync(imported.Order.Id);

        var entry = Assert.Single(validation.Exceptions);
        Assert.Equal(OrderExceptionReason.InvalidQuantity, entry.Reason);
        Assert.Equal("lines[1].quantity", entry.Field);
        Assert.Contains("4294967294", entry.Detail, StringComparison.Ordinal);
        Assert.Null(allocation.Decision);
        Assert.Equal(0, (await h.BalanceAsync("SKU-1")).Reserved);
    }

    [Fact]
    public async Task ReceiveAsync_PastIntMaxOnHand_ThrowsInventoryLimitExceededAndChangesNothing()
    {
        await using var h = OrderCoreHarness.Create();
        await h.ReceiveAsync("SKU-1", int.MaxValue - 5);

        var e = await Assert.ThrowsAsync<InventoryLimitExceededException>(() => h.Pool.ReceiveAsync(h.Key("SKU-1"), Quantity.Of(6), "receipt", "PO-2"));

        var failure = Assert.Single(e.Failures);
        Assert.Equal(GuardKind.QuantityOverflow, failure.Kind);
        Assert.Equal((6, 5), (failure.Requested, failure.Available));
        Assert.Equal(int.MaxValue - 5, (await h.BalanceAsync("SKU-1")).OnHand);
        Assert.Single(await h.LedgerAsync());
    }

    [Fact]
    public void ReservationRequest_LinesOnOneBalancePastIntMax_ThrowsArgumentOutOfRange()
    {
        var key = new BalanceKey(TestIds.Owner, Sku.From("SKU-1"), TestIds.Warehouse, InventoryStatus.Sellable);

        Assert.Throws<ArgumentOutOfRangeException>(() => new ReservationRequest(ReservationId.From("R1"), TestIds.Owner, "doc",
            [new ReservationLine(key, int.MaxValue), new ReservationLine(key, 1)]));
    }

    [Fact]
    public async Task ShipAsync_OrderAlreadyShipped_ThrowsInvalidStatusTransition()
    {
        await using var h = OrderCoreHarness.Create();
        await h.ReceiveAsync("SKU-1", 3);
        await h.AddProductsAsync("SKU-1");
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 1));
        await h.Fulfilment.ShipAsync(placed.Order.Id, "S-1");

        var e = await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => h.Fulfilment.ShipAsync(placed.Order.Id, "S-2"));

        Assert.Equal(("Shipped", "Shipped"), (e.From, e.To));
        Assert.Equal(2, (await h.BalanceAsync("SKU-1")).OnHand);
    }
}
