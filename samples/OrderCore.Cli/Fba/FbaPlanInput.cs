#if ORDERCORE_FBAPREP
using NodaTime;
using OrderCore.FbaPrep;
using OrderCore.FbaPrep.Inbound;

namespace OrderCore.Cli.Fba;

/// <summary>How one SKU's replenishment was sized.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Category">The seller's category, if known.</param>
/// <param name="DemandUnits">Marketplace-fulfilled units ordered in the window (null in profiles mode).</param>
/// <param name="DailyRate">Units per day (null in profiles mode).</param>
/// <param name="Target">Units wanted for the days of cover (or the user's quantity).</param>
/// <param name="Stock">Sellable units in the warehouse.</param>
internal sealed record SizingRow(Sku Sku, string? Category, int? DemandUnits, decimal? DailyRate, int Target, int Stock);

/// <summary>Everything <see cref="FbaPlanRunner"/> needs, from the replay seller's files or a user's JSON.</summary>
internal sealed record FbaPlanInput
{
    public required string Mode { get; init; }
    public required FbaPrepRequirements Requirements { get; init; }
    public required OwnerId Owner { get; init; }
    public required LocationId Warehouse { get; init; }
    public required LocalDate ShipDate { get; init; }
    public required InboundAddress ShipFrom { get; init; }
    public required IReadOnlyList<FbaSku> Skus { get; init; }

    /// <summary>Sellable stock to load into the pool: (SKU, lot, units).</summary>
    public required IReadOnlyList<(Sku Sku, Lot? Lot, int Units)> Stock { get; init; }

    public required IReadOnlyList<FbaTakeRequest> Requests { get; init; }
    public required IReadOnlyList<SizingRow> Sizing { get; init; }

    /// <summary>What the data lacked and which default was used instead.</summary>
    public required IReadOnlyList<string> Assumptions { get; init; }

    /// <summary>Rows or SKUs left out, with the reason.</summary>
    public required IReadOnlyList<string> Skipped { get; init; }

    public LocalDate? WindowFrom { get; init; }
    public LocalDate? WindowTo { get; init; }
    public int? DaysOfCover { get; init; }
    public int? Top { get; init; }
}

/// <summary>A data file is missing, unreadable, or lacks what the command needs. Exit code 1.</summary>
internal sealed class FbaPlanDataException(string message, Exception? inner = null) : Exception(message, inner);
#endif
