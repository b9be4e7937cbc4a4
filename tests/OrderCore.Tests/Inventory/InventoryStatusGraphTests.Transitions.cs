using OrderCore.Inventory;
using OrderCore.Testing;

namespace OrderCore.Tests.Inventory;

/// <summary>The inventory status graph on every (from, to) pair: the default graph, and <see cref="InventoryPool.MoveStatusAsync"/> over it.</summary>
public sealed partial class InventoryStatusGraphTests
{
    /// <summary>The default graph as documented on <see cref="InventoryStatusGraph"/>, written out independently of the code.</summary>
    private static readonly Dictionary<string, string[]> Documented = new()
    {
        ["Sellable"] = ["FbaBound", "Hold", "Damaged", "Quarantine"],
        ["FbaBound"] = ["InPrep", "Sellable", "Hold"],
        ["InPrep"] = ["Prepped", "Sellable", "Damaged", "Hold"],
        ["Prepped"] = ["InPrep", "Sellable", "Damaged", "Hold"],
        ["Hold"] = ["Sellable", "Damaged", "Quarantine"],
        ["Damaged"] = ["Quarantine", "Sellable"],
        ["Quarantine"] = ["Sellable", "Damaged"],
        ["ReturnPending"] = ["Sellable", "Damaged", "Quarantine", "Hold"],
    };

    public static TheoryData<string, string> AllPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in InventoryStatus.WellKnown)
        {
            foreach (var to in InventoryStatus.WellKnown) data.Add(from.Name, to.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void EnsureCanMove_EveryPairOfDefaultGraph_SucceedsExactlyWhenDocumented(string from, string to)
    {
        var allowed = Documented[from].Contains(to);
        var graph = InventoryStatusGraph.Default;

        Assert.Equal(allowed, graph.CanMove(InventoryStatus.From(from), InventoryStatus.From(to)));
        if (allowed)
        {
            graph.EnsureCanMove(InventoryStatus.From(from), InventoryStatus.From(to));
            return;
        }
        var e = Assert.Throws<InvalidStatusTransitionException>(() => graph.EnsureCanMove(InventoryStatus.From(from), InventoryStatus.From(to), "SKU-1"));
        Assert.Equal(("InventoryStatus", from, to, "SKU-1"), (e.Machine, e.From, e.To, e.Subject));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public async Task MoveStatusAsync_EveryPairOfDefaultGraph_MovesUnitsWhenAllowedElseThrowsAndChangesNothing(string from, string to)
    {
        var f = InventoryPoolFixture.Create();
        var source = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1", InventoryStatus.From(from));
        var target = source.WithStatus(InventoryStatus.From(to));
        await f.ReceiveAsync(source, 5);

        if (Documented[from].Contains(to))
        {
            var entry = await f.Pool.MoveStatusAsync(source, target.Status, Quantity.Of(2), "disposition", "RMA-1");
            Assert.Equal(MovementType.MoveStatus, entry.Type);
            Assert.Equal([new BalanceDelta(source, -2, 0), new BalanceDelta(target, 2, 0)], entry.Deltas);
            Assert.Equal(3, (await f.BalanceAsync(source)).OnHand);
            Assert.Equal(2, (await f.BalanceAsync(target)).OnHand);
            return;
        }
        await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => f.Pool.MoveStatusAsync(source, target.Status, Quantity.Of(2), "disposition", "RMA-1"));
        Assert.Equal(5, (await f.BalanceAsync(source)).OnHand);
        Assert.Single(await f.LedgerAsync());
    }

    [Fact]
    public void Statuses_DefaultGraph_HoldsTheEightWellKnownOrderedByName()
    {
        Assert.Equal(
            ["Damaged", "FbaBound", "Hold", "InPrep", "Prepped", "Quarantine", "ReturnPending", "Sellable"],
            InventoryStatusGraph.Default.Statuses.Select(s => s.Name));
    }

    [Fact]
    public async Task MoveStatusAsync_MoreThanUnreservedUnits_ThrowsInsufficientInventory()
    {
        var f = InventoryPoolFixture.Create();
        var key = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1");
        await f.ReceiveAsync(key, 5);
        await f.ReserveAsync("R1", (key, 4));

        var e = await Assert.ThrowsAsync<InsufficientInventoryException>(() => f.Pool.MoveStatusAsync(key, InventoryStatus.FbaBound, Quantity.Of(2), "fba-replenishment", "PLAN-1"));

        Assert.Equal(GuardKind.ReservedWithinOnHand, Assert.Single(e.Failures).Kind);
        Assert.Equal(0, (await f.BalanceAsync(key.WithStatus(InventoryStatus.FbaBound))).OnHand);
    }

    [Fact]
    public async Task MoveStatusAsync_CustomGraphWithCustomStatus_FollowsTheCustomEdges()
    {
        var rework = InventoryStatus.From("Rework");
        var graph = InventoryStatusGraph.Default.ToBuilder()
            .Allow(InventoryStatus.Damaged, rework)
            .Allow(rework, InventoryStatus.Sellable)
            .Forbid(InventoryStatus.Damaged, InventoryStatus.Sellable)
            .Build();
        var f = InventoryPoolFixture.Create(statusGraph: graph);
        var damaged = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1", InventoryStatus.Damaged);
        await f.ReceiveAsync(damaged, 3);

        await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => f.Pool.MoveStatusAsync(damaged, InventoryStatus.Sellable, Quantity.Of(1), "rework", "W-1"));
        await f.Pool.MoveStatusAsync(damaged, rework, Quantity.Of(3), "rework", "W-1");
        await f.Pool.MoveStatusAsync(damaged.WithStatus(rework), InventoryStatus.Sellable, Quantity.Of(3), "rework", "W-1");

        Assert.Equal(3, (await f.BalanceAsync(damaged.WithStatus(InventoryStatus.Sellable))).OnHand);
        Assert.False(InventoryStatusGraph.Default.Contains(rework));
    }

    [Fact]
    public void Allow_StatusToItself_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => InventoryStatusGraph.CreateBuilder().Allow(InventoryStatus.Hold, InventoryStatus.Hold));
    }

    [Fact]
    public void From_WellKnownName_ReturnsTheWellKnownStatusAndBadNamesThrow()
    {
        Assert.Equal(InventoryStatus.FbaBound, InventoryStatus.From(" FbaBound "));
        Assert.Equal("Rework-2", InventoryStatus.From("Rework-2").Name);
        Assert.Throws<ArgumentException>(() => InventoryStatus.From("on hold"));
        Assert.False(InventoryStatus.TryFrom("", out _));
    }
}
