using Microsoft.Extensions.Options;
using OrderCore.Adapters.Walmart.Outbox;
using OrderCore.Inventory;
using OrderCore.Ports;

namespace OrderCore.Adapters.Walmart.Inventory;

/// <summary>An OrderCore SKU and the SKU it is listed under on Walmart.</summary>
/// <param name="Sku">The merchant SKU in OrderCore.</param>
/// <param name="WalmartSku">The Walmart SKU (often the same code).</param>
public sealed record WalmartSkuMapping(Sku Sku, string WalmartSku);

/// <summary>A stock push written to the outbox, with the ATP computation behind each node's quantity.</summary>
/// <param name="WalmartSku">The Walmart SKU.</param>
/// <param name="Sku">The OrderCore SKU.</param>
/// <param name="Nodes">The quantity per ship node.</param>
/// <param name="Explanations">The ATP result per ship node, in <paramref name="Nodes"/> order (every term explained).</param>
/// <param name="Sequence">The store's sequence for this SKU: a higher one is newer.</param>
public sealed record WalmartStockPush(string WalmartSku, Sku Sku, IReadOnlyList<WalmartNodeQuantity> Nodes, IReadOnlyList<AtpResult> Explanations, long Sequence);

/// <summary>
/// Computes, per Walmart ship node, the ATP of SKUs for the Walmart channel and writes it to the outbox as stock pushes.
/// </summary>
/// <remarks>
/// For each ship node in <see cref="WalmartOptions.ShipNodes"/> the ATP draws on that node's OrderCore location in the
/// <see cref="WalmartOptions.AtpStatuses"/> (Sellable by default: FBA-bound, in-prep, held, damaged, quarantined and
/// return-pending units are never offered), less <see cref="WalmartOptions.SafetyStock"/> and
/// <see cref="WalmartOptions.ChannelBuffer"/> (<see cref="AtpCalculator"/>). WFS stock is Walmart's and is not pushed.
/// </remarks>
/// <threadsafety>Safe to use concurrently.</threadsafety>
public sealed class WalmartInventorySync
{
    private readonly IInventoryStore _inventory;
    private readonly WalmartOutbox _outbox;
    private readonly WalmartOptions _options;
    private readonly OwnerId _owner;

    /// <summary>Creates the service.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public WalmartInventorySync(IInventoryStore inventory, WalmartOutbox outbox, IOptions<WalmartOptions> options)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(options);
        _inventory = inventory;
        _outbox = outbox;
        _options = options.Value;
        _owner = OwnerId.From(_options.Owner);
    }

    /// <summary>Computes the per-node ATP of each SKU and enqueues one stock push per SKU.</summary>
    /// <exception cref="InvalidOperationException">No ship node is configured.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="skus"/> is null.</exception>
    public async Task<IReadOnlyList<WalmartStockPush>> EnqueueAtpAsync(IEnumerable<WalmartSkuMapping> skus, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(skus);
        if (_options.ShipNodes.Count == 0) throw new InvalidOperationException("WalmartOptions.ShipNodes is empty: map at least one Walmart ship node to an OrderCore location to push stock.");
        var nodes = _options.ShipNodes.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => (Node: n.Key, Location: LocationId.From(n.Value))).ToArray();
        var pushes = new List<WalmartStockPush>();
        foreach (var mapping in skus)
        {
            var balances = await _inventory.GetBalancesAsync(_owner, mapping.Sku, cancellationToken).ConfigureAwait(false);
            var quantities = new List<WalmartNodeQuantity>(nodes.Length);
            var explanations = new List<AtpResult>(nodes.Length);
            foreach (var (node, location) in nodes)
            {
                var policy = new ChannelAtpPolicy(WalmartChannel.Id, _options.AtpStatuses.Select(s => new LocationStatus(location, s)).ToArray(), _options.SafetyStock, _options.ChannelBuffer);
                var atp = AtpCalculator.Compute(_owner, mapping.Sku, policy, balances);
                quantities.Add(new WalmartNodeQuantity(node, atp.Atp));
                explanations.Add(atp);
            }
            var message = await _outbox.EnqueueStockAsync(mapping.WalmartSku, quantities, cancellationToken).ConfigureAwait(false);
            pushes.Add(new WalmartStockPush(mapping.WalmartSku.Trim(), mapping.Sku, quantities, explanations, message.Sequence));
        }
        return pushes;
    }
}
