namespace OrderCore.FbaPrep;

/// <summary>Identifies a prep work order; it is the reference of every ledger movement the replenishment makes.</summary>
/// <remarks>Trimmed text of 1 to 200 characters with no control characters, compared ordinally. The default value holds no id and is rejected at API boundaries.</remarks>
/// <threadsafety>Immutable value type; safe to share across threads.</threadsafety>
public readonly record struct PrepWorkOrderId : IComparable<PrepWorkOrderId>
{
    private readonly string? _value;

    private PrepWorkOrderId(string value) => _value = value;

    /// <summary>The id text; empty for the default value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the default value.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Creates the id from <paramref name="value"/>, trimmed.</summary>
    /// <exception cref="ArgumentException">The value is blank, longer than 200 characters or has a control character.</exception>
    public static PrepWorkOrderId From(string value)
        => TryFrom(value, out var id) ? id : throw new ArgumentException($"'{value}' is not a valid work order id (1 to 200 characters, no control characters).", nameof(value));

    /// <summary>Tries to create the id.</summary>
    public static bool TryFrom(string? value, out PrepWorkOrderId id)
    {
        id = default;
        var t = value?.Trim();
        if (string.IsNullOrEmpty(t) || t.Length > 200 || t.Any(char.IsControl)) return false;
        id = new PrepWorkOrderId(t);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(PrepWorkOrderId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc />
    public int CompareTo(PrepWorkOrderId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>The id text.</summary>
    public override string ToString() => _value ?? "(default)";
}

/// <summary>The status of a prep work order. Moves: Open → InPrep → Shipped; Open or InPrep → Cancelled.</summary>
public enum PrepWorkOrderStatus
{
    /// <summary>Units taken (<c>FbaBound</c>), prep not started.</summary>
    Open,
    /// <summary>Units in prep (<c>InPrep</c>); closed cartons are <c>Prepped</c>.</summary>
    InPrep,
    /// <summary>Every carton left for the FBA location.</summary>
    Shipped,
    /// <summary>Cancelled; every unit went back to <c>Sellable</c>.</summary>
    Cancelled,
}

/// <summary>A prep step, in the order they are done on a unit.</summary>
public enum PrepTaskKind
{
    /// <summary>Take the unit off its hanger (<c>ITEM_RMOVHANG</c>).</summary>
    RemoveHanger,
    /// <summary>Remove tape or shrink wrap grouping units sold individually (<c>ITEM_DEBUNDLE</c>).</summary>
    Debundle,
    /// <summary>Secondary seal on liquids (<c>ITEM_CAP_SEALING</c>).</summary>
    CapSeal,
    /// <summary>Tape (<c>ITEM_TAPING</c>).</summary>
    Tape,
    /// <summary>Bubble wrap (<c>ITEM_BUBBLEWRAP</c>).</summary>
    BubbleWrap,
    /// <summary>Overbox (<c>ITEM_BOXING</c>).</summary>
    Box,
    /// <summary>Seal in a transparent poly bag (<c>ITEM_POLYBAGGING</c>).</summary>
    Polybag,
    /// <summary>Black opaque bag or shrink wrap (<c>ITEM_BLACK_SHRINKWRAP</c>).</summary>
    BlackShrinkWrap,
    /// <summary>Suffocation warning sticker on the bag (<c>ITEM_SUFFOSTK</c>).</summary>
    SuffocationWarning,
    /// <summary>Set label: "Sold as set" / "This is a set. Do not separate." (<c>ITEM_SETCREAT</c>, <c>ITEM_SETSTK</c>).</summary>
    SetLabel,
    /// <summary>Blank sticker over a bad barcode (<c>ITEM_BLANKSTK</c>).</summary>
    BlankSticker,
    /// <summary>Apply the FNSKU label over every other barcode (<c>ITEM_LABELING</c>).</summary>
    ApplyFnskuLabel,
    /// <summary>Apply the printed MRP label (India).</summary>
    ApplyMrpLabel,
    /// <summary>Put the unit on a hanger (<c>ITEM_HANG_GARMENT</c>).</summary>
    HangGarment,
    /// <summary>Inspect the batch: prep done, labels scannable, nothing damaged.</summary>
    Inspect,
}

/// <summary>Whether a task is done on every unit or once per batch (SKU).</summary>
public enum PrepTaskScope
{
    /// <summary>On every unit.</summary>
    PerUnit,
    /// <summary>Once for the SKU's batch.</summary>
    PerBatch,
}

/// <summary>One task of a work order, generated from the SKU's prep profile and the marketplace rules.</summary>
/// <param name="Id">The task id within the work order, from 1.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Kind">What to do.</param>
/// <param name="PrepType">The API prep type it fulfils, if any.</param>
/// <param name="Scope">Per unit or per batch.</param>
/// <param name="Quantity">Units (per unit) or 1 (per batch).</param>
/// <param name="Instruction">What the operator reads.</param>
public sealed record PrepTask(int Id, Sku Sku, PrepTaskKind Kind, PrepType? PrepType, PrepTaskScope Scope, int Quantity, string Instruction);

/// <summary>The checkpoints a work order passes: receiving, prep, inspection, carton close.</summary>
public enum PrepCheckpoint
{
    /// <summary>Units counted in at the prep station, per SKU, against the plan.</summary>
    Receiving,
    /// <summary>Every prep task done.</summary>
    Prep,
    /// <summary>Every SKU inspected and passed.</summary>
    Inspection,
    /// <summary>Every carton scanned complete and closed.</summary>
    CartonClose,
}

/// <summary>The state of a checkpoint.</summary>
public enum CheckpointState
{
    /// <summary>Not done yet.</summary>
    Pending,
    /// <summary>Done, nothing wrong.</summary>
    Passed,
    /// <summary>Something is wrong (a discrepancy, a failed inspection).</summary>
    Failed,
}

/// <summary>A checkpoint's state and what holds it back.</summary>
/// <param name="Checkpoint">The checkpoint.</param>
/// <param name="State">Its state.</param>
/// <param name="Issues">What is pending or wrong; empty when passed.</param>
public sealed record CheckpointStatus(PrepCheckpoint Checkpoint, CheckpointState State, IReadOnlyList<string> Issues);

/// <summary>Why a scan was refused.</summary>
public enum ScanRejectionReason
{
    /// <summary>The barcode is not an FNSKU (or manufacturer barcode) of any SKU on the work order.</summary>
    WrongSku,
    /// <summary>Every planned unit of that SKU and lot is already scanned into the carton.</summary>
    OverScan,
    /// <summary>The SKU is on the work order but not planned for this carton.</summary>
    WrongCarton,
    /// <summary>The lot is expired, or has less shelf life left at receipt than the marketplace minimum.</summary>
    ExpiredLot,
    /// <summary>The lot is not the one planned for this carton.</summary>
    WrongLot,
    /// <summary>The SKU is tracked by lot and no lot was scanned.</summary>
    LotRequired,
    /// <summary>The carton is already closed.</summary>
    CartonClosed,
    /// <summary>No carton of the work order has that id.</summary>
    UnknownCarton,
    /// <summary>The work order is not in prep.</summary>
    NotInPrep,
}

/// <summary>The outcome of a scan: accepted, or rejected with a typed reason.</summary>
/// <param name="Accepted">True when the unit was counted into the carton.</param>
/// <param name="Rejection">Why it was refused, when not accepted.</param>
/// <param name="CartonId">The carton scanned into.</param>
/// <param name="Barcode">The barcode scanned.</param>
/// <param name="Sku">The SKU the barcode resolved to, if any.</param>
/// <param name="Scanned">Units of that SKU and lot scanned into the carton so far.</param>
/// <param name="Expected">Units of that SKU and lot planned for the carton.</param>
/// <param name="Message">What to tell the operator.</param>
public sealed record ScanResult(bool Accepted, ScanRejectionReason? Rejection, string CartonId, string Barcode, Sku? Sku, int Scanned, int Expected, string Message);

/// <summary>Received units of one SKU differ from the plan. Reported per SKU, never netted across SKUs.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Expected">Units planned.</param>
/// <param name="Received">Units counted in.</param>
public sealed record ReceiptDiscrepancy(Sku Sku, int Expected, int Received)
{
    /// <summary>Received − expected: positive for an overage, negative for a shortage.</summary>
    public int Difference => Received - Expected;

    /// <summary>Formats as <c>SKU-A: +1 (expected 10, received 11)</c>.</summary>
    public override string ToString() => $"{Sku}: {(Difference > 0 ? "+" : "")}{Difference} (expected {Expected}, received {Received})";
}

/// <summary>Why a carton cannot close.</summary>
public enum CartonCloseBlockReason
{
    /// <summary>The work order is not in prep.</summary>
    NotInPrep,
    /// <summary>No carton has that id.</summary>
    UnknownCarton,
    /// <summary>The carton is already closed.</summary>
    AlreadyClosed,
    /// <summary>Planned units are not scanned into the carton yet.</summary>
    UnscannedUnits,
    /// <summary>Prep tasks of a SKU in the carton are not done.</summary>
    PrepTasksIncomplete,
    /// <summary>A SKU in the carton has not been inspected yet.</summary>
    InspectionPending,
    /// <summary>A SKU in the carton failed inspection.</summary>
    FailedInspection,
}

/// <summary>One reason a carton cannot close.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Sku">The SKU concerned, if any.</param>
/// <param name="Detail">What to do.</param>
public sealed record CartonCloseBlocker(CartonCloseBlockReason Reason, Sku? Sku, string Detail);

/// <summary>The outcome of closing a carton.</summary>
/// <param name="CartonId">The carton.</param>
/// <param name="Closed">True when it closed (its units are now <c>Prepped</c>).</param>
/// <param name="Blockers">Why not, when not closed.</param>
public sealed record CartonCloseResult(string CartonId, bool Closed, IReadOnlyList<CartonCloseBlocker> Blockers);

/// <summary>Units of one SKU and lot on a work order, by where they are in the flow.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Lot">The lot, or null.</param>
/// <param name="Taken">Units taken for the work order.</param>
/// <param name="FbaBound">Units still <c>FbaBound</c>.</param>
/// <param name="InPrep">Units <c>InPrep</c>.</param>
/// <param name="Prepped">Units <c>Prepped</c> (in closed cartons) at the warehouse.</param>
/// <param name="Shipped">Units transferred to the FBA location.</param>
/// <param name="Returned">Units returned to <c>Sellable</c> (cancellation).</param>
public sealed record WorkOrderUnits(Sku Sku, Lot? Lot, int Taken, int FbaBound, int InPrep, int Prepped, int Shipped, int Returned);

/// <summary>Whether a work order's shipment may leave, and what holds it back.</summary>
/// <param name="CanShip">True when every check passed and every carton is closed.</param>
/// <param name="Blockers">What holds it back.</param>
public sealed record ShipReadiness(bool CanShip, IReadOnlyList<string> Blockers);
