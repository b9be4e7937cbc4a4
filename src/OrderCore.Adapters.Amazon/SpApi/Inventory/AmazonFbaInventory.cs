using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using OrderCore.Adapters.Amazon.SpApi.Http;
using OrderCore.Adapters.Amazon.SpApi.Json;
using OrderCore.Catalog;
using OrderCore.Inventory;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>One SKU's FBA quantities from <c>getInventorySummaries</c> (<c>details=true</c>), field by field ([M-INV], domain-facts §4.5).</summary>
/// <param name="SellerSku">The seller SKU.</param>
/// <param name="FnSku">The FNSKU.</param>
/// <param name="Asin">The ASIN.</param>
/// <param name="Fulfillable">Pickable and shippable now.</param>
/// <param name="InboundWorking">In an inbound plan Amazon was told about.</param>
/// <param name="InboundShipped">In an inbound shipment with tracking.</param>
/// <param name="InboundReceiving">Arriving: part of the shipment already received.</param>
/// <param name="Reserved"><c>reservedQuantity.totalReservedQuantity</c>: held for customer orders, transshipment or FC processing.</param>
/// <param name="Researching"><c>researchingQuantity.totalResearchingQuantity</c>: missing or misplaced units being researched.</param>
/// <param name="Damaged">Customer, warehouse, distributor and carrier damaged units, plus unfulfillable units not broken down.</param>
/// <param name="DefectiveOrExpired">Defective and expired units.</param>
public sealed record AmazonFbaInventorySummary(string SellerSku, string? FnSku, string? Asin, int Fulfillable, int InboundWorking, int InboundShipped, int InboundReceiving,
    int Reserved, int Researching, int Damaged, int DefectiveOrExpired);

/// <summary>The FBA inventory of a marketplace at one moment: the report a ledger adjustment refers to.</summary>
/// <param name="MarketplaceId">The granularity id (marketplace).</param>
/// <param name="RetrievedAt">When the snapshot was read.</param>
/// <param name="Summaries">One per seller SKU.</param>
public sealed record AmazonFbaInventorySnapshot(string MarketplaceId, Instant RetrievedAt, IReadOnlyList<AmazonFbaInventorySummary> Summaries)
{
    /// <summary>The ledger reference of adjustments made from this snapshot: <c>amazon-fba-inventory:{marketplace}:{retrieved at}</c>.</summary>
    public string Reference => $"amazon-fba-inventory:{MarketplaceId}:{InstantPattern.ExtendedIso.Format(RetrievedAt)}";
}

/// <summary>FBA Inventory v1 <c>getInventorySummaries</c> (2 rps, burst 2; <c>nextToken</c> valid 30 s).</summary>
/// <threadsafety>Safe to use from many threads.</threadsafety>
public sealed class AmazonFbaInventoryClient
{
    private readonly SpApiTransport _t;

    internal AmazonFbaInventoryClient(SpApiTransport transport) => _t = transport;

