using NodaTime;
using OrderCore.FbaPrep.Internal;

namespace OrderCore.FbaPrep;

/// <summary>Units of one SKU and lot in a carton.</summary>
/// <param name="Sku">The merchant SKU.</param>
/// <param name="Lot">The lot (with its expiry), or null.</param>
/// <param name="Quantity">Units, ≥ 1.</param>
public sealed record CartonContent(Sku Sku, Lot? Lot, int Quantity)
{
    /// <summary>Units, ≥ 1.</summary>
    public int Quantity { get; } = Quantity >= 1 ? Quantity : throw new ArgumentOutOfRangeException(nameof(Quantity), Quantity, "A carton content needs at least one unit.");

    /// <summary>The lot's expiry date, if any.</summary>
    public LocalDate? Expiry => Lot?.Expiry;
}

/// <summary>A carton (box) to ship to FBA: its outer dimensions, gross weight, contents and handling labels.</summary>
/// <remarks>Produced by <see cref="CartonPlanner"/>, or built by hand to check a carton packed elsewhere.</remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed record PlannedCarton
{
    private readonly IReadOnlyList<CartonContent> _contents = [];
    private readonly IReadOnlyList<string> _labels = [];

    /// <summary>The carton id within the plan, e.g. <c>C001</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Outer dimensions.</summary>
    public required Dimensions Dimensions { get; init; }

    /// <summary>Gross weight (contents and box).</summary>
    public required Weight Weight { get; init; }

    /// <summary>The contents, one entry per (SKU, lot).</summary>
    public required IReadOnlyList<CartonContent> Contents
    {
        get => _contents;
        init => _contents = Check.NotNull(value).ToArray();
    }

    /// <summary>True when the carton is a case pack (one SKU, the SKU's case quantity).</summary>
    public bool IsCasePack { get; init; }

    /// <summary>Handling labels on the carton, e.g. <c>Team Lift</c> (compared case-insensitively).</summary>
    public IReadOnlyList<string> HandlingLabels
    {
        get => _labels;
        init => _labels = Check.NotNull(value).ToArray();
    }

    /// <summary>How the box's contents are given to Amazon.</summary>
    /// <value>Default <see cref="BoxContentSource.BoxContentProvided"/>.</value>
    public BoxContentSource ContentSource { get; init; } = BoxContentSource.BoxContentProvided;

    /// <summary>The box size used, e.g. <c>L 60x40x40 cm</c>; <c>own packaging</c> for a single oversize unit; null when unknown.</summary>
    public string? BoxSize { get; init; }

    /// <summary>Total units.</summary>
    public int UnitCount => _contents.Sum(c => c.Quantity);

    /// <summary>True when the carton carries <paramref name="label"/> (case-insensitive).</summary>
    public bool HasLabel(string label) => _labels.Any(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase));
}
