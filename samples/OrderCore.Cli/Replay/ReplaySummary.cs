using NodaTime;
using OrderCore.Cli.Input;

namespace OrderCore.Cli.Replay;

/// <summary>An input file as the replay read it.</summary>
/// <param name="Name">The file name.</param>
/// <param name="Kind"><c>stock</c>, <c>amazon</c> or <c>wholesale</c>.</param>
/// <param name="Rows">Data rows read (see each reader for what counts).</param>
/// <param name="Rejected">The refused rows, in file order.</param>
internal sealed record InputFileSummary(string Name, string Kind, int Rows, IReadOnlyList<RejectedRow> Rejected);

/// <summary>The figures of a replay, each defined as in issue 2 §3.6, taken from OrderCore's stores at the end.</summary>
internal sealed record ReplaySummary
{
    /// <summary>First and last day replayed; null when there was nothing to replay.</summary>
    public required DateInterval? Window { get; init; }

    public required string Source { get; init; }

    public required IReadOnlyList<InputFileSummary> Files { get; init; }

    public required int StockRows { get; init; }
    public required int StockRejectedRows { get; init; }
    public required int StockDuplicateSkus { get; init; }
    public required int StockSkus { get; init; }
    public required long StockOnHand { get; init; }

    public required int OrdersImported { get; init; }
    public required int OrdersAmazon { get; init; }
    public required int OrdersWholesale { get; init; }
    public required int OrdersMerchant { get; init; }
    public required int OrdersMarketplace { get; init; }
    /// <summary>Orders in status Cancelled at the end.</summary>
    public required int OrdersCancelled { get; init; }
    /// <summary>Orders that shipped, including those later delivered, returned or lost.</summary>
    public required int OrdersShipped { get; init; }

    public required int LinesImported { get; init; }
    /// <summary>Every line of a cancelled order, plus line-level cancellations on other orders.</summary>
    public required int LinesCancelled { get; init; }

    /// <summary>Orders (not lines) with at least one open exception, per reason; only non-zero reasons, in reason order.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> ExceptionsOpen { get; init; }

    /// <summary>Units that left on hand for merchant-fulfilled orders (ship movements of the ledger).</summary>
    public required long UnitsShippedMerchant { get; init; }
    /// <summary>Units of the live lines of marketplace-fulfilled orders whose channel status starts with <c>Shipped</c>.</summary>
    public required long UnitsShippedMarketplace { get; init; }
    /// <summary>Units received back (return movements of the ledger).</summary>
    public required long UnitsReturned { get; init; }

    /// <summary>Amounts of the live lines of non-cancelled orders, per currency (ordinal currency order).</summary>
    public required IReadOnlyList<KeyValuePair<string, decimal>> GrossSales { get; init; }

    public required long InventoryOnHand { get; init; }
    public required long InventoryReserved { get; init; }
    /// <summary>On hand per status, for every status that holds units (well-known statuses first, in their order).</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> InventoryByStatus { get; init; }

    public required bool LedgerMatchesBalances { get; init; }
    public required int LedgerMismatches { get; init; }
}