    /// <summary>
    /// Reads every FBA inventory summary of a marketplace with <c>details=true</c>, following <c>nextToken</c>; when
    /// <paramref name="sellerSkus"/> is given, only those (50 per call, the model's limit).
    /// </summary>
    /// <param name="marketplaceId">The marketplace; null for the first of <see cref="AmazonSpApiOptions.MarketplaceIds"/>.</param>
    /// <param name="sellerSkus">SKUs to read, or null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="AmazonPaginationLoopException">A next token came back twice.</exception>
    /// <exception cref="AmazonSpApiException">A call failed.</exception>
    public async Task<AmazonFbaInventorySnapshot> GetSummariesAsync(string? marketplaceId = null, IReadOnlyCollection<string>? sellerSkus = null, CancellationToken cancellationToken = default)
    {
        var market = string.IsNullOrWhiteSpace(marketplaceId) ? _t.Options.MarketplaceIds[0] : marketplaceId.Trim();
        var retrieved = _t.Clock.GetCurrentInstant();
        var baseQuery = $"/fba/inventory/v1/summaries?details=true&granularityType=Marketplace&granularityId={AmazonSpApiClient.Q(market)}&marketplaceIds={AmazonSpApiClient.Q(market)}";
        var chunks = sellerSkus is null ? [""] : sellerSkus.Distinct(StringComparer.Ordinal).Chunk(50).Select(c => "&sellerSkus=" + AmazonSpApiClient.Q(string.Join(",", c))).ToArray();
        var all = new List<AmazonFbaInventorySummary>();
        foreach (var chunk in chunks)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string? next = null;
            var pages = 0;
            do
            {
                var path = baseQuery + chunk + (next is null ? "" : "&nextToken=" + AmazonSpApiClient.Q(next));
                var dto = await _t.SendAsync(new SpApiRequest("getInventorySummaries", HttpMethod.Get, path), AmazonJsonContext.Default.GetInventorySummariesResponse, cancellationToken).ConfigureAwait(false);
                pages++;
                foreach (var s in dto.Payload?.InventorySummaries ?? [])
                {
                    if (string.IsNullOrWhiteSpace(s.SellerSku)) continue;
                    all.Add(Map(s));
                }
                next = string.IsNullOrWhiteSpace(dto.Pagination?.NextToken) ? null : dto.Pagination!.NextToken;
                if (next is not null && !seen.Add(next)) throw new AmazonPaginationLoopException("getInventorySummaries", pages);
            }
            while (next is not null);
        }
        return new AmazonFbaInventorySnapshot(market, retrieved, all);
    }

    /// <summary>Reads a <c>getInventorySummaries</c> response body (e.g. saved to a file) into a snapshot.</summary>
    /// <exception cref="FormatException">The body is not such a response.</exception>
    public static AmazonFbaInventorySnapshot ParseSummaries(string json, Instant retrievedAt)
    {
        try
        {
            var dto = JsonSerializer.Deserialize(json, AmazonJsonContext.Default.GetInventorySummariesResponse) ?? throw new JsonException("null body");
            var summaries = (dto.Payload?.InventorySummaries ?? []).Where(s => !string.IsNullOrWhiteSpace(s.SellerSku)).Select(Map).ToArray();
            return new AmazonFbaInventorySnapshot(dto.Payload?.Granularity?.GranularityId ?? "(unknown)", retrievedAt, summaries);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a getInventorySummaries response: {ex.Message}", ex);
        }
    }

    private static AmazonFbaInventorySummary Map(InventorySummaryDto s)
    {
        var d = s.InventoryDetails;
        var u = d?.UnfulfillableQuantity;
        var defective = (u?.DefectiveQuantity ?? 0) + (u?.ExpiredQuantity ?? 0);
        var damaged = (u?.CustomerDamagedQuantity ?? 0) + (u?.WarehouseDamagedQuantity ?? 0) + (u?.DistributorDamagedQuantity ?? 0) + (u?.CarrierDamagedQuantity ?? 0);
        var total = u?.TotalUnfulfillableQuantity ?? 0;
        if (total > damaged + defective) damaged += total - damaged - defective;
        return new AmazonFbaInventorySummary(s.SellerSku!.Trim(), s.FnSku, s.Asin, d?.FulfillableQuantity ?? 0, d?.InboundWorkingQuantity ?? 0, d?.InboundShippedQuantity ?? 0,
            d?.InboundReceivingQuantity ?? 0, d?.ReservedQuantity?.TotalReservedQuantity ?? 0, d?.ResearchingQuantity?.TotalResearchingQuantity ?? 0, damaged, defective);
    }
}

/// <summary>One ledger adjustment made (or that would be made) by an FBA inventory sync.</summary>
/// <param name="Sku">The OrderCore SKU.</param>
/// <param name="Status">The balance's status at the FBA location.</param>
/// <param name="OnHandBefore">On hand before.</param>
/// <param name="OnHandAfter">On hand after: Amazon's figure × the listing's pack multiplier.</param>
public sealed record AmazonFbaAdjustment(Sku Sku, InventoryStatus Status, int OnHandBefore, int OnHandAfter)
{
    /// <summary>The adjustment, signed.</summary>
    public int Delta => OnHandAfter - OnHandBefore;
}

/// <summary>The outcome of <see cref="AmazonFbaInventorySync.ApplyAsync"/>.</summary>
/// <param name="Reference">The ledger reference of every adjustment (<see cref="AmazonFbaInventorySnapshot.Reference"/>).</param>
/// <param name="Adjustments">The adjustments applied, one per (SKU, status) that changed.</param>
/// <param name="UnmappedSellerSkus">Seller SKUs no listing or SKU code maps to: not applied.</param>
public sealed record AmazonFbaSyncResult(string Reference, IReadOnlyList<AmazonFbaAdjustment> Adjustments, IReadOnlyList<string> UnmappedSellerSkus);

