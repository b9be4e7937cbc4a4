using OrderCore.Orders;
using OrderCore.Testing;

namespace OrderCore.Tests.Invariants;

/// <summary>
/// DESIGN invariant 4: the same channel event applied twice changes nothing the second time; events arriving out of
/// order never revive a cancelled order or overwrite newer state with older.
/// </summary>
public sealed class Invariant4_IdempotentIntakeProperties
{
    /// <summary>A channel's history of one order: version v is cancelled from <c>CancelFrom</c> on, its second line from <c>LineCancelFrom</c> on.</summary>
    public sealed record History(int[] Deliveries, int? CancelFrom, int? LineCancelFrom)
    {
        public override string ToString() => $"deliveries [{string.Join(", ", Deliveries)}], cancelled from v{CancelFrom?.ToString() ?? "-"}, line 2 cancelled from v{LineCancelFrom?.ToString() ?? "-"}";
    }

    private static readonly Arbitrary<History> Histories = Arb.From(
        from deliveries in Gen.Choose(1, 6).ArrayOf().Where(a => a.Length is > 0 and <= 12)
        from cancelFrom in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 6).Select(v => (int?)v)))
        from lineCancelFrom in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 6).Select(v => (int?)v)))
        select new History(deliveries, cancelFrom, lineCancelFrom));

    /// <summary>The payload a channel sends for version <paramref name="v"/>: always the same for the same version.</summary>
    private static ChannelOrder Payload(History h, int v)
    {
        var b = ChannelOrderBuilder.Merchant("1001").WithVersion(v).WithChannelStatus($"status of v{v}")
            .WithLine("SKU-1", 2, 10m)
            .WithLine("SKU-2", 1, 5m, cancelled: v >= h.LineCancelFrom);
        return b.Cancelled(v >= h.CancelFrom).Build();
    }

    [Property(MaxTest = 150)]
    public Property ImportAsync_AnySequenceOfVersions_FollowsNewestWinsAndNeverRevivesCancelled() =>
        Prop.ForAll(Histories, async history =>
        {
            await using var h = OrderCoreHarness.Create();
            await h.AddProductsAsync("SKU-1", "SKU-2");
            await h.ReceiveAsync("SKU-1", 100);
            await h.ReceiveAsync("SKU-2", 100);

            long? applied = null;
            var cancelled = false;
            foreach (var v in history.Deliveries)
            {
                var payload = Payload(history, v);
                var ordersBefore = await h.Orders.FindByExternalIdAsync(payload.Owner, payload.Channel, payload.Account, payload.ExternalOrderId);
                var ledgerBefore = (await h.LedgerAsync()).Count;
                h.ClearEvents();

                var result = await h.ImportAsync(payload);

                var expected = applied is null ? IntakeOutcome.Created
                    : v == applied ? IntakeOutcome.Unchanged
                    : v < applied ? IntakeOutcome.IgnoredOlder
                    : cancelled ? IntakeOutcome.IgnoredClosed
                    : IntakeOutcome.Updated;
                Assert.True(expected == result.Outcome, $"v{v} after v{applied} (cancelled: {cancelled}): expected {expected}, got {result.Outcome}");
                if (expected is IntakeOutcome.Created or IntakeOutcome.Updated)
                {
                    applied = v;
                    cancelled = payload.IsCancelled;
                }
                else
                {
                    // Nothing changes: same stored version, no event, no ledger entry.
                    var after = await h.GetOrderAsync(result.Order.Id);
                    Assert.Equal(ordersBefore!.Version, after.Version);
                    Assert.Equal(ordersBefore.Status, after.Status);
                    Assert.Equal(ordersBefore.ExternalVersion, after.ExternalVersion);
                    Assert.Empty(h.PublishedEvents);
                    Assert.Equal(ledgerBefore, (await h.LedgerAsync()).Count);
                }

                var stored = await h.GetOrderAsync(result.Order.Id);
                Assert.Equal(applied, stored.ExternalVersion);
                Assert.Equal($"status of v{applied}", stored.ChannelStatus);
                Assert.Equal(cancelled, stored.Status == OrderStatus.Cancelled);
                if (stored.Status == OrderStatus.Received)
                {
                    var validation = await h.Intake.ValidateAsync(stored.Id);
                    Assert.True(validation.IsValid);
                    Assert.True((await h.Fulfilment.AllocateAsync(stored.Id)).Allocated);
                    stored = await h.GetOrderAsync(stored.Id);
                }

                // The pool holds exactly the live units of an allocated order, and nothing for a cancelled one.
                var live = stored.Status == OrderStatus.Allocated ? stored.OpenLines.Sum(l => l.BaseUnits) : 0;
                Assert.Equal(live, (await h.BalanceAsync("SKU-1")).Reserved + (await h.BalanceAsync("SKU-2")).Reserved);
            }
            Assert.Empty(await h.VerifyLedgerAsync());
        });

    [Fact]
    public async Task ImportAsync_SamePayloadTwice_SecondIsUnchangedAndPublishesNothing()
    {
        await using var h = OrderCoreHarness.Create();
        var payload = h.NewOrder("1001").WithLine("SKU-1", 1).Build();
        var first = await h.ImportAsync(payload);
        h.ClearEvents();

        var second = await h.ImportAsync(payload);

        Assert.Equal(IntakeOutcome.Created, first.Outcome);
        Assert.Equal(IntakeOutcome.Unchanged, second.Outcome);
        Assert.Equal(first.Order.Id, second.Order.Id);
        Assert.Equal(1, (await h.GetOrderAsync(first.Order.Id)).Version);
        Assert.Empty(h.PublishedEvents);
        Assert.Single(await h.Orders.ListAsync().ToListAsync());
    }

    [Fact]
    public async Task ImportAsync_OlderVersionAfterNewer_IsIgnoredAndKeepsNewerState()
    {
        await using var h = OrderCoreHarness.Create();
        await h.ImportAsync(h.NewOrder().WithVersion(1).WithChannelStatus("Pending").WithLine("SKU-1", 1).Build());
        await h.ImportAsync(h.NewOrder().WithVersion(3).WithChannelStatus("Unshipped").WithLine("SKU-1", 1).Build());

        var older = await h.ImportAsync(h.NewOrder().WithVersion(2).WithChannelStatus("Pending").WithLine("SKU-1", 1).Build());

        Assert.Equal(IntakeOutcome.IgnoredOlder, older.Outcome);
        var stored = await h.GetOrderAsync(older.Order.Id);
        Assert.Equal(3, stored.ExternalVersion);
        Assert.Equal("Unshipped", stored.ChannelStatus);
    }

    [Fact]
    public async Task ImportAsync_NewerVersionAfterCancellation_IsIgnoredClosedAndStaysCancelled()
    {
        await using var h = OrderCoreHarness.Create();
        var created = await h.ImportAsync(h.NewOrder().WithVersion(1).WithLine("SKU-1", 1).Cancelled().Build());

        var revived = await h.ImportAsync(h.NewOrder().WithVersion(2).WithLine("SKU-1", 1).Build());

        Assert.Equal(OrderStatus.Cancelled, created.Order.Status);
        Assert.Equal(IntakeOutcome.IgnoredClosed, revived.Outcome);
        Assert.Equal(OrderStatus.Cancelled, (await h.GetOrderAsync(created.Order.Id)).Status);
    }

    [Fact]
    public async Task ImportAsync_NewerVersionWithCancelledLineOfAllocatedOrder_ReleasesAndReturnsToReceived()
    {
        await using var h = OrderCoreHarness.Create();
        await h.AddProductsAsync("SKU-1", "SKU-2");
        await h.ReceiveAsync("SKU-1", 5);
        await h.ReceiveAsync("SKU-2", 5);
        var placed = await h.PlaceAsync(h.NewOrder().WithLine("SKU-1", 2).WithLine("SKU-2", 1));
        Assert.True(placed.IsAllocated);

        var updated = await h.ImportAsync(h.NewOrder().WithVersion(2).WithLine("SKU-1", 2).WithLine("SKU-2", 1, cancelled: true).Build());

        Assert.Equal(IntakeOutcome.Updated, updated.Outcome);
        var stored = await h.GetOrderAsync(placed.Order.Id);
        Assert.Equal(OrderStatus.Received, stored.Status);
        Assert.Equal(OrderLineStatus.Cancelled, stored.Lines[1].Status);
        Assert.Null(stored.ReservationId);
        Assert.Equal(0, (await h.BalanceAsync("SKU-1")).Reserved);
        Assert.Equal(0, (await h.BalanceAsync("SKU-2")).Reserved);
    }
}
