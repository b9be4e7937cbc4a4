using OrderCore.Inventory;
using OrderCore.Testing;

namespace OrderCore.Tests.Inventory;

public sealed class AtpCalculatorTests
{
    private static readonly OwnerId Owner = TestIds.Owner;
    private static readonly Sku Sku1 = Sku.From("SKU-1");
    private static readonly LocationId A = TestIds.Warehouse;
    private static readonly LocationId B = TestIds.SecondWarehouse;

    private static InventoryBalance Balance(LocationId location, InventoryStatus status, int onHand, int reserved, OwnerId? owner = null, string sku = "SKU-1")
        => new(new BalanceKey(owner ?? Owner, Sku.From(sku), location, status), onHand, reserved, 1);

    [Fact]
    public void Compute_SafetyStockBufferAndShare_ExplainsEveryTerm()
    {
        var policy = new ChannelAtpPolicy(TestIds.Channel, [new(A, InventoryStatus.Sellable), new(B, InventoryStatus.Sellable)], SafetyStock: 3, ChannelBuffer: 2, AllocationShare: 0.5m);
        var balances = new[] { Balance(A, InventoryStatus.Sellable, 10, 2), Balance(B, InventoryStatus.Sellable, 6, 1) };

        var atp = AtpCalculator.Compute(Owner, Sku1, policy, balances);

        Assert.Equal(13, atp.SumAvailable);           // (10 − 2) + (6 − 1)
        Assert.Equal(3, atp.SafetyStock);
        Assert.Equal(2, atp.ChannelBuffer);
        Assert.Equal(0.5m, atp.AllocationShare);
        Assert.Equal(4, atp.Atp);                     // floor((13 − 3 − 2) × 0.5)
        Assert.Equal([8, 5], atp.Terms.Select(t => t.Contribution));
        Assert.Equal([(10, 2), (6, 1)], atp.Terms.Select(t => (t.OnHand, t.Reserved)));
        Assert.Empty(atp.NegativeBalances);
        Assert.Equal("ATP 4 = floor(max(13 available over 2 balance(s) − 3 safety − 2 buffer, 0) × 0.5)", atp.Explain());
    }

    [Fact]
    public void Compute_NegativeBalance_CountsZeroAndIsReportedSeparately()
    {
        var policy = new ChannelAtpPolicy(TestIds.Channel, [new(A, InventoryStatus.Sellable), new(B, InventoryStatus.Sellable)]);
        var balances = new[] { Balance(A, InventoryStatus.Sellable, -2, 0), Balance(B, InventoryStatus.Sellable, 2, 0) };

        var atp = AtpCalculator.Compute(Owner, Sku1, policy, balances);

        Assert.Equal(2, atp.Atp);
        var negative = Assert.Single(atp.NegativeBalances);
        Assert.Equal((A, -2, 0), (negative.Key.Location, negative.OnHand, negative.Contribution));
        Assert.EndsWith("; 1 negative balance(s) counted as 0", atp.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DeductionsLargerThanStock_FloorsAtZero()
    {
        var policy = new ChannelAtpPolicy(TestIds.Channel, [new(A, InventoryStatus.Sellable)], SafetyStock: 10);

        Assert.Equal(0, AtpCalculator.Compute(Owner, Sku1, policy, [Balance(A, InventoryStatus.Sellable, 4, 0)]).Atp);
    }

    [Fact]
    public void Compute_BalancesOutsideSourcesOtherOwnersAndSkus_AreIgnored()
    {
        var policy = new ChannelAtpPolicy(TestIds.Channel, [new(A, InventoryStatus.Sellable)]);
        var balances = new[]
        {
            Balance(A, InventoryStatus.Sellable, 5, 0),
            Balance(A, InventoryStatus.FbaBound, 50, 0),
            Balance(B, InventoryStatus.Sellable, 50, 0),
            Balance(A, InventoryStatus.Sellable, 50, 0, owner: TestIds.OtherOwner),
            Balance(A, InventoryStatus.Sellable, 50, 0, sku: "SKU-2"),
        };

        var atp = AtpCalculator.Compute(Owner, Sku1, policy, balances);

        Assert.Equal(5, atp.Atp);
        Assert.Single(atp.Terms);
    }

    [Theory]
    [InlineData(-1, 0, 1)]
    [InlineData(0, -1, 1)]
    [InlineData(0, 0, 1.5)]
    [InlineData(0, 0, -0.1)]
    public void Compute_PolicyOutOfRange_ThrowsArgumentOutOfRange(int safety, int buffer, double share)
    {
        var policy = new ChannelAtpPolicy(TestIds.Channel, [new(A, InventoryStatus.Sellable)], safety, buffer, (decimal)share);

        Assert.Throws<ArgumentOutOfRangeException>(() => AtpCalculator.Compute(Owner, Sku1, policy, []));
    }
}
