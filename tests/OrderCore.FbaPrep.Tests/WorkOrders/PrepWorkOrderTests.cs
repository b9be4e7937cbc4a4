using NodaTime;
using OrderCore.Catalog;
using OrderCore.FbaPrep.Tests.Support;
using OrderCore.Inventory;
using static OrderCore.FbaPrep.Tests.Support.Fixtures;

namespace OrderCore.FbaPrep.Tests.WorkOrders;

public sealed class PrepWorkOrderTests
{
    private static readonly FbaPrepRequirements Us = FbaMarketplaces.UnitedStates;

    private static FbaSku SetSku() => Textile("SET-1", "X00SET0001", prep: p => p with
    {
        Categories = [PrepCategory.Textile, PrepCategory.Set],
        PrepTypes = [PrepType.Polybagging, PrepType.Labeling, PrepType.SetCreation],
        Set = new SetMembership(3, "kurta + pant + dupatta"),
    });

    private static Task<WorkOrderScenario> TwoSkusAsync() => WorkOrderScenario.CreateAsync(Us, (Textile("TEE-A", "X00TEEA001"), 30, 10, null), (SetSku(), 20, 5, null));

    [Fact]
    public async Task HappyPath_EveryStepIsALedgerMovementWithTheWorkOrderAsReference()
    {
        var s = await TwoSkusAsync();
        var tee = s.Sku("TEE-A").Sku;
        Assert.Equal(10, await s.OnHandAsync(tee, InventoryStatus.FbaBound));
        Assert.Equal(20, await s.OnHandAsync(tee, InventoryStatus.Sellable));

        await s.Service.StartPrepAsync(s.WorkOrder);
        Assert.Equal(10, await s.OnHandAsync(tee, InventoryStatus.InPrep));
        s.PrepEverything();
        foreach (var c in s.WorkOrder.Cartons)
        {
            s.ScanAll(c.Id);
            Assert.True((await s.Service.CloseCartonAsync(s.WorkOrder, c.Id)).Closed);
        }
        Assert.Equal(10, await s.OnHandAsync(tee, InventoryStatus.Prepped));
        Assert.True(s.WorkOrder.ShipReadiness().CanShip, string.Join("; ", s.WorkOrder.ShipReadiness().Blockers));

        var shipped = await s.Service.ShipAsync(s.WorkOrder, FbaInbound);
        Assert.True(shipped.Shipped);
        Assert.Equal(15, shipped.Units);
        Assert.Equal(PrepWorkOrderStatus.Shipped, s.WorkOrder.Status);
        Assert.Equal(0, await s.OnHandAsync(tee, InventoryStatus.Prepped));
        Assert.Equal(10, await s.OnHandAsync(tee, InventoryStatus.Prepped, location: FbaInbound));

        var ledger = await s.LedgerAsync();
        var moves = ledger.Where(e => e.Type != MovementType.Receive).ToArray();
        Assert.All(moves, e => Assert.Equal("WO-1", e.Reference));
        Assert.Equal(
            [FbaReplenishmentService.ReasonTake, FbaReplenishmentService.ReasonStartPrep, FbaReplenishmentService.ReasonCartonClosed, FbaReplenishmentService.ReasonShip],
            moves.Select(e => e.Reason).Distinct());
        Assert.Empty(await s.Pool.VerifyLedgerAsync());
    }

    [Fact]
    public async Task TakenUnits_AreInvisibleToDtcAtp()
    {
        var s = await TwoSkusAsync();
        var policy = new ChannelAtpPolicy(ChannelId.From("shopify"), [new LocationStatus(Warehouse, InventoryStatus.Sellable)]);
        var atp = await s.Pool.GetAtpAsync(Owner, s.Sku("TEE-A").Sku, policy);
        Assert.Equal(20, atp.Atp);
    }

