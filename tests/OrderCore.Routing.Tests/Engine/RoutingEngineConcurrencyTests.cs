using OrderCore.Fulfilment;
using OrderCore.Routing.Engine;
using OrderCore.Routing.Rules;
using static OrderCore.Routing.Tests.Engine.RoutingKit;

namespace OrderCore.Routing.Tests.Engine;

/// <summary>One engine and one snapshot shared by many threads give the same decisions as one thread.</summary>
public sealed class RoutingEngineConcurrencyTests
{
    [Fact]
    public void Route_ManyThreadsSharingOneEngine_GiveTheSequentialDecisions()
    {
        var rules = RuleSet(new RoutingActions { Strategy = RoutingStrategy.MostAvailable, Split = SplitPolicy.WhenNoSingleLocation }, null, "A", "B", "C");
        var balances = Enumerable.Range(0, 40).SelectMany(i => new[]
        {
            Balance($"S{i}", A, i % 3), Balance($"S{i}", B, i % 5), Balance($"S{i}", C, (i * 7) % 4 - 1),
        }).ToArray();
        var inventory = RoutingInventory.Create(rules, Owner, balances);
        var engine = new RoutingEngine(rules);
        var requests = Enumerable.Range(0, 400).Select(o => Request(Enumerable.Range(0, 1 + o % 4)
            .Select(l => new DemandLine(OrderLineId.From($"o{o}/{l + 1}"), Sku.From($"S{(o * 31 + l * 7) % 40}"), 1 + (o + l) % 3)).ToArray())).ToArray();
        var expected = requests.Select(r => engine.Route(r, inventory, trace: (r.Lines.Count & 1) == 0)).ToArray();

        var actual = new RoutingDecision[requests.Length];
        Parallel.For(0, requests.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var r = requests[i % requests.Length];
            actual[i % requests.Length] = engine.Route(r, inventory, trace: (r.Lines.Count & 1) == 0);
        });

        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Equal(expected[i].Lines, actual[i].Lines);
            Assert.Equal(expected[i].Trace, actual[i].Trace);
        }
    }
}
