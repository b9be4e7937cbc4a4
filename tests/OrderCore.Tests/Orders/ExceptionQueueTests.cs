using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Orders;

public sealed class ExceptionQueueTests
{
    [Fact]
    public async Task RedriveAsync_AfterMissingProductIsAdded_ValidatesAndAllocates()
    {
        await using var h = OrderCoreHarness.Create();
        await h.ReceiveAsync("NEW-SKU", 5);
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("NEW-SKU", 2));
        var entry = Assert.Single(await h.Exceptions.ListOpenAsync());
        Assert.Equal(OrderExceptionReason.UnmappedSku, entry.Reason);

        await h.AddProductAsync("NEW-SKU");
        var result = await h.Exceptions.RedriveAsync(placed.Order.Id);

        Assert.True(result.Allocated);
        Assert.Equal(2, (await h.BalanceAsync("NEW-SKU")).Reserved);
        Assert.Empty(await h.Exceptions.ListOpenAsync());
        var resolved = Assert.Single(await h.Orders.GetExceptionsAsync(placed.Order.Id, openOnly: false));
        Assert.Equal("revalidated", resolved.Resolution);
        Assert.Equal(TestIds.Start, resolved.ResolvedAt);
    }

    [Fact]
    public async Task RedriveAsync_StillUnmapped_ReturnsTheNewEntryAndAllocatesNothing()
    {
        await using var h = OrderCoreHarness.Create();
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("NOPE", 1));

        var result = await h.Exceptions.RedriveAsync(placed.Order.Id);

        Assert.False(result.Allocated);
        Assert.Equal(OrderExceptionReason.UnmappedSku, result.Exception!.Reason);
        Assert.Single(await h.Exceptions.ListOpenAsync());
        Assert.Equal(2, (await h.Orders.GetExceptionsAsync(placed.Order.Id, openOnly: false)).Count);
    }

    [Fact]
    public async Task RedriveAsync_AfterStockArrives_ResolvesInsufficientInventoryAndAllocates()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");
        await h.ReceiveAsync("SKU-1", 1);
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 3));
        Assert.Equal(OrderExceptionReason.InsufficientInventory, Assert.Single(await h.Exceptions.ListOpenAsync()).Reason);

        await h.ReceiveAsync("SKU-1", 2);
        var result = await h.Exceptions.RedriveAsync(placed.Order.Id);

        Assert.True(result.Allocated);
        Assert.Empty(await h.Exceptions.ListOpenAsync());
        Assert.Equal("reallocating", Assert.Single(await h.Orders.GetExceptionsAsync(placed.Order.Id, openOnly: false)).Resolution);
    }

    [Fact]
    public async Task RedriveAsync_AfterAddressIsFixedByNewerVersion_Allocates()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");
        await h.ReceiveAsync("SKU-1", 5);
        var placed = await h.PlaceAsync(h.NewOrder().ShipTo("Pune", "MH", null, "IN").WithLine("SKU-1", 1));
        Assert.Equal("ship_to.postal_code", Assert.Single(placed.Validation.Exceptions).Field);

        await h.ImportAsync(h.NewOrder().WithVersion(2).ShipTo("Pune", "MH", "411001.0", "IN").WithLine("SKU-1", 1).Build());
        var result = await h.Exceptions.RedriveAsync(placed.Order.Id);

        Assert.True(result.Allocated);
        Assert.Equal("411001", result.Order.ShipTo!.PostalCode);
    }

    [Fact]
    public async Task ResolveAsync_OperatorNote_ClosesTheEntryWithTheClocksInstant()
    {
        await using var h = OrderCoreHarness.Create();
        await h.PlaceAsync(h.NewOrder().WithLine("NOPE", 1));
        var entry = Assert.Single(await h.Exceptions.ListOpenAsync());
        h.Advance(NodaTime.Duration.FromHours(2));

        var resolved = await h.Exceptions.ResolveAsync(entry.Id, "mapped by hand in the OMS");

        Assert.False(resolved.IsOpen);
        Assert.Equal("mapped by hand in the OMS", resolved.Resolution);
        Assert.Equal(TestIds.Start + NodaTime.Duration.FromHours(2), resolved.ResolvedAt);
        Assert.Empty(await h.Exceptions.ListOpenAsync());
    }

    [Fact]
    public async Task ResolveAsync_UnknownId_ThrowsNotFound()
    {
        await using var h = OrderCoreHarness.Create();

        await Assert.ThrowsAsync<NotFoundException>(() => h.Exceptions.ResolveAsync(99, "x"));
    }

    [Fact]
    public async Task CountOpenOrdersByReasonAsync_SeveralEntriesPerOrder_CountsOrdersNotEntries()
    {
        await using var h = OrderCoreHarness.Create();
        await h.PlaceAsync(h.NewOrder("A").WithLine("X", 1).WithLine("Y", 1));
        await h.PlaceAsync(h.NewOrder("B").WithLine("Z", 1).WithoutAddress());

        var counts = await h.Exceptions.CountOpenOrdersByReasonAsync();

        Assert.Equal(2, counts[OrderExceptionReason.UnmappedSku]);
        Assert.Equal(1, counts[OrderExceptionReason.MissingAddress]);
        Assert.Equal(4, (await h.Exceptions.ListOpenAsync()).Count);
    }

    [Fact]
    public async Task AllocateAsync_OrderWithOpenValidationException_DoesNotAllocate()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductAsync("SKU-1");
        await h.ReceiveAsync("SKU-1", 5);
        var placed = await h.PlaceAsync(h.NewOrder().WithoutAddress().WithLine("SKU-1", 1));

        var result = await h.Fulfilment.AllocateAsync(placed.Order.Id);

        Assert.Null(result.Decision);
        Assert.False(result.Allocated);
        Assert.Equal(0, (await h.BalanceAsync("SKU-1")).Reserved);
    }
}