    [Fact]
    public async Task Tasks_AreGeneratedFromTheProfile()
    {
        var s = await TwoSkusAsync();
        var set = s.WorkOrder.Tasks.Where(t => t.Sku.Value == "SET-1").ToArray();
        Assert.Equal([PrepTaskKind.Polybag, PrepTaskKind.SetLabel, PrepTaskKind.ApplyFnskuLabel, PrepTaskKind.Inspect], set.Select(t => t.Kind));
        Assert.All(set.Where(t => t.Scope == PrepTaskScope.PerUnit), t => Assert.Equal(5, t.Quantity));
        Assert.Equal(PrepTaskScope.PerBatch, set[^1].Scope);
        Assert.Contains("X00SET0001", set.First(t => t.Kind == PrepTaskKind.ApplyFnskuLabel).Instruction, StringComparison.Ordinal);
        Assert.Contains("3 items", set.First(t => t.Kind == PrepTaskKind.SetLabel).Instruction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_IncludeHangerRemovalSuffocationStickerAndMrpLabelWhereTheProfileAndMarketplaceSaySo()
    {
        var hanging = Textile("DRESS", "X00DRESS01", prep: p => p with
        {
            Categories = [PrepCategory.Textile, PrepCategory.Hanger],
            PrepTypes = [PrepType.Polybagging, PrepType.Labeling, PrepType.RemoveFromHanger, PrepType.SuffocationSticker],
            ArrivesOnHanger = true,
        });
        var s = await WorkOrderScenario.CreateAsync(FbaMarketplaces.India, (hanging, 5, 5, null));
        Assert.Equal(
            [PrepTaskKind.RemoveHanger, PrepTaskKind.Polybag, PrepTaskKind.SuffocationWarning, PrepTaskKind.ApplyFnskuLabel, PrepTaskKind.ApplyMrpLabel, PrepTaskKind.Inspect],
            s.WorkOrder.Tasks.Select(t => t.Kind));
    }

    // ---- scan validation ----

    private static async Task<WorkOrderScenario> InPrepAsync(WorkOrderScenario s)
    {
        await s.Service.StartPrepAsync(s.WorkOrder);
        return s;
    }

    [Fact]
    public async Task Scan_ExpectedItem_IsAccepted()
    {
        var s = await InPrepAsync(await TwoSkusAsync());
        var r = s.WorkOrder.Scan("C001", "X00TEEA001", null, ShipDate);
        Assert.True(r.Accepted);
        Assert.Equal(1, r.Scanned);
        Assert.Equal(10, r.Expected);
    }

    [Fact]
    public async Task Scan_WrongSku_IsRejected()
    {
        var s = await InPrepAsync(await TwoSkusAsync());
        var r = s.WorkOrder.Scan("C001", "X00OTHER99", null, ShipDate);
        Assert.False(r.Accepted);
        Assert.Equal(ScanRejectionReason.WrongSku, r.Rejection);
        Assert.Null(r.Sku);
    }

    [Fact]
    public async Task Scan_OverScan_IsRejected()
    {
        var s = await InPrepAsync(await TwoSkusAsync());
        s.ScanAll("C001");
        var r = s.WorkOrder.Scan("C001", "X00TEEA001", null, ShipDate);
        Assert.Equal(ScanRejectionReason.OverScan, r.Rejection);
        Assert.Equal(10, r.Scanned);
        Assert.Equal(10, s.WorkOrder.ScannedUnits("C001", s.Sku("TEE-A").Sku));
    }

    [Fact]
    public async Task Scan_WrongCarton_IsRejected_AndSaysWhereItGoes()
    {
        // 3 units of 20 lb: two cartons (2 + 1); a 5 lb unit of another SKU fills the second
        var heavy = Plain("HEAVY", 20, 10, 10, 10);
        var light = Plain("LIGHT", 5, 10, 10, 10);
        var s = await InPrepAsync(await WorkOrderScenario.CreateAsync(Us, (heavy, 3, 3, null), (light, 1, 1, null)));
        var lightCarton = s.WorkOrder.Cartons.Single(c => c.Contents.Any(x => x.Sku == light.Sku));
        var other = s.WorkOrder.Cartons.First(c => c.Id != lightCarton.Id);
        var r = s.WorkOrder.Scan(other.Id, light.Fnsku!.Value.Value, null, ShipDate);
        Assert.Equal(ScanRejectionReason.WrongCarton, r.Rejection);
        Assert.Contains(lightCarton.Id, r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_ExpiredLot_IsRejected()
    {
        var vita = Plain("VITA", 0.2m, 3, 2, 2, expirationDated: true);
        var good = Lot("L-GOOD", 2027, 6, 1);
        var s = await InPrepAsync(await WorkOrderScenario.CreateAsync(Us, (vita, 10, 10, good)));
        var expired = new Lot("L-OLD", new LocalDate(2026, 4, 1));
        var r = s.WorkOrder.Scan("C001", vita.Fnsku!.Value.Value, expired, ShipDate);
        Assert.Equal(ScanRejectionReason.ExpiredLot, r.Rejection);
        Assert.Contains("expired on 2026-04-01", r.Message, StringComparison.Ordinal);

        var shortDated = new Lot("L-SHORT", new LocalDate(2026, 7, 1));
        Assert.Equal(ScanRejectionReason.ExpiredLot, s.WorkOrder.Scan("C001", vita.Fnsku!.Value.Value, shortDated, ShipDate).Rejection);
        Assert.Equal(ScanRejectionReason.WrongLot, s.WorkOrder.Scan("C001", vita.Fnsku!.Value.Value, Lot("L-OTHER", 2027, 9, 1), ShipDate).Rejection);
        Assert.Equal(ScanRejectionReason.LotRequired, s.WorkOrder.Scan("C001", vita.Fnsku!.Value.Value, null, ShipDate).Rejection);
        Assert.True(s.WorkOrder.Scan("C001", vita.Fnsku!.Value.Value, new Lot("L-GOOD"), ShipDate).Accepted);
        // The planned lot itself is refused once it has expired by the day of the scan.
        Assert.Equal(ScanRejectionReason.ExpiredLot, s.WorkOrder.Scan("C001", vita.Fnsku!.Value.Value, good, new LocalDate(2027, 6, 2)).Rejection);
    }

    [Fact]
    public async Task Scan_BeforePrep_AndIntoAClosedOrUnknownCarton_AreRejected()
    {
        var s = await TwoSkusAsync();
        Assert.Equal(ScanRejectionReason.NotInPrep, s.WorkOrder.Scan("C001", "X00TEEA001", null, ShipDate).Rejection);
        await s.Service.StartPrepAsync(s.WorkOrder);
        Assert.Equal(ScanRejectionReason.UnknownCarton, s.WorkOrder.Scan("C999", "X00TEEA001", null, ShipDate).Rejection);
        s.PrepEverything();
        s.ScanAll("C001");
        await s.Service.CloseCartonAsync(s.WorkOrder, "C001");
        Assert.Equal(ScanRejectionReason.CartonClosed, s.WorkOrder.Scan("C001", "X00TEEA001", null, ShipDate).Rejection);
    }

    // ---- carton close and shipping blockers ----

    [Fact]
    public async Task UnscannedUnit_BlocksCartonClose_AndMovesNothing()
    {
        var s = await InPrepAsync(await TwoSkusAsync());
        s.PrepEverything();
        for (var i = 0; i < 9; i++) Assert.True(s.WorkOrder.Scan("C001", "X00TEEA001", null, ShipDate).Accepted);
        for (var i = 0; i < 5; i++) Assert.True(s.WorkOrder.Scan("C001", "X00SET0001", null, ShipDate).Accepted);

        var result = await s.Service.CloseCartonAsync(s.WorkOrder, "C001");
        Assert.False(result.Closed);
        var blocker = Assert.Single(result.Blockers);
        Assert.Equal(CartonCloseBlockReason.UnscannedUnits, blocker.Reason);
        Assert.Equal("1 of 10 units of TEE-A are not scanned into carton C001.", blocker.Detail);
        Assert.Equal(0, await s.OnHandAsync(s.Sku("TEE-A").Sku, InventoryStatus.Prepped));
        Assert.False(s.WorkOrder.ShipReadiness().CanShip);
        Assert.False((await s.Service.ShipAsync(s.WorkOrder, FbaInbound)).Shipped);

        Assert.True(s.WorkOrder.Scan("C001", "X00TEEA001", null, ShipDate).Accepted);
        Assert.True((await s.Service.CloseCartonAsync(s.WorkOrder, "C001")).Closed);
    }

    [Fact]
    public async Task FailedInspection_BlocksCartonClose_UntilReinspected()
    {
        var s = await InPrepAsync(await TwoSkusAsync());
        s.PrepEverything();
        s.WorkOrder.RecordInspection(s.Sku("SET-1").Sku, passed: false, "set label missing on 2 units");
        s.ScanAll("C001");
        var blocked = await s.Service.CloseCartonAsync(s.WorkOrder, "C001");
        Assert.Equal(CartonCloseBlockReason.FailedInspection, Assert.Single(blocked.Blockers).Reason);
        Assert.Equal(CheckpointState.Failed, s.WorkOrder.Checkpoints().Single(c => c.Checkpoint == PrepCheckpoint.Inspection).State);
        s.WorkOrder.RecordInspection(s.Sku("SET-1").Sku, passed: true);
        Assert.True((await s.Service.CloseCartonAsync(s.WorkOrder, "C001")).Closed);
    }

    [Fact]
    public async Task OpenPrepTasks_AndPendingInspection_BlockCartonClose()
    {
        var s = await InPrepAsync(await TwoSkusAsync());
        s.ScanAll("C001");
        var reasons = (await s.Service.CloseCartonAsync(s.WorkOrder, "C001")).Blockers.Select(b => b.Reason).Distinct().ToArray();
        Assert.Equal([CartonCloseBlockReason.PrepTasksIncomplete, CartonCloseBlockReason.InspectionPending], reasons);
    }

    [Fact]
    public async Task ReceivingDiscrepancies_AreReportedPerSku_NeverNetted()
    {
        var s = await InPrepAsync(await TwoSkusAsync());
        s.WorkOrder.RecordReceipt(s.Sku("TEE-A").Sku, 11);
        var discrepancies = s.WorkOrder.RecordReceipt(s.Sku("SET-1").Sku, 4);
        Assert.Equal(["TEE-A: +1 (expected 10, received 11)", "SET-1: -1 (expected 5, received 4)"], discrepancies.OrderByDescending(d => d.Difference).Select(d => d.ToString()));
        Assert.Equal(15, discrepancies.Sum(d => d.Received)); // totals match, and still two discrepancies
        var receiving = s.WorkOrder.Checkpoints().Single(c => c.Checkpoint == PrepCheckpoint.Receiving);
        Assert.Equal(CheckpointState.Failed, receiving.State);

        foreach (var t in s.WorkOrder.Tasks.Where(t => t.Kind != PrepTaskKind.Inspect)) s.WorkOrder.CompleteTask(t.Id);
        foreach (var sku in s.WorkOrder.Skus) s.WorkOrder.RecordInspection(sku.Sku, true);
        foreach (var c in s.WorkOrder.Cartons)
        {
            s.ScanAll(c.Id);
            await s.Service.CloseCartonAsync(s.WorkOrder, c.Id);
        }
        var readiness = s.WorkOrder.ShipReadiness();
        Assert.False(readiness.CanShip);
        Assert.Contains(readiness.Blockers, b => b.StartsWith("Receiving failed", StringComparison.Ordinal) && b.Contains("TEE-A: +1", StringComparison.Ordinal) && b.Contains("SET-1: -1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComplianceErrors_BlockShipping()
    {
        var s = await WorkOrderScenario.CreateAsync(Us, (Textile("NOFN", fnsku: null), 5, 5, null));
        await s.Service.StartPrepAsync(s.WorkOrder);
        var readiness = s.WorkOrder.ShipReadiness();
        Assert.Contains(readiness.Blockers, b => b.StartsWith("compliance: 1 error(s)", StringComparison.Ordinal));
    }

    // ---- take, cancel, status machine ----

    [Fact]
    public async Task Take_NeverTakesMoreThanAvailable()
    {
        var s = await WorkOrderScenario.CreateAsync(Us, (Textile("TEE-A", "X00TEEA001"), 30, 100, null));
        Assert.Equal(30, s.Take.TakenUnits);
        var shortfall = Assert.Single(s.Take.Shortfalls);
        Assert.Equal(100, shortfall.Requested);
        Assert.Equal(30, shortfall.Taken);
        Assert.Equal(0, await s.OnHandAsync(s.Sku("TEE-A").Sku, InventoryStatus.Sellable));
    }

    [Fact]
    public async Task Take_SkipsLotsWithTooLittleShelfLife_FirstExpiryFirstAmongTheRest()
    {
        var vita = Plain("VITA", 0.2m, 3, 2, 2, expirationDated: true);
        var shortLot = Lot("SHORT", 2026, 6, 1);
        var early = Lot("EARLY", 2027, 1, 1);
        var late = Lot("LATE", 2028, 1, 1);
        var pool = Pools.Create();
        foreach (var lot in new[] { shortLot, early, late }) await pool.ReceiveAsync(new BalanceKey(Owner, vita.Sku, Warehouse, InventoryStatus.Sellable, lot), Quantity.Of(10), "receipt", "PO-1");
        var take = await new FbaReplenishmentService(pool).TakeAsync(PrepWorkOrderId.From("WO-9"), Warehouse, [new FbaTakeRequest(vita, Quantity.Of(15))], Us, ShipDate);
        Assert.Equal([("EARLY", 10), ("LATE", 5)], take.Lines.Select(l => (l.Lot!.Value.Code, l.Quantity.Units)));
        Assert.Empty(take.Shortfalls);
    }

    [Fact]
    public async Task Cancel_ReturnsEveryUnitToSellable_WithLedgerEntries()
    {
        var s = await InPrepAsync(await TwoSkusAsync());
        s.PrepEverything();
        s.ScanAll("C001");
        await s.Service.CloseCartonAsync(s.WorkOrder, "C001");
        await s.Service.CancelAsync(s.WorkOrder);
        Assert.Equal(PrepWorkOrderStatus.Cancelled, s.WorkOrder.Status);
        var tee = s.Sku("TEE-A").Sku;
        Assert.Equal(30, await s.OnHandAsync(tee, InventoryStatus.Sellable));
        foreach (var status in new[] { InventoryStatus.FbaBound, InventoryStatus.InPrep, InventoryStatus.Prepped }) Assert.Equal(0, await s.OnHandAsync(tee, status));
        var cancels = (await s.LedgerAsync()).Where(e => e.Reason == FbaReplenishmentService.ReasonCancel).ToArray();
        Assert.NotEmpty(cancels);
        Assert.All(cancels, e => Assert.Equal("WO-1", e.Reference));
        Assert.All(s.WorkOrder.Units, u => Assert.Equal(u.Taken, u.Returned));
    }

    [Fact]
    public async Task StatusMachine_RefusesIllegalMoves()
    {
        var s = await InPrepAsync(await TwoSkusAsync());
        await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => s.Service.StartPrepAsync(s.WorkOrder));
        s.PrepEverything();
        foreach (var c in s.WorkOrder.Cartons)
        {
            s.ScanAll(c.Id);
            await s.Service.CloseCartonAsync(s.WorkOrder, c.Id);
        }
        Assert.True((await s.Service.ShipAsync(s.WorkOrder, FbaInbound)).Shipped);
        await Assert.ThrowsAsync<InvalidStatusTransitionException>(() => s.Service.CancelAsync(s.WorkOrder));
        Assert.False((await s.Service.ShipAsync(s.WorkOrder, FbaInbound)).Shipped);
        Assert.Throws<InvalidStatusTransitionException>(() => s.WorkOrder.RecordReceipt(s.Sku("TEE-A").Sku, 1));
    }

    [Fact]
    public async Task UnplannedUnits_GoBackToSellable()
    {
        var unweighed = Textile("NOWEIGHT", "X00NOWT001", product: p => p with { Weight = null });
        var pool = Pools.Create();
        var tee = Textile("TEE-A", "X00TEEA001");
        foreach (var sku in new[] { unweighed, tee }) await pool.ReceiveAsync(new BalanceKey(Owner, sku.Sku, Warehouse, InventoryStatus.Sellable), Quantity.Of(5), "receipt", "PO-1");
        var service = new FbaReplenishmentService(pool);
        var take = await service.TakeAsync(WorkOrderScenario.Id, Warehouse, [new FbaTakeRequest(unweighed, Quantity.Of(5)), new FbaTakeRequest(tee, Quantity.Of(5))], Us, ShipDate);
        var plan = CartonPlanner.Plan(take.Lines, Us);
        var wo = await service.CreateWorkOrderAsync(take, plan, [unweighed, tee], ShipDate);
        Assert.NotNull(wo);
        Assert.Equal(5, wo.TakenUnits);
        Assert.Equal(5, (await pool.Store.GetBalanceAsync(new BalanceKey(Owner, unweighed.Sku, Warehouse, InventoryStatus.Sellable)))!.OnHand);
    }
}
