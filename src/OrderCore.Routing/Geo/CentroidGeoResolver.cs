using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace OrderCore.Routing.Geo;

/// <summary>
/// The default <see cref="IGeoResolver"/>: places an address at the centroid of its first-level region (state, province,
/// Land, région, UK nation, Indian state or union territory, Australian state or territory), else of its country. It knows
/// US, CA, GB, DE, FR, IN and AU. A pluggable postal-code resolver, when given, is asked first.
/// </summary>
/// <remarks>
/// <para>Regions match by ISO 3166-2 subdivision code with or without the country prefix (<c>CA</c>, <c>US-CA</c>) or by
/// name, case-insensitively, ignoring accents' absence, spaces, punctuation and <c>&amp;</c> vs <c>and</c>
/// (<c>ANDAMAN &amp; NICOBAR</c>, <c>Tamil Nadu</c>, <c>Nordrhein-Westfalen</c>). Countries match by their ISO 3166-1 alpha-2 code.</para>
/// <para>Centroids are rounded to about 0.1°: good enough to rank warehouses by distance, not to quote transit times.</para>
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class CentroidGeoResolver : IGeoResolver
{
    private static readonly (FrozenDictionary<string, GeoPoint> Countries, FrozenDictionary<string, GeoPoint> Regions) Data = Load();

    private readonly IGeoResolver? _postalCodes;

    /// <summary>Creates the resolver.</summary>
    /// <param name="postalCodeResolver">Asked first for an address with a postal code; its answer wins when it has one. Null for none.</param>
    public CentroidGeoResolver(IGeoResolver? postalCodeResolver = null) => _postalCodes = postalCodeResolver;

    /// <summary>The resolver with no postal-code resolver.</summary>
    public static CentroidGeoResolver Default { get; } = new();

    /// <summary>The ISO 3166-1 alpha-2 codes of the countries it knows, sorted.</summary>
    public static IReadOnlyList<string> Countries { get; } = Data.Countries.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public bool TryResolve(Address address, out GeoResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_postalCodes is not null && address.PostalCode is not null && _postalCodes.TryResolve(address, out resolution)) return true;
        resolution = default;
        if (address.CountryCode is not { } country) return false;
        if (address.Region is { } region && TryGetRegion(country, region, out var point))
        {
            resolution = new GeoResolution(point, GeoPrecision.Region);
            return true;
        }
        if (Data.Countries.TryGetValue(country, out point))
        {
            resolution = new GeoResolution(point, GeoPrecision.Country);
            return true;
        }
        return false;
    }

    /// <summary>The centroid of a first-level region, by code (<c>MH</c>, <c>IN-MH</c>) or name (<c>Maharashtra</c>).</summary>
    /// <returns>False when the country or the region is unknown.</returns>
    public static bool TryGetRegion(string countryCode, string region, out GeoPoint point)
    {
        ArgumentNullException.ThrowIfNull(countryCode);
        ArgumentNullException.ThrowIfNull(region);
        var country = countryCode.Trim().ToUpperInvariant();
        var r = region.Trim();
        if (r.Length > 3 && r[2] == '-' && r.StartsWith(country, StringComparison.OrdinalIgnoreCase)) r = r[3..];
        return Data.Regions.TryGetValue(country + "|" + Normalize(r), out point);
    }

    /// <summary>Upper-case letters and digits only, accents removed, <c>&amp;</c> read as AND.</summary>
    internal static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c == '&') sb.Append("AND");
            else if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    private static (FrozenDictionary<string, GeoPoint>, FrozenDictionary<string, GeoPoint>) Load()
    {
        var countries = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        var regions = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        foreach (var row in CentroidData.Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = row.Split('|');
            var point = new GeoPoint(double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture));
            if (f[1] == "*")
            {
                countries[f[0]] = point;
                continue;
            }
            regions[f[0] + "|" + f[1]] = point;
            foreach (var name in f[2].Split(';')) regions.TryAdd(f[0] + "|" + Normalize(name), point);
        }
        return (countries.ToFrozenDictionary(StringComparer.Ordinal), regions.ToFrozenDictionary(StringComparer.Ordinal));
    }
}

/// <summary>
/// A postal-code <see cref="IGeoResolver"/> from a table of (country, postal-code prefix, point): the longest prefix of the
/// address's normalised postal code wins. Plug it into <see cref="CentroidGeoResolver"/> as its postal-code resolver.
/// </summary>
/// <example><c>new CentroidGeoResolver(new PostalPrefixGeoResolver([("IN", "400", new GeoPoint(19.08, 72.88))]))</c></example>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class PostalPrefixGeoResolver : IGeoResolver
{
    private readonly FrozenDictionary<string, GeoPoint> _prefixes;
    private readonly int _longest;

    /// <summary>Creates the resolver.</summary>
    /// <exception cref="ArgumentException">A row has a blank country or prefix, or the same (country, prefix) appears twice.</exception>
    public PostalPrefixGeoResolver(IEnumerable<(string Country, string Prefix, GeoPoint Point)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var map = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        foreach (var (country, prefix, point) in rows)
        {
            if (string.IsNullOrWhiteSpace(country) || string.IsNullOrWhiteSpace(prefix)) throw new ArgumentException("Every row needs a country and a prefix.", nameof(rows));
            var p = Address.NormalizePostalCode(prefix)!;
            if (!map.TryAdd(country.Trim().ToUpperInvariant() + "|" + p, point)) throw new ArgumentException($"Prefix {country}/{prefix} is listed twice.", nameof(rows));
            _longest = Math.Max(_longest, p.Length);
        }
        _prefixes = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public bool TryResolve(Address address, out GeoResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(address);
        resolution = default;
        if (address.CountryCode is not { } country || address.PostalCode is not { } postal) return false;
        for (var n = Math.Min(_longest, postal.Length); n > 0; n--)
        {
            if (_prefixes.TryGetValue(country + "|" + postal[..n], out var point))
            {
                resolution = new GeoResolution(point, GeoPrecision.PostalCode);
                return true;
            }
        }
        return false;
    }
}
