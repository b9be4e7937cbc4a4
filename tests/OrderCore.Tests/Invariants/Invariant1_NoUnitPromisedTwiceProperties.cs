using OrderCore.InMemory;
using OrderCore.Inventory;
using OrderCore.Testing;
using OrderCore.Tests.Support;

namespace OrderCore.Tests.Invariants;

/// <summary>
/// DESIGN invariant 1: no unit is promised twice — per (owner, SKU, location, status), reserved ≤ on hand after any
/// sequence of operations, and the reservations on record account for exactly the reserved units.
/// </summary>
public sealed class Invariant1_NoUnitPromisedTwiceProperties
{
    [Property(MaxTest = 200)]
    public Property Apply_AnyScript_ReservedNeverExceedsOnHandAfterEveryStep() =>
        Prop.ForAll(OrderCoreArbitraries.InventoryScripts(), async script =>
        {
            var f = InventoryPoolFixture.Create();
            var runner = new InventoryOperationRunner(f.Pool);
            foreach (var op in script.Operations)
            {
                await runner.ApplyAsync(op);
                foreach (var b in await f.Store.GetAllBalancesAsync())
                {
                    Assert.True(b.Reserved >= 0, $"{b.Key}: reserved {b.Reserved} < 0 after {op}");
                    Assert.True(b.Reserved <= b.OnHand, $"{b.Key}: reserved {b.Reserved} > on hand {b.OnHand} after {op}");
                }
            }
        });

    [Property(MaxTest = 200)]
    public Property Apply_AnyScriptWithNegativeAllowed_ReservedNeverExceedsPositiveOnHand() =>
        Prop.ForAll(OrderCoreArbitraries.InventoryScripts(), async script =>
        {
            var f = InventoryPoolFixture.Create(allowNegativeOnHand: true);
            await new InventoryOperationRunner(f.Pool).RunAsync(script);
            foreach (var b in await f.Store.GetAllBalancesAsync())
            {
                Assert.InRange(b.Reserved, 0, Math.Max(b.OnHand, 0));
            }
        });

    [Property(MaxTest = 200)]
    public Property Apply_AnyScript_LiveReservationsSumExactlyToReserved() =>
        Prop.ForAll(OrderCoreArbitraries.InventoryScripts(), async script =>
        {
            var f = InventoryPoolFixture.Create();
            var runner = new InventoryOperationRunner(f.Pool);
            await runner.RunAsync(script);
            var fromReservations = new Dictionary<BalanceKey, int>();
            foreach (var id in runner.Reservations)
            {
                var r = await f.Store.GetReservationAsync(id);
                if (r is null) continue;
                Assert.NotEmpty(r.Lines);
                foreach (var l in r.Lines) fromReservations[l.Key] = fromReservations.GetValueOrDefault(l.Key) + l.Quantity;
            }
            foreach (var b in await f.Store.GetAllBalancesAsync())
            {
                Assert.Equal(fromReservations.GetValueOrDefault(b.Key), b.Reserved);
            }
        });

    [Property(MaxTest = 200)]
    public Property Apply_AnyScript_AgreesWithReferenceModelOnEveryOutcomeAndBalance() =>
        Prop.ForAll(OrderCoreArbitraries.InventoryScripts(), async script =>
        {
            var f = InventoryPoolFixture.Create();
            var model = new InventoryModel();
            var runner = new InventoryOperationRunner(f.Pool);
            for (var i = 0; i < script.Operations.Count; i++)
            {
                var op = script.Operations[i];
                var actual = await runner.ApplyAsync(op);
                var expected = model.Apply(op);
                Assert.True(expected == actual.Result, $"step {i + 1} ({op}): model says {expected}, pool says {actual.Result} ({actual.Detail})");
            }
            var balances = (await f.Store.GetAllBalancesAsync()).ToDictionary(b => b.Key, b => (b.OnHand, b.Reserved));
            Assert.Equal(model.Balances.OrderBy(k => k.Key, BalanceOrder.Instance), balances.OrderBy(k => k.Key, BalanceOrder.Instance));
        });

    [Property(MaxTest = 100)]
    public Property ReserveAsync_SameBalanceOnSeveralLines_IsSummedBeforeTheCheck() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, 20)),
            Arb.From(Gen.Choose(1, 10).ArrayOf().Where(a => a.Length is > 0 and < 5)),
            async (onHand, lines) =>
            {
                var f = InventoryPoolFixture.Create();
                var key = InventoryPoolFixture.Key("acme", "SKU-1", "WH-1");
                if (onHand > 0) await f.ReceiveAsync(key, onHand);
                var result = await f.ReserveAsync("R1", lines.Select(u => (key, u)).ToArray());
                var balance = await f.BalanceAsync(key);
                Assert.Equal(lines.Sum() <= onHand, result.Succeeded);
                Assert.Equal(result.Succeeded ? lines.Sum() : 0, balance.Reserved);
            });
}
