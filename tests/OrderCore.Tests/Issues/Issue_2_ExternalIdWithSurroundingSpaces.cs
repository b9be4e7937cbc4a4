using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Issues;

/// <summary>
/// Regression (found under issue 2): an external order id with surrounding spaces (common in CSV exports) was looked up
/// trimmed but stored untrimmed, so the same payload imported twice threw <see cref="ConcurrencyConflictException"/>
/// instead of being a no-op (DESIGN invariant 4).
/// </summary>
public sealed class Issue_2_ExternalIdWithSurroundingSpaces
{
    [Fact]
    public async Task ImportAsync_ExternalIdWithSpacesTwice_SecondIsUnchanged()
    {
        await using var h = OrderCoreHarness.Create();
        var payload = h.NewOrder(" 408-3526661-0965957 ").WithLine("SKU-1", 1).Build();

        var first = await h.ImportAsync(payload);
        var second = await h.ImportAsync(payload);

        Assert.Equal(IntakeOutcome.Created, first.Outcome);
        Assert.Equal(IntakeOutcome.Unchanged, second.Outcome);
        Assert.Equal("408-3526661-0965957", second.Order.ExternalOrderId);
        Assert.NotNull(await h.Orders.FindByExternalIdAsync(TestIds.Owner, TestIds.Channel, TestIds.Account, "408-3526661-0965957"));
    }

    [Fact]
    public async Task ImportAsync_SameIdWithAndWithoutSpaces_IsOneOrder()
    {
        await using var h = OrderCoreHarness.Create();
        await h.ImportAsync(h.NewOrder("1001").WithVersion(1).WithLine("SKU-1", 1).Build());

        var newer = await h.ImportAsync(h.NewOrder("1001 ").WithVersion(2).WithChannelStatus("Shipped").WithLine("SKU-1", 1).Build());

        Assert.Equal(IntakeOutcome.Updated, newer.Outcome);
        Assert.Single(await h.Orders.ListAsync().ToListAsync());
    }
}
