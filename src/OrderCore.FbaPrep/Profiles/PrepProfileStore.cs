using System.Collections.Concurrent;
using OrderCore.FbaPrep.Internal;
using OrderCore.Ports;

namespace OrderCore.FbaPrep;

/// <summary>Storage port for prep profiles, keyed by (owner, SKU) like the products they extend.</summary>
/// <remarks>All members are safe to call concurrently.</remarks>
public interface IPrepProfileStore
{
    /// <summary>Creates or replaces the profile of (owner, SKU).</summary>
    Task UpsertAsync(PrepProfile profile, CancellationToken cancellationToken = default);

    /// <summary>The profile of one SKU, or null.</summary>
    Task<PrepProfile?> GetAsync(OwnerId owner, Sku sku, CancellationToken cancellationToken = default);

    /// <summary>Every profile of an owner, ordered by SKU.</summary>
    Task<IReadOnlyList<PrepProfile>> GetAllAsync(OwnerId owner, CancellationToken cancellationToken = default);
}

/// <summary>An in-memory <see cref="IPrepProfileStore"/>.</summary>
/// <threadsafety>Safe to use concurrently.</threadsafety>
public sealed class InMemoryPrepProfileStore : IPrepProfileStore
{
    private readonly ConcurrentDictionary<(OwnerId, Sku), PrepProfile> _profiles = new();

    /// <inheritdoc />
    public Task UpsertAsync(PrepProfile profile, CancellationToken cancellationToken = default)
    {
        Check.NotNull(profile);
        Check.Owner(profile.Owner);
        Check.Sku(profile.Sku);
        _profiles[(profile.Owner, profile.Sku)] = profile;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PrepProfile?> GetAsync(OwnerId owner, Sku sku, CancellationToken cancellationToken = default)
        => Task.FromResult(_profiles.TryGetValue((owner, sku), out var p) ? p : null);

    /// <inheritdoc />
    public Task<IReadOnlyList<PrepProfile>> GetAllAsync(OwnerId owner, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<PrepProfile>>(_profiles.Values.Where(p => p.Owner == owner).OrderBy(p => p.Sku).ToArray());
}

/// <summary>Reads <see cref="FbaSku"/>s: the product from the core's <see cref="ICatalogStore"/> with its prep profile.</summary>
/// <threadsafety>Safe to use concurrently.</threadsafety>
public sealed class FbaSkuCatalog
{
    private readonly ICatalogStore _catalog;
    private readonly IPrepProfileStore _profiles;

    /// <summary>Creates the catalog over the two stores.</summary>
    public FbaSkuCatalog(ICatalogStore catalog, IPrepProfileStore profiles)
    {
        _catalog = Check.NotNull(catalog);
        _profiles = Check.NotNull(profiles);
    }

    /// <summary>The SKU with its profile; null when the product or the profile is missing (see <see cref="DescribeMissingAsync"/>).</summary>
    public async Task<FbaSku?> GetAsync(OwnerId owner, Sku sku, CancellationToken cancellationToken = default)
    {
        var product = await _catalog.GetProductAsync(owner, sku, cancellationToken).ConfigureAwait(false);
        if (product is null) return null;
        var profile = await _profiles.GetAsync(owner, sku, cancellationToken).ConfigureAwait(false);
        return profile is null ? null : new FbaSku(product, profile);
    }

    /// <summary>Why <see cref="GetAsync"/> returns null for a SKU, or null when it does not.</summary>
    public async Task<string?> DescribeMissingAsync(OwnerId owner, Sku sku, CancellationToken cancellationToken = default)
    {
        if (await _catalog.GetProductAsync(owner, sku, cancellationToken).ConfigureAwait(false) is null) return $"SKU {sku} is not in the SKU master of {owner}";
        if (await _profiles.GetAsync(owner, sku, cancellationToken).ConfigureAwait(false) is null) return $"SKU {sku} has no prep profile";
        return null;
    }
}
