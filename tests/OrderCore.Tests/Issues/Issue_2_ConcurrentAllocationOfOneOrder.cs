using Microsoft.Extensions.DependencyInjection;
using OrderCore.InMemory;
using OrderCore.Orders;
using OrderCore.Ports;
using OrderCore.Testing;
using OrderCore.Tests.Support;

namespace OrderCore.Tests.Issues;

/// <summary>
/// Regression (found under issue 2): when two callers allocated the same order at once, the loser's reservation was
/// refused because the winner had already made it (same reservation id), the loser retried the same id until it gave up,
/// and then raised an <see cref="OrderExceptionReason.InsufficientInventory"/> entry ("stock changed while reserving") on
/// an order that was in fact allocated: a false entry in the exception queue.
/// </summary>
public sealed class Issue_2_ConcurrentAllocationOfOneOrder
{
    [Fact]
    public async Task AllocateAsync_SameOrderAllocatedByAnotherCallerMidway_ReturnsAllocatedWithoutException()
    {
        var store = new InterleavingInventoryStore(new InMemoryInventoryStore());
        await using var h = OrderCoreHarness.Create(o => o.ConfigureServices = s => s.AddSingleton<IInventoryStore>(store));
        await h.AddProductAsync("SKU-1");
        await h.ReceiveAsync("SKU-1", 10);
        var imported = await h.ImportAsync(h.NewOrder().WithLine("SKU-1", 2).Build());
        await h.Intake.ValidateAsync(imported.Order.Id);
        store.BeforeNextApply(() => h.Fulfilment.AllocateAsync(imported.Order.Id));

        var result = await h.Fulfilment.AllocateAsync(imported.Order.Id);

        Assert.True(result.Allocated);
        Assert.Null(result.Exception);
        Assert.Equal(OrderStatus.Allocated, result.Order.Status);
        Assert.Empty(await h.Exceptions.ListOpenAsync());
        Assert.Equal(2, (await h.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(1, (await h.GetOrderAsync(imported.Order.Id)).AllocationCount);
    }
}