/// <summary>
/// Brings the FBA location's balances in line with an <see cref="AmazonFbaInventorySnapshot"/>, each change as a ledger
/// adjustment (<see cref="InventoryPool.AdjustAsync"/>, reason <c>amazon-fba-inventory</c>, the snapshot as reference).
/// Status map: fulfillable → <see cref="InventoryStatus.Sellable"/> (at the FBA location, which only marketplace-fulfilled
/// routing draws on); inbound working + shipped + receiving → <see cref="FbaInbound"/>; reserved → <see cref="FbaReserved"/>;
/// customer/warehouse/distributor/carrier damaged → <see cref="InventoryStatus.Damaged"/>; defective and expired →
/// <see cref="InventoryStatus.Quarantine"/>; researching → <see cref="InventoryStatus.Hold"/>.
/// Only SKUs in the snapshot are touched (a snapshot filtered by SKU leaves the others alone).
/// </summary>
/// <threadsafety>Safe to use concurrently for different SKUs; two syncs of the same SKU at once may both adjust.</threadsafety>
public sealed class AmazonFbaInventorySync
{
    /// <summary>The ledger reason of the adjustments.</summary>
    public const string Reason = "amazon-fba-inventory";

    /// <summary>Units on their way to Amazon (inbound working, shipped or receiving).</summary>
    public static InventoryStatus FbaInbound { get; } = InventoryStatus.From("FbaInbound");

    /// <summary>Units Amazon holds back (pending customer orders, transshipment, FC processing).</summary>
    public static InventoryStatus FbaReserved { get; } = InventoryStatus.From("FbaReserved");

    private readonly InventoryPool _pool;
    private readonly SkuResolver _resolver;
    private readonly AmazonOrderMappingOptions _account;
    private readonly LocationId _location;

    /// <summary>Creates the sync for one account and its FBA location.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="fbaLocation"/> is the default value.</exception>
    public AmazonFbaInventorySync(InventoryPool pool, SkuResolver resolver, AmazonOrderMappingOptions account, LocationId fbaLocation)
    {
        _pool = pool ?? throw new ArgumentNullException(nameof(pool));
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        _account = account ?? throw new ArgumentNullException(nameof(account));
        if (fbaLocation.IsDefault) throw new ArgumentException("An FBA location is required.", nameof(fbaLocation));
        _location = fbaLocation;
    }

    /// <summary>Applies a snapshot (see the class remarks).</summary>
    /// <exception cref="InsufficientInventoryException">An adjustment down would go below reserved units at the FBA location.</exception>
    public async Task<AmazonFbaSyncResult> ApplyAsync(AmazonFbaInventorySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var targets = new Dictionary<(Sku, InventoryStatus), int>();
        var unmapped = new List<string>();
        foreach (var s in snapshot.Summaries)
        {
            var r = await _resolver.ResolveAsync(_account.Owner, _account.Channel, _account.Account, s.SellerSku, null, null, cancellationToken).ConfigureAwait(false);
            if (r.Kind != SkuResolutionKind.Resolved || r.Sku is not { } sku)
            {
                unmapped.Add(s.SellerSku);
                continue;
            }
            var m = r.PackMultiplier;
            Add(targets, sku, InventoryStatus.Sellable, checked(s.Fulfillable * m));
            Add(targets, sku, FbaInbound, checked((s.InboundWorking + s.InboundShipped + s.InboundReceiving) * m));
            Add(targets, sku, FbaReserved, checked(s.Reserved * m));
            Add(targets, sku, InventoryStatus.Damaged, checked(s.Damaged * m));
            Add(targets, sku, InventoryStatus.Quarantine, checked(s.DefectiveOrExpired * m));
            Add(targets, sku, InventoryStatus.Hold, checked(s.Researching * m));
        }
        var applied = new List<AmazonFbaAdjustment>();
        foreach (var ((sku, status), target) in targets.OrderBy(t => t.Key.Item1).ThenBy(t => t.Key.Item2))
        {
            var key = new BalanceKey(_account.Owner, sku, _location, status);
            var before = (await _pool.Store.GetBalanceAsync(key, cancellationToken).ConfigureAwait(false))?.OnHand ?? 0;
            if (before == target) continue;
            await _pool.AdjustAsync(key, target - before, Reason, snapshot.Reference, cancellationToken).ConfigureAwait(false);
            applied.Add(new AmazonFbaAdjustment(sku, status, before, target));
        }
        return new AmazonFbaSyncResult(snapshot.Reference, applied, unmapped);
    }

    private static void Add(Dictionary<(Sku, InventoryStatus), int> targets, Sku sku, InventoryStatus status, int units)
        => targets[(sku, status)] = checked(targets.GetValueOrDefault((sku, status)) + units);
}
