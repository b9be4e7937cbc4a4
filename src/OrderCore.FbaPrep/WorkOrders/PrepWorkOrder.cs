using NodaTime;
using OrderCore.FbaPrep.Internal;
using OrderCore.Inventory;

namespace OrderCore.FbaPrep;

/// <summary>
/// A prep work order: the units taken for one FBA replenishment, the tasks generated from their prep profiles, the
/// planned cartons, and the checkpoints (receiving, prep, inspection, carton close) with scan validation. Stock moves
/// are made by <see cref="FbaReplenishmentService"/> through the inventory pool with this work order's id as reference;
/// the work order records how many units are at each step so a step interrupted half-way resumes without moving a unit twice.
/// </summary>
/// <remarks>
/// A carton cannot close while a planned unit is unscanned, a prep task of its SKUs is open, or an inspection is pending or
/// failed. The shipment cannot leave while a carton is open, a receiving discrepancy exists (per SKU, never netted), an
/// inspection failed, or the compliance report has an error.
/// </remarks>
/// <threadsafety>Not thread-safe: one operator session at a time (guard it with a lock or a store version).</threadsafety>
public sealed class PrepWorkOrder
{
    private readonly Dictionary<(Sku, Lot?), Counts> _units = new();
    private readonly Dictionary<Sku, FbaSku> _skus;
    private readonly Dictionary<string, PlannedCarton> _cartons;
    private readonly Dictionary<(string Carton, Sku Sku, Lot? Lot), int> _scanned = new();
    private readonly Dictionary<(string Carton, Sku Sku, Lot? Lot), int> _preppedInCarton = new();
    private readonly HashSet<string> _closed = new(StringComparer.Ordinal);
    private readonly HashSet<int> _doneTasks = new();
    private readonly Dictionary<Sku, (bool Passed, string? Note)> _inspections = new();
    private readonly Dictionary<Sku, int> _received = new();
    private readonly Dictionary<string, Sku> _barcodes = new(StringComparer.OrdinalIgnoreCase);
    private readonly PrepComplianceReport? _compliance;

