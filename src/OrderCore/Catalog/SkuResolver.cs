using Microsoft.Extensions.Options;
using OrderCore.Ports;

namespace OrderCore.Catalog;

/// <summary>How a channel line's identifiers resolved to a SKU.</summary>
public enum SkuResolutionKind
{
    /// <summary>Exactly one SKU.</summary>
    Resolved,
    /// <summary>No SKU.</summary>
    None,
    /// <summary>Several SKUs (alternate key only).</summary>
    Several,
}

/// <summary>The result of resolving a channel line to a SKU.</summary>
/// <param name="Kind">Resolved, none or several.</param>
/// <param name="Sku">The SKU when resolved.</param>
/// <param name="Candidates">The matching SKUs when several.</param>
/// <param name="Field">The field that decided: <c>sku</c> or <c>style+size</c>.</param>
/// <param name="PackMultiplier">Base units per channel unit (from the listing), 1 otherwise.</param>
public sealed record SkuResolution(SkuResolutionKind Kind, Sku? Sku, IReadOnlyList<Sku> Candidates, string Field, int PackMultiplier = 1);

/// <summary>
/// Resolves channel lines to SKUs: first the channel listing of the external SKU; then, when
/// <see cref="OrderCoreOptions.MapUnlistedSkusByCode"/> is on, the product whose SKU equals the external SKU
/// (ordinal, trimmed); and when the line has no external SKU, the alternate key (style, size), which must match exactly
/// one product.
/// </summary>
public sealed class SkuResolver
{
    private readonly ICatalogStore _catalog;
    private readonly bool _byCode;

    /// <summary>Creates the resolver.</summary>
    public SkuResolver(ICatalogStore catalog, IOptions<OrderCoreOptions> options)
    {
        _catalog = Guard.NotNull(catalog);
        _byCode = Guard.NotNull(options).Value.MapUnlistedSkusByCode;
    }

    /// <summary>Resolves one line.</summary>
    public async Task<SkuResolution> ResolveAsync(OwnerId owner, ChannelId channel, ChannelAccountId account, string? externalSku, string? style, string? size, CancellationToken cancellationToken = default)
    {
        var ext = externalSku?.Trim();
        if (!string.IsNullOrEmpty(ext))
        {
            var listing = await _catalog.FindListingAsync(owner, channel, account, ext, cancellationToken).ConfigureAwait(false);
            if (listing is not null) return new SkuResolution(SkuResolutionKind.Resolved, listing.Sku, [listing.Sku], "sku", listing.PackMultiplier);
            if (_byCode && Sku.TryFrom(ext, out var sku) && await _catalog.GetProductAsync(owner, sku, cancellationToken).ConfigureAwait(false) is not null)
            {
                return new SkuResolution(SkuResolutionKind.Resolved, sku, [sku], "sku");
            }
            return new SkuResolution(SkuResolutionKind.None, null, [], "sku");
        }
        return await ResolveAlternateKeyAsync(owner, style, size, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resolves (style, size) to exactly one product, or reports none or several.</summary>
    public async Task<SkuResolution> ResolveAlternateKeyAsync(OwnerId owner, string? style, string? size, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(style) || string.IsNullOrWhiteSpace(size)) return new SkuResolution(SkuResolutionKind.None, null, [], "style+size");
        var matches = await _catalog.FindByAlternateKeyAsync(owner, style, size, cancellationToken).ConfigureAwait(false);
        return matches.Count switch
        {
            0 => new SkuResolution(SkuResolutionKind.None, null, [], "style+size"),
            1 => new SkuResolution(SkuResolutionKind.Resolved, matches[0].Sku, [matches[0].Sku], "style+size"),
            _ => new SkuResolution(SkuResolutionKind.Several, null, matches.Select(p => p.Sku).ToArray(), "style+size"),
        };
    }
}
