using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Issues;

/// <summary>
/// Regression (found under issue 2): a newer payload that cancels a stored order did not record its version, so the
/// same cancelling payload delivered again came back <c>IgnoredClosed</c> instead of <c>Unchanged</c>, and the stored
/// <see cref="Order.ExternalVersion"/> and channel status stayed at the older version.
/// </summary>
public sealed class Issue_2_CancellingUpdateRecordsItsVersion
{
    [Fact]
    public async Task ImportAsync_CancellingVersionDeliveredTwice_RecordsVersionAndSecondIsUnchanged()
    {
        await using var h = OrderCoreHarness.Create();
        await h.ImportAsync(h.NewOrder().WithVersion(1).WithChannelStatus("Pending").WithLine("SKU-1", 1).Build());
        var cancel = h.NewOrder().WithVersion(2).WithChannelStatus("Cancelled").WithLine("SKU-1", 1).Cancelled().Build();

        var first = await h.ImportAsync(cancel);
        var again = await h.ImportAsync(cancel);

        Assert.Equal(IntakeOutcome.Updated, first.Outcome);
        Assert.Equal(OrderStatus.Cancelled, first.Order.Status);
        Assert.Equal(IntakeOutcome.Unchanged, again.Outcome);
        var stored = await h.GetOrderAsync(first.Order.Id);
        Assert.Equal(2, stored.ExternalVersion);
        Assert.Equal("Cancelled", stored.ChannelStatus);
    }

    [Fact]
    public async Task ImportAsync_VersionBetweenImportAndCancellation_IsIgnoredOlder()
    {
        await using var h = OrderCoreHarness.Create();
        await h.ImportAsync(h.NewOrder().WithVersion(1).WithLine("SKU-1", 1).Build());
        await h.ImportAsync(h.NewOrder().WithVersion(5).WithLine("SKU-1", 1).Cancelled().Build());

        var late = await h.ImportAsync(h.NewOrder().WithVersion(3).WithLine("SKU-1", 1).Build());

        Assert.Equal(IntakeOutcome.IgnoredOlder, late.Outcome);
        Assert.Equal(5, late.Order.ExternalVersion);
        Assert.Equal(OrderStatus.Cancelled, late.Order.Status);
    }
}