    private PrepWorkOrder(
        PrepWorkOrderId id, OwnerId owner, LocationId warehouse, FbaPrepRequirements requirements, CartonPlan plan,
        Dictionary<Sku, FbaSku> skus, LocalDate expectedReceipt, PrepComplianceReport? compliance)
    {
        Id = id;
        Owner = owner;
        Warehouse = warehouse;
        Requirements = requirements;
        Plan = plan;
        ExpectedReceiptDate = expectedReceipt;
        _skus = skus;
        _compliance = compliance;
        _cartons = plan.Cartons.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var (key, units) in plan.UnitsBySkuAndLot().OrderBy(k => k.Key.Sku).ThenBy(k => k.Key.Lot?.Code, StringComparer.Ordinal))
        {
            _units[key] = new Counts { Taken = units, FbaBound = units };
        }
        foreach (var sku in skus.Values)
        {
            if (sku.Fnsku is { } f) _barcodes.TryAdd(f.Value, sku.Sku);
            if (sku.Prep.Barcode == UnitBarcode.Manufacturer && sku.Product.Gtin is { } g) _barcodes.TryAdd(g.Digits, sku.Sku);
        }
        Tasks = GenerateTasks();
    }

    /// <summary>The work order id; the reference of its ledger movements.</summary>
    public PrepWorkOrderId Id { get; }

    /// <summary>The owner of the units.</summary>
    public OwnerId Owner { get; }

    /// <summary>The warehouse the units are taken from and prepped at.</summary>
    public LocationId Warehouse { get; }

    /// <summary>The marketplace rules.</summary>
    public FbaPrepRequirements Requirements { get; }

    /// <summary>The carton plan.</summary>
    public CartonPlan Plan { get; }

    /// <summary>The date the units are expected at the fulfilment centre (shelf life at scan is measured against it).</summary>
    public LocalDate ExpectedReceiptDate { get; }

    /// <summary>The status.</summary>
    public PrepWorkOrderStatus Status { get; private set; }

    /// <summary>The tasks, per SKU in execution order.</summary>
    public IReadOnlyList<PrepTask> Tasks { get; }

    /// <summary>The SKUs on the work order.</summary>
    public IReadOnlyCollection<FbaSku> Skus => _skus.Values;

    /// <summary>The cartons.</summary>
    public IReadOnlyList<PlannedCarton> Cartons => Plan.Cartons;

    /// <summary>Units per SKU and lot, by step.</summary>
    public IReadOnlyList<WorkOrderUnits> Units
        => _units.Select(u => new WorkOrderUnits(u.Key.Item1, u.Key.Item2, u.Value.Taken, u.Value.FbaBound, u.Value.InPrep, u.Value.Prepped, u.Value.Shipped, u.Value.Returned)).ToArray();

    /// <summary>Units taken for the work order.</summary>
    public int TakenUnits => _units.Values.Sum(c => c.Taken);

    /// <summary>True when the carton is closed.</summary>
    public bool IsClosed(string cartonId) => _closed.Contains(cartonId);

    /// <summary>True when the task is done.</summary>
    public bool IsDone(int taskId) => _doneTasks.Contains(taskId);

    /// <summary>
    /// Creates a work order for the cartons of <paramref name="plan"/>: every planned unit is taken (<c>FbaBound</c>).
    /// Tasks are generated from each SKU's profile: the steps its prep owner (seller) does, the FNSKU label when the
    /// seller labels, the MRP label where required, and one inspection per SKU.
    /// </summary>
    /// <param name="id">The work order id.</param>
    /// <param name="warehouse">The warehouse.</param>
    /// <param name="plan">The carton plan.</param>
    /// <param name="skus">The SKUs of the plan's cartons.</param>
    /// <param name="expectedReceipt">The date the units are expected at the fulfilment centre.</param>
    /// <param name="compliance">The compliance report of the shipment; its errors block shipping. Null: not checked.</param>
    /// <exception cref="ArgumentException">The id or location is the default value, the plan has no carton, a carton holds a SKU not in <paramref name="skus"/>, or SKUs of several owners.</exception>
    public static PrepWorkOrder Create(PrepWorkOrderId id, LocationId warehouse, CartonPlan plan, IEnumerable<FbaSku> skus, LocalDate expectedReceipt, PrepComplianceReport? compliance = null)
    {
        if (id.IsDefault) throw new ArgumentException("A work order id is required.", nameof(id));
        Check.Location(warehouse);
        Check.NotNull(plan);
        Check.NotNull(skus);
        if (plan.Cartons.Count == 0) throw new ArgumentException("The plan has no carton: nothing to prep.", nameof(plan));
        var map = new Dictionary<Sku, FbaSku>();
        foreach (var s in skus) map.TryAdd(s.Sku, s);
        var used = plan.Cartons.SelectMany(c => c.Contents).Select(c => c.Sku).Distinct().ToArray();
        var missing = used.Where(s => !map.ContainsKey(s)).ToArray();
        if (missing.Length > 0) throw new ArgumentException($"The plan holds SKUs without a profile: {string.Join(", ", missing)}.", nameof(skus));
        var owners = used.Select(s => map[s].Owner).Distinct().ToArray();
        if (owners.Length != 1) throw new ArgumentException("A work order holds one owner's units.", nameof(skus));
        var onPlan = map.Where(p => used.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        return new PrepWorkOrder(id, owners[0], warehouse, plan.Requirements, plan, onPlan, expectedReceipt, compliance);
    }

    /// <summary>Records units of a SKU counted in at the prep station (adds to what was counted before).</summary>
    /// <returns>The receiving discrepancies after this count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is not positive.</exception>
    /// <exception cref="InvalidStatusTransitionException">The work order is shipped or cancelled.</exception>
    public IReadOnlyList<ReceiptDiscrepancy> RecordReceipt(Sku sku, int quantity)
    {
        Check.Sku(sku);
        Check.Positive(quantity);
        EnsureActive("record a receipt");
        _received[sku] = checked(_received.GetValueOrDefault(sku) + quantity);
        return ReceivingDiscrepancies();
    }

    /// <summary>Received-vs-expected differences per SKU (an overage of one SKU never offsets a shortage of another). Empty before any receipt.</summary>
    public IReadOnlyList<ReceiptDiscrepancy> ReceivingDiscrepancies()
    {
        if (_received.Count == 0) return [];
        var expected = _units.GroupBy(u => u.Key.Item1).ToDictionary(g => g.Key, g => g.Sum(x => x.Value.Taken));
        return expected.Keys.Union(_received.Keys)
            .Select(s => new ReceiptDiscrepancy(s, expected.GetValueOrDefault(s), _received.GetValueOrDefault(s)))
            .Where(d => d.Difference != 0)
            .OrderBy(d => d.Sku)
            .ToArray();
    }

    /// <summary>Marks a (non-inspection) task done.</summary>
    /// <exception cref="ArgumentException">No task has that id, or it is an inspection (use <see cref="RecordInspection"/>).</exception>
    /// <exception cref="InvalidStatusTransitionException">The work order is not in prep.</exception>
    public void CompleteTask(int taskId)
    {
        EnsureInPrep("complete a task");
        var task = Tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new ArgumentException($"Work order {Id} has no task {taskId}.", nameof(taskId));
        if (task.Kind == PrepTaskKind.Inspect) throw new ArgumentException($"Task {taskId} is an inspection: record it with RecordInspection.", nameof(taskId));
        _doneTasks.Add(taskId);
    }

    /// <summary>Records the inspection of a SKU's batch; the latest result counts (a failed batch can be reworked and inspected again).</summary>
    /// <exception cref="ArgumentException">The SKU is not on the work order.</exception>
    /// <exception cref="InvalidStatusTransitionException">The work order is not in prep.</exception>
    public void RecordInspection(Sku sku, bool passed, string? note = null)
    {
        EnsureInPrep("record an inspection");
        if (!_skus.ContainsKey(sku)) throw new ArgumentException($"SKU {sku} is not on work order {Id}.", nameof(sku));
        _inspections[sku] = (passed, note);
        foreach (var t in Tasks.Where(t => t.Sku == sku && t.Kind == PrepTaskKind.Inspect))
        {
            if (passed) _doneTasks.Add(t.Id);
            else _doneTasks.Remove(t.Id);
        }
    }

    /// <summary>
    /// Validates a scan of a unit's barcode (FNSKU, or the manufacturer barcode for SKUs shipping on it) into a carton,
    /// and counts it when it is the expected item. Rejections are typed and change nothing.
    /// </summary>
    /// <param name="cartonId">The carton being packed.</param>
    /// <param name="barcode">The scanned barcode.</param>
    /// <param name="lot">The scanned lot (with its expiry when the label carries it), for lot-tracked SKUs.</param>
    /// <param name="scannedOn">The local date of the scan (an expired lot is refused).</param>
    public ScanResult Scan(string cartonId, string barcode, Lot? lot, LocalDate scannedOn)
    {
        cartonId ??= string.Empty;
        barcode = (barcode ?? string.Empty).Trim();
        if (Status != PrepWorkOrderStatus.InPrep) return Reject(ScanRejectionReason.NotInPrep, null, 0, 0, $"Work order {Id} is {Status}, not in prep.");
        if (!_cartons.TryGetValue(cartonId, out var carton)) return Reject(ScanRejectionReason.UnknownCarton, null, 0, 0, $"Work order {Id} has no carton '{cartonId}'.");
        if (_closed.Contains(cartonId)) return Reject(ScanRejectionReason.CartonClosed, null, 0, 0, $"Carton {cartonId} is closed.");
        if (!_barcodes.TryGetValue(barcode, out var sku)) return Reject(ScanRejectionReason.WrongSku, null, 0, 0, $"Barcode '{barcode}' is not a unit of any SKU on work order {Id}: put it aside.");
        var planned = carton.Contents.Where(c => c.Sku == sku).ToArray();
        if (planned.Length == 0)
        {
            var where = Cartons.Where(c => !_closed.Contains(c.Id) && c.Contents.Any(x => x.Sku == sku)).Select(c => c.Id).ToArray();
            return Reject(ScanRejectionReason.WrongCarton, sku, 0, 0, $"{sku} is not planned for carton {cartonId}{(where.Length > 0 ? $"; it goes in {string.Join(", ", where)}" : "")}.");
        }
        CartonContent content;
        var lotted = planned.Any(p => p.Lot is not null);
        if (lotted)
        {
            if (lot is not { } scannedLot) return Reject(ScanRejectionReason.LotRequired, sku, 0, planned.Sum(p => p.Quantity), $"{sku} is tracked by lot: scan the lot code too.");
            var match = planned.FirstOrDefault(p => string.Equals(p.Lot?.Code, scannedLot.Code, StringComparison.Ordinal));
            var expiry = scannedLot.Expiry ?? match?.Expiry;
            if (expiry is { } e && ExpiryProblem(sku, e, scannedOn) is { } problem)
            {
                return Reject(ScanRejectionReason.ExpiredLot, sku, match is null ? 0 : ScannedOf(cartonId, match), match?.Quantity ?? 0, $"Lot {scannedLot.Code} of {sku} {problem}: quarantine it, do not ship.");
            }
            if (match is null)
            {
                return Reject(ScanRejectionReason.WrongLot, sku, 0, planned.Sum(p => p.Quantity), $"Lot {scannedLot.Code} of {sku} is not planned for carton {cartonId} (planned: {string.Join(", ", planned.Select(p => p.Lot?.Code))}).");
            }
            content = match;
        }
        else
        {
            content = planned[0];
        }
        var scanned = ScannedOf(cartonId, content);
        if (scanned >= content.Quantity)
        {
            return Reject(ScanRejectionReason.OverScan, sku, scanned, content.Quantity, $"All {content.Quantity} planned units of {sku} are already in carton {cartonId}: take this one out.");
        }
        _scanned[(cartonId, sku, content.Lot)] = scanned + 1;
        return new ScanResult(true, null, cartonId, barcode, sku, scanned + 1, content.Quantity, $"{sku} {scanned + 1}/{content.Quantity} in carton {cartonId}.");

        ScanResult Reject(ScanRejectionReason reason, Sku? s, int done, int expected, string message)
            => new(false, reason, cartonId, barcode, s, done, expected, message);
    }

    /// <summary>Units of a SKU and lot scanned into a carton.</summary>
    public int ScannedUnits(string cartonId, Sku sku, Lot? lot = null) => _scanned.GetValueOrDefault((cartonId, sku, lot));

    /// <summary>Why a carton cannot close now; empty when it can.</summary>
    public IReadOnlyList<CartonCloseBlocker> CartonCloseBlockers(string cartonId)
    {
        var blockers = new List<CartonCloseBlocker>();
        if (Status != PrepWorkOrderStatus.InPrep)
        {
            blockers.Add(new(CartonCloseBlockReason.NotInPrep, null, $"Work order {Id} is {Status}, not in prep."));
            return blockers;
        }
        if (cartonId is null || !_cartons.TryGetValue(cartonId, out var carton))
        {
            blockers.Add(new(CartonCloseBlockReason.UnknownCarton, null, $"Work order {Id} has no carton '{cartonId}'."));
            return blockers;
        }
        if (_closed.Contains(cartonId))
        {
            blockers.Add(new(CartonCloseBlockReason.AlreadyClosed, null, $"Carton {cartonId} is already closed."));
            return blockers;
        }
        foreach (var c in carton.Contents)
        {
            var scanned = ScannedOf(cartonId, c);
            if (scanned < c.Quantity)
            {
                blockers.Add(new(CartonCloseBlockReason.UnscannedUnits, c.Sku, $"{c.Quantity - scanned} of {c.Quantity} units of {c.Sku}{(c.Lot is { } l ? " lot " + l.Code : "")} are not scanned into carton {cartonId}."));
            }
        }
        foreach (var sku in carton.Contents.Select(c => c.Sku).Distinct())
        {
            var open = Tasks.Where(t => t.Sku == sku && t.Kind != PrepTaskKind.Inspect && !_doneTasks.Contains(t.Id)).ToArray();
            if (open.Length > 0) blockers.Add(new(CartonCloseBlockReason.PrepTasksIncomplete, sku, $"{sku}: prep not done ({string.Join(", ", open.Select(t => t.Kind))})."));
            if (!_inspections.TryGetValue(sku, out var inspection)) blockers.Add(new(CartonCloseBlockReason.InspectionPending, sku, $"{sku} has not been inspected."));
            else if (!inspection.Passed) blockers.Add(new(CartonCloseBlockReason.FailedInspection, sku, $"{sku} failed inspection{(inspection.Note is null ? "" : ": " + inspection.Note)}."));
        }
        return blockers;
    }

    /// <summary>The checkpoints and what holds each back.</summary>
    public IReadOnlyList<CheckpointStatus> Checkpoints()
    {
        var list = new List<CheckpointStatus>();
        var discrepancies = ReceivingDiscrepancies();
        list.Add(_received.Count == 0
            ? new(PrepCheckpoint.Receiving, CheckpointState.Pending, ["no units counted in yet"])
            : discrepancies.Count > 0
                ? new(PrepCheckpoint.Receiving, CheckpointState.Failed, discrepancies.Select(d => d.ToString()).ToArray())
                : new(PrepCheckpoint.Receiving, CheckpointState.Passed, []));
        var openTasks = Tasks.Where(t => t.Kind != PrepTaskKind.Inspect && !_doneTasks.Contains(t.Id)).ToArray();
        list.Add(new(PrepCheckpoint.Prep, openTasks.Length == 0 ? CheckpointState.Passed : CheckpointState.Pending,
            openTasks.Select(t => $"task {t.Id} {t.Kind} {t.Sku}").ToArray()));
        var failed = _inspections.Where(i => !i.Value.Passed).Select(i => $"{i.Key} failed inspection{(i.Value.Note is null ? "" : ": " + i.Value.Note)}").ToArray();
        var pending = _skus.Keys.Where(s => !_inspections.ContainsKey(s)).Order().Select(s => $"{s} not inspected").ToArray();
        list.Add(new(PrepCheckpoint.Inspection, failed.Length > 0 ? CheckpointState.Failed : pending.Length > 0 ? CheckpointState.Pending : CheckpointState.Passed, failed.Concat(pending).ToArray()));
        var open = Cartons.Where(c => !_closed.Contains(c.Id)).Select(c => $"carton {c.Id} open").ToArray();
        list.Add(new(PrepCheckpoint.CartonClose, open.Length == 0 ? CheckpointState.Passed : CheckpointState.Pending, open));
        return list;
    }

    /// <summary>Whether the shipment may leave: in prep, every checkpoint passed, and no compliance error.</summary>
    public ShipReadiness ShipReadiness()
    {
        var blockers = new List<string>();
        if (Status != PrepWorkOrderStatus.InPrep) blockers.Add($"work order is {Status}, not in prep");
        foreach (var c in Checkpoints().Where(c => c.State != CheckpointState.Passed))
        {
            blockers.Add($"{c.Checkpoint} {c.State.ToString().ToLowerInvariant()}: {string.Join("; ", c.Issues)}");
        }
        if (_compliance is { IsCompliant: false } report)
        {
            blockers.Add($"compliance: {report.Errors.Count} error(s), e.g. {report.Errors[0]}");
        }
        return new ShipReadiness(blockers.Count == 0, blockers);
    }

    // ---- Stock-step bookkeeping, used by FbaReplenishmentService after each pool movement. ----

    internal Counts CountsOf(Sku sku, Lot? lot) => _units[(sku, lot)];

    internal IEnumerable<((Sku Sku, Lot? Lot) Key, Counts Counts)> AllCounts() => _units.Select(u => (u.Key, u.Value));

    internal int PreppedInCarton(string cartonId, CartonContent content) => _preppedInCarton.GetValueOrDefault((cartonId, content.Sku, content.Lot));

    internal void RecordPrepped(string cartonId, CartonContent content, int units)
    {
        var c = _units[(content.Sku, content.Lot)];
        if (units > c.InPrep) throw new InvalidOperationException($"Only {c.InPrep} units of {content.Sku} are in prep.");
        c.InPrep -= units;
        c.Prepped += units;
        _preppedInCarton[(cartonId, content.Sku, content.Lot)] = PreppedInCarton(cartonId, content) + units;
    }

    internal void MarkInPrep()
    {
        EnsureTransition(PrepWorkOrderStatus.InPrep);
        Status = PrepWorkOrderStatus.InPrep;
    }

    internal void MarkCartonClosed(string cartonId) => _closed.Add(cartonId);

    internal void MarkShipped()
    {
        EnsureTransition(PrepWorkOrderStatus.Shipped);
        Status = PrepWorkOrderStatus.Shipped;
    }

    internal void MarkCancelled()
    {
        EnsureTransition(PrepWorkOrderStatus.Cancelled);
        Status = PrepWorkOrderStatus.Cancelled;
    }

    internal void EnsureTransition(PrepWorkOrderStatus to)
    {
        var ok = (Status, to) switch
        {
            (PrepWorkOrderStatus.Open, PrepWorkOrderStatus.InPrep) => true,
            (PrepWorkOrderStatus.InPrep, PrepWorkOrderStatus.Shipped) => true,
            (PrepWorkOrderStatus.Open, PrepWorkOrderStatus.Cancelled) => true,
            (PrepWorkOrderStatus.InPrep, PrepWorkOrderStatus.Cancelled) => true,
            _ => false,
        };
        if (!ok) throw new InvalidStatusTransitionException(nameof(PrepWorkOrderStatus), Status.ToString(), to.ToString(), Id.ToString());
    }

    internal BalanceKey Key(Sku sku, Lot? lot, InventoryStatus status) => new(Owner, sku, Warehouse, status, lot);

    private int ScannedOf(string cartonId, CartonContent c) => _scanned.GetValueOrDefault((cartonId, c.Sku, c.Lot));

    private string? ExpiryProblem(Sku sku, LocalDate expiry, LocalDate scannedOn)
    {
        if (expiry < scannedOn) return $"expired on {expiry:yyyy-MM-dd}";
        var left = Period.Between(ExpectedReceiptDate, expiry, PeriodUnits.Days).Days;
        var min = Requirements.MinRemainingShelfLifeDays(_skus[sku].Prep);
        return left < min ? $"expires {expiry:yyyy-MM-dd}, {left} days after the expected receipt {ExpectedReceiptDate:yyyy-MM-dd} (minimum {min})" : null;
    }

    private void EnsureActive(string action)
    {
        if (Status is PrepWorkOrderStatus.Shipped or PrepWorkOrderStatus.Cancelled)
        {
            throw new InvalidStatusTransitionException(nameof(PrepWorkOrderStatus), Status.ToString(), action, Id.ToString());
        }
    }

    private void EnsureInPrep(string action)
    {
        if (Status != PrepWorkOrderStatus.InPrep) throw new InvalidStatusTransitionException(nameof(PrepWorkOrderStatus), Status.ToString(), action, Id.ToString());
    }

    private IReadOnlyList<PrepTask> GenerateTasks()
    {
        var tasks = new List<PrepTask>();
        var next = 1;
        var asOf = ExpectedReceiptDate;
        foreach (var sku in _skus.Values.OrderBy(s => s.Sku))
        {
            var units = _units.Where(u => u.Key.Item1 == sku.Sku).Sum(u => u.Value.Taken);
            var p = sku.Prep;
            var kinds = new List<(PrepTaskKind Kind, PrepType? Type, string Text)>();
            if (p.PrepOwner == PrepOwner.Seller)
            {
                foreach (var t in p.PrepTypes)
                {
                    if (KindOf(t) is { } k) kinds.Add((k, t, Describe(k, sku)));
                }
            }
            var needsFnsku = !(p.Barcode == UnitBarcode.Manufacturer && BarcodeEligibility.Evaluate(sku, Requirements, asOf).IsEligible);
            if (needsFnsku && p.LabelOwner == LabelOwner.Seller) kinds.Add((PrepTaskKind.ApplyFnskuLabel, PrepType.Labeling, Describe(PrepTaskKind.ApplyFnskuLabel, sku)));
            if (Requirements.Labels.RequiresMrpLabel is { Value: true }) kinds.Add((PrepTaskKind.ApplyMrpLabel, null, Describe(PrepTaskKind.ApplyMrpLabel, sku)));
            foreach (var (kind, type, text) in kinds.DistinctBy(k => k.Kind).OrderBy(k => k.Kind))
            {
                tasks.Add(new PrepTask(next++, sku.Sku, kind, type, PrepTaskScope.PerUnit, units, $"{text} ({units} units)"));
            }
            tasks.Add(new PrepTask(next++, sku.Sku, PrepTaskKind.Inspect, null, PrepTaskScope.PerBatch, 1, Describe(PrepTaskKind.Inspect, sku)));
        }
        return tasks;
    }

    private static PrepTaskKind? KindOf(PrepType type) => type switch
    {
        PrepType.RemoveFromHanger => PrepTaskKind.RemoveHanger,
        PrepType.Debundle => PrepTaskKind.Debundle,
        PrepType.CapSealing => PrepTaskKind.CapSeal,
        PrepType.Taping => PrepTaskKind.Tape,
        PrepType.BubbleWrap => PrepTaskKind.BubbleWrap,
        PrepType.Boxing => PrepTaskKind.Box,
        PrepType.Polybagging => PrepTaskKind.Polybag,
        PrepType.BlackShrinkWrap => PrepTaskKind.BlackShrinkWrap,
        PrepType.SuffocationSticker => PrepTaskKind.SuffocationWarning,
        PrepType.SetCreation or PrepType.SetSticker => PrepTaskKind.SetLabel,
        PrepType.BlankSticker => PrepTaskKind.BlankSticker,
        PrepType.HangGarment => PrepTaskKind.HangGarment,
        _ => null, // ITEM_LABELING is generated from the label owner; ITEM_NO_PREP and ITEM_SIOC need no step.
    };

    private string Describe(PrepTaskKind kind, FbaSku sku)
    {
        var r = Requirements;
        return kind switch
        {
            PrepTaskKind.RemoveHanger => $"Remove the hanger from each unit of {sku.Sku}",
            PrepTaskKind.Debundle => $"Remove tape or shrink wrap grouping units of {sku.Sku}",
            PrepTaskKind.CapSeal => $"Secondary seal (induction seal, safety ring, clip or heat-shrink band) on each unit of {sku.Sku}",
            PrepTaskKind.Tape => $"Tape each unit of {sku.Sku}",
            PrepTaskKind.BubbleWrap => $"Bubble wrap each unit of {sku.Sku}, no exposed surface",
            PrepTaskKind.Box => $"Overbox each unit of {sku.Sku} in a six-sided box",
            PrepTaskKind.Polybag => $"Seal each unit of {sku.Sku} in a transparent poly bag, film >= {FbaFormat.Number(r.Polybag.MinFilmThicknessMil.Value)} mil, barcode scannable through the bag",
            PrepTaskKind.BlackShrinkWrap => $"Black opaque bag or shrink wrap on each unit of {sku.Sku}",
            PrepTaskKind.SuffocationWarning => $"Suffocation warning sticker on each bag of {sku.Sku} (required when the opening is >= {r.Polybag.SuffocationWarningOpening.Value})",
            PrepTaskKind.SetLabel => $"Set label on each unit of {sku.Sku}: \"Sold as set\" / \"This is a set. Do not separate.\"{(sku.Prep.Set is { } set ? $" ({set.ItemCount} items)" : "")}",
            PrepTaskKind.BlankSticker => $"Blank sticker over bad barcodes on {sku.Sku}",
            PrepTaskKind.ApplyFnskuLabel => $"Apply FNSKU label {(sku.Fnsku is { } f ? f.Value : "(FNSKU missing)")} to each unit of {sku.Sku}, covering every other barcode",
            PrepTaskKind.ApplyMrpLabel => $"Apply a printed MRP label to each unit of {sku.Sku}",
            PrepTaskKind.HangGarment => $"Put each unit of {sku.Sku} on a hanger",
            PrepTaskKind.Inspect => $"Inspect {sku.Sku}: prep done, one scannable label per unit, no damage",
            _ => kind.ToString(),
        };
    }

    /// <summary>Mutable unit counts of one SKU and lot.</summary>
    internal sealed class Counts
    {
        public int Taken { get; set; }
        public int FbaBound { get; set; }
        public int InPrep { get; set; }
        public int Prepped { get; set; }
        public int Shipped { get; set; }
        public int Returned { get; set; }
    }
}
