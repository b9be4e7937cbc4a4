using OrderCore.Fulfilment;
using OrderCore.Inventory;
using OrderCore.Orders;
using OrderCore.Routing;
using OrderCore.Testing;
using static OrderCore.Routing.Tests.PriorityOrderRouterTests;

namespace OrderCore.Routing.Tests;

/// <summary>Properties of the seed router: deterministic for equal inputs (DESIGN invariant 7), never over-draws a balance, stays within owner, location and statuses.</summary>
public sealed class PriorityOrderRouterProperties
{
    private static readonly LocationId[] Locations = [A, B, C];
    private static readonly string[] Skus = ["SKU-1", "SKU-2", "SKU-3"];
    private static readonly OwnerId[] Owners = [TestIds.Owner, TestIds.OtherOwner];

    /// <summary>A routing situation: every (owner, SKU, location, status) balance with random quantities, a demand and a router configuration.</summary>
    public sealed record Situation(InventoryBalance[] Balances, (string Sku, int Quantity)[] Demand, LocationId[] Preference, InventoryStatus[] Statuses)
    {
        public override string ToString()
            => $"demand [{string.Join(", ", Demand.Select(d => $"{d.Quantity}×{d.Sku}"))}], preference [{string.Join(", ", Preference)}], statuses [{string.Join(", ", Statuses)}]; "
               + string.Join("; ", Balances.Where(b => b.OnHand != 0).Select(b => $"{b.Key} {b.OnHand}/{b.Reserved}"));
    }

    private static readonly Gen<InventoryBalance> BalanceGen =
        from owner in Gen.Elements(Owners)
        from sku in Gen.Elements(Skus)
        from location in Gen.Elements(Locations)
        from status in Gen.Frequency((3, Gen.Constant(InventoryStatus.Sellable)), (2, OrderCoreGenerators.Status))
        from onHand in Gen.Choose(-3, 8)
        from reserved in Gen.Choose(0, Math.Max(onHand, 0))
        select new InventoryBalance(new BalanceKey(owner, Sku.From(sku), location, status), onHand, reserved, 1);

    private static readonly Arbitrary<Situation> Situations = Arb.From(
        from balances in BalanceGen.ArrayOf().Select(a => a.DistinctBy(b => b.Key).ToArray())
        from demand in (from s in Gen.Elements(Skus) from q in Gen.Choose(1, 6) select (s, q)).ArrayOf().Where(d => d.Length is > 0 and <= 4)
        from preference in Gen.Shuffle(Locations).SelectMany(p => Gen.Choose(1, 3).Select(n => p.Take(n).ToArray()))
        from extra in Gen.SubListOf(InventoryStatus.WellKnown.Where(s => s != InventoryStatus.Sellable))
        from statuses in Gen.Frequency((3, Gen.Constant(new[] { InventoryStatus.Sellable })), (1, Gen.Constant(new[] { InventoryStatus.Sellable }.Concat(extra).ToArray())))
        select new Situation(balances, demand, preference, statuses));

    private static RoutingDecision Route(Situation s, IEnumerable<InventoryBalance>? order = null)
        => new PriorityOrderRouter(s.Preference, s.Statuses).Route(Request(s.Demand), BySku((order ?? s.Balances).ToArray()));

    private static string Describe(RoutingDecision d)
        => $"{d.IsRouted}|{string.Join(",", d.Lines)}|{string.Join(",", d.Shortages)}|{string.Join(",", d.Trace)}";

    [Property(MaxTest = 300)]
    public Property Route_EqualInputs_GiveEqualDecisions() =>
        Prop.ForAll(Situations, s =>
        {
            var first = Route(s);
            var second = Route(s with { Balances = s.Balances.Select(b => b with { }).ToArray() });
            Assert.Equal(Describe(first), Describe(second));
        });

    [Property(MaxTest = 300)]
    public Property Route_BalancesInAnotherOrder_GiveTheSameDecision() =>
        Prop.ForAll(Situations, Arb.From(Gen.Choose(0, int.MaxValue)), (s, seed) =>
        {
            var shuffled = s.Balances.ToArray();
            new Random(seed).Shuffle(shuffled);
            Assert.Equal(Describe(Route(s)), Describe(Route(s, shuffled)));
        });

    [Property(MaxTest = 300)]
    public Property Route_AnyDecision_NeverDrawsMoreThanUsablePerBalanceAndStaysInBounds() =>
        Prop.ForAll(Situations, s =>
        {
            var d = Route(s);
            var byKey = s.Balances.ToDictionary(b => b.Key);
            foreach (var g in d.Lines.GroupBy(l => l.Key))
            {
                var balance = byKey[g.Key];
                Assert.True(g.Sum(l => l.Quantity) <= balance.UsableAvailable, $"{g.Key}: drew {g.Sum(l => l.Quantity)}, usable {balance.UsableAvailable}");
                Assert.Equal(TestIds.Owner, g.Key.Owner);
                Assert.Contains(g.Key.Status, s.Statuses);
            }
            Assert.All(d.Lines, l => Assert.True(l.Quantity > 0));
            if (d.IsRouted)
            {
                Assert.Single(d.Lines.Select(l => l.Key.Location).Distinct());
                Assert.Contains(d.PrimaryLocation!.Value, s.Preference);
                var request = Request(s.Demand);
                foreach (var line in request.Lines)
                {
                    Assert.Equal(line.Quantity, d.Lines.Where(l => l.Line == line.Line).Sum(l => l.Quantity));
                    Assert.All(d.Lines.Where(l => l.Line == line.Line), l => Assert.Equal(line.Sku, l.Key.Sku));
                }
                Assert.Empty(d.Shortages);
            }
            else
            {
                Assert.Empty(d.Lines);
                Assert.NotEmpty(d.Shortages);
            }
        });

    [Property(MaxTest = 300)]
    public Property Route_FirstCoveringLocationInPreferenceOrder_IsTheOneChosen() =>
        Prop.ForAll(Situations, s =>
        {
            var totals = s.Demand.GroupBy(x => x.Sku).ToDictionary(g => g.Key, g => g.Sum(x => x.Quantity));
            int Usable(LocationId loc, string sku) => s.Balances
                .Where(b => b.Key.Owner == TestIds.Owner && b.Key.Location == loc && b.Key.Sku.Value == sku && s.Statuses.Contains(b.Key.Status))
                .Sum(b => b.UsableAvailable);
            var expected = s.Preference.Cast<LocationId?>().FirstOrDefault(loc => totals.All(t => Usable(loc!.Value, t.Key) >= t.Value));

            Assert.Equal(expected, Route(s).PrimaryLocation);
        });

    [Property(MaxTest = 200)]
    public Property Route_DefaultStatuses_NeverDrawNonSellableUnits() =>
        Prop.ForAll(Situations, s =>
        {
            var d = new PriorityOrderRouter(s.Preference).Route(Request(s.Demand), BySku(s.Balances));
            Assert.All(d.Lines, l => Assert.Equal(InventoryStatus.Sellable, l.Key.Status));
        });
}
