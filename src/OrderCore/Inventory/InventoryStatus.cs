namespace OrderCore.Inventory;

/// <summary>
/// The purpose a unit is held for. Balances are kept per status, so units that are FBA-bound, in prep, held,
/// damaged, quarantined or awaiting return inspection are never confused with sellable stock.
/// </summary>
/// <remarks>
/// The eight well-known statuses are static properties. The set is extensible: <see cref="From"/> accepts any name of
/// 1 to 64 letters, digits or <c>_</c>/<c>-</c>, and an <see cref="InventoryStatusGraph"/> says which moves are legal.
/// Names compare ordinally. The default value holds no name and is rejected at API boundaries.
/// </remarks>
/// <threadsafety>Immutable value type; safe to share across threads.</threadsafety>
public readonly record struct InventoryStatus : IComparable<InventoryStatus>
{
    private readonly string? _name;

    private InventoryStatus(string name) => _name = name;

    /// <summary>The status name, e.g. <c>Sellable</c>.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>True for the default value, which holds no status.</summary>
    public bool IsDefault => _name is null;

    /// <summary>Available to sell on DTC and merchant-fulfilled marketplace orders.</summary>
    public static InventoryStatus Sellable { get; } = new("Sellable");

    /// <summary>Reserved for an FBA shipment; invisible to DTC ATP.</summary>
    public static InventoryStatus FbaBound { get; } = new("FbaBound");

    /// <summary>On a prep work order (labels, poly bags, bundles).</summary>
    public static InventoryStatus InPrep { get; } = new("InPrep");

    /// <summary>Prepped and cartonised, waiting to ship to the FBA network.</summary>
    public static InventoryStatus Prepped { get; } = new("Prepped");

    /// <summary>On hold (investigation, recall, customer request).</summary>
    public static InventoryStatus Hold { get; } = new("Hold");

    /// <summary>Damaged; not sellable.</summary>
    public static InventoryStatus Damaged { get; } = new("Damaged");

    /// <summary>Quarantined (suspected defect, expiry, compliance).</summary>
    public static InventoryStatus Quarantine { get; } = new("Quarantine");

    /// <summary>Returned by a customer and waiting for inspection and a disposition.</summary>
    public static InventoryStatus ReturnPending { get; } = new("ReturnPending");

    /// <summary>The eight well-known statuses, in declaration order.</summary>
    public static IReadOnlyList<InventoryStatus> WellKnown { get; } =
        [Sellable, FbaBound, InPrep, Prepped, Hold, Damaged, Quarantine, ReturnPending];

    /// <summary>Returns the well-known status of that name, or a custom status.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank, longer than 64 characters or has characters other than letters, digits, <c>_</c> and <c>-</c>.</exception>
    public static InventoryStatus From(string name)
        => TryFrom(name, out var s) ? s : throw new ArgumentException($"'{name}' is not a valid inventory status name.", nameof(name));

    /// <summary>Tries to read a status name; false when it is not valid.</summary>
    public static bool TryFrom(string? name, out InventoryStatus status)
    {
        status = default;
        var t = name?.Trim();
        if (string.IsNullOrEmpty(t) || t.Length > 64) return false;
        foreach (var c in t)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-') return false;
        }
        foreach (var known in WellKnown)
        {
            if (string.Equals(known.Name, t, StringComparison.Ordinal))
            {
                status = known;
                return true;
            }
        }
        status = new InventoryStatus(t);
        return true;
    }

    /// <inheritdoc />
    public bool Equals(InventoryStatus other) => string.Equals(_name, other._name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => _name is null ? 0 : StringComparer.Ordinal.GetHashCode(_name);

    /// <inheritdoc />
    public int CompareTo(InventoryStatus other) => string.CompareOrdinal(_name, other._name);

    /// <summary>The status name.</summary>
    public override string ToString() => _name ?? "(default)";
}
