using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Issues;

/// <summary>
/// Regressions for four defects found in review under issue 2:
/// 1. with <see cref="OrderCoreOptions.AllowNegativeOnHand"/> on, a status move or transfer out of an empty balance
///    created reservable stock out of nothing;
/// 2. validating a cancelled merchant order raised MissingAddress entries for an order nobody will ship;
/// 3. a partially shipped order whose remaining lines were cancelled stayed PartiallyShipped forever;
/// 4. a long external order id made the derived order id exceed the 200-character limit and import threw;
/// and a partial shipment of several lines is one ledger entry (all lines or none).
/// </summary>
public sealed class Issue_2_ReviewFindings
{
    [Fact]
    public async Task MoveStatusAsync_NegativeAllowedButSourceEmpty_IsRefusedAndCreatesNoStock()
    {
        await using var h = OrderCoreHarness.Create(o => o.ConfigureCore = c => c.AllowNegativeOnHand = true);
        await h.AddProductsAsync("SKU-1");

        var ex = await Assert.ThrowsAsync<InsufficientInventoryException>(() =>
            h.Pool.MoveStatusAsync(h.Key("SKU-1", status: InventoryStatus.FbaBound), InventoryStatus.Sellable, Quantity.Of(5), "phantom", "doc-1"));

        Assert.Equal(GuardKind.OnHandNotNegative, ex.Failures[0].Kind);
        Assert.Null(await h.Inventory.GetBalanceAsync(h.Key("SKU-1")));
        // The policy still applies to count adjustments, its documented purpose.
        await h.Pool.AdjustAsync(h.Key("SKU-1"), -3, "cycle-count", "count-1");
        Assert.Equal(-3, (await h.BalanceAsync("SKU-1")).OnHand);
    }

    [Fact]
    public async Task ValidateAsync_CancelledMerchantOrderWithoutAddress_RaisesNothing()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1");
        var imported = await h.ImportAsync(h.NewOrder().WithoutAddress().WithLine("SKU-1", 1).Cancelled().Build());
        Assert.Equal(OrderStatus.Cancelled, imported.Order.Status);

        var result = await h.Intake.ValidateAsync(imported.Order.Id);

        Assert.True(result.IsValid);
        Assert.Empty(await h.Exceptions.ListOpenAsync(imported.Order.Id));
    }

    [Fact]
    public async Task CancelLineAsync_LastOpenLineOfPartiallyShippedOrder_MovesOrderToShipped()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1", "SKU-2");
        await h.ReceiveAsync("SKU-1", 5);
        await h.ReceiveAsync("SKU-2", 5);
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2).WithLine("SKU-2", 1));
        var lines = placed.Order.Lines;
        await h.Fulfilment.ShipLinesAsync(placed.Order.Id, [lines[0].Id], "shipment-1");
        Assert.Equal(OrderStatus.PartiallyShipped, (await h.GetOrderAsync(placed.Order.Id)).Status);

        var order = await h.Fulfilment.CancelLineAsync(placed.Order.Id, lines[1].Id, "customer-request");

        Assert.Equal(OrderStatus.Shipped, order.Status);
        Assert.Null(order.ReservationId);
        Assert.Equal(3, (await h.BalanceAsync("SKU-1")).OnHand);
        Assert.Equal(5, (await h.BalanceAsync("SKU-2")).OnHand);
        Assert.Equal(0, (await h.BalanceAsync("SKU-2")).Reserved);
        Assert.Empty(await h.VerifyLedgerAsync());
    }

    [Fact]
    public async Task ShipLinesAsync_TwoOfThreeLines_IsOneShipEntryAndKeepsTheThirdReserved()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1", "SKU-2", "SKU-3");
        foreach (var sku in new[] { "SKU-1", "SKU-2", "SKU-3" }) await h.ReceiveAsync(sku, 4);
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 1).WithLine("SKU-2", 2).WithLine("SKU-3", 3));
        var lines = placed.Order.Lines;
        var before = (await h.LedgerAsync()).Count;

        await h.Fulfilment.ShipLinesAsync(placed.Order.Id, [lines[0].Id, lines[1].Id], "shipment-1");

        var ledger = await h.LedgerAsync();
        Assert.Equal(before + 1, ledger.Count);
        Assert.Equal(MovementType.Ship, ledger[^1].Type);
        Assert.Equal(2, ledger[^1].Deltas.Count);
        Assert.Equal(3, (await h.BalanceAsync("SKU-1")).OnHand);
        Assert.Equal(2, (await h.BalanceAsync("SKU-2")).OnHand);
        Assert.Equal(3, (await h.BalanceAsync("SKU-3")).Reserved);
    }

    [Fact]
    public async Task ImportAsync_ExternalIdOf190Characters_ImportsWithAShortenedStableId()
    {
        await using var h = OrderCoreHarness.Create();
        var external = new string('A', 190);

        var first = await h.ImportAsync(h.NewOrder(external).WithLine("SKU-1", 1).Build());
        var again = await h.ImportAsync(h.NewOrder(external).WithLine("SKU-1", 1).Build());

        Assert.Equal(IntakeOutcome.Created, first.Outcome);
        Assert.Equal(IntakeOutcome.Unchanged, again.Outcome);
        Assert.Equal(177, first.Order.Id.Value.Length);
        Assert.Equal(first.Order.Id, again.Order.Id);
        Assert.Equal(external, first.Order.ExternalOrderId);
    }
}
