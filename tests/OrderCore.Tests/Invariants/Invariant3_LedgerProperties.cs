using OrderCore.Inventory;
using OrderCore.Testing;

namespace OrderCore.Tests.Invariants;

/// <summary>
/// DESIGN invariant 3: the ledger is append-only, numbered 1..n without gaps; every movement has a reason and a
/// reference; replaying it reproduces every balance.
/// </summary>
public sealed class Invariant3_LedgerProperties
{
    [Property(MaxTest = 200)]
    public Property Apply_AnyScript_LedgerIsAppendOnlyGaplessAndReplaysToBalances() =>
        Prop.ForAll(OrderCoreArbitraries.InventoryScripts(), async script =>
        {
            var f = InventoryPoolFixture.Create();
            var runner = new InventoryOperationRunner(f.Pool);
            IReadOnlyList<LedgerEntry> before = [];
            foreach (var op in script.Operations)
            {
                var outcome = await runner.ApplyAsync(op);
                var after = await f.LedgerAsync();
                // Append-only: what was there is still there, unchanged; an applied operation appends exactly one entry,
                // a refused or skipped one appends nothing.
                Assert.Equal(before.Count + (outcome.Result == InventoryOperationResult.Applied ? 1 : 0), after.Count);
                for (var i = 0; i < before.Count; i++) Assert.Same(before[i], after[i]);
                before = after;
            }

            Assert.Equal(Enumerable.Range(1, before.Count).Select(i => (long)i), before.Select(e => e.Sequence));
            Assert.All(before, e =>
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Reason));
                Assert.False(string.IsNullOrWhiteSpace(e.Reference));
                Assert.NotEmpty(e.Deltas);
                Assert.Equal(TestIds.Start, e.OccurredAt);
            });
            Assert.Empty(await f.VerifyLedgerAsync());
            var replayed = LedgerProjection.Replay(before);
            var stored = await f.Store.GetAllBalancesAsync();
            Assert.Equal(replayed.Count, stored.Count);
            foreach (var b in stored) Assert.Equal((b.OnHand, b.Reserved), replayed[b.Key]);
        });

    [Property(MaxTest = 100)]
    public Property ReadLedgerAsync_AfterSequence_ReturnsExactlyTheLaterEntries() =>
        Prop.ForAll(OrderCoreArbitraries.InventoryScripts(), Arb.From(Gen.Choose(0, 60)), async (script, after) =>
        {
            var f = InventoryPoolFixture.Create();
            await new InventoryOperationRunner(f.Pool).RunAsync(script);
            var all = await f.LedgerAsync();
            var tail = new List<LedgerEntry>();
            await foreach (var e in f.Store.ReadLedgerAsync(after)) tail.Add(e);
            Assert.Equal(all.Where(e => e.Sequence > after).Select(e => e.Sequence), tail.Select(e => e.Sequence));
        });

    [Fact]
    public void Compare_StoredBalanceDiffersFromReplay_ReportsTheMismatch()
    {
        var key = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1");
        var ghost = key.AtLocation(TestIds.SecondWarehouse);
        var entries = new[]
        {
            new LedgerEntry(1, TestIds.Start, MovementType.Receive, [new BalanceDelta(key, 5, 0)], "receipt", "PO-1"),
            new LedgerEntry(2, TestIds.Start, MovementType.Reserve, [new BalanceDelta(key, 0, 2)], "order", "O-1"),
            new LedgerEntry(3, TestIds.Start, MovementType.Receive, [new BalanceDelta(ghost, 1, 0)], "receipt", "PO-2"),
        };

        var mismatches = LedgerProjection.Compare(LedgerProjection.Replay(entries), [new InventoryBalance(key, 5, 1, 3)]);

        Assert.Equal(2, mismatches.Count);
        Assert.Equal(new LedgerMismatch(key, 5, 1, 5, 2), mismatches[0]);
        Assert.Equal(new LedgerMismatch(ghost, 0, 0, 1, 0), mismatches[1]);
    }

    [Fact]
    public void Constructor_EntryWithoutReason_ThrowsArgumentException()
    {
        var key = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1");
        var entry = new LedgerEntry(0, TestIds.Start, MovementType.Receive, [new BalanceDelta(key, 1, 0)], " ", "PO-1");

        var e = Assert.Throws<ArgumentException>(() => new InventoryChangeSet([entry]));

        Assert.Contains("reason", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAsync_BlankReference_ThrowsAndWritesNothing()
    {
        var f = InventoryPoolFixture.Create();
        var key = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1");

        await Assert.ThrowsAsync<ArgumentException>(() => f.Pool.ReceiveAsync(key, Quantity.Of(1), "receipt", " "));

        Assert.Empty(await f.LedgerAsync());
    }
}
