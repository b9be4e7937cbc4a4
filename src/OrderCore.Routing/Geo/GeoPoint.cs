namespace OrderCore.Routing.Geo;

/// <summary>A point on the Earth in WGS 84 degrees.</summary>
/// <remarks>Latitude is −90 to 90, longitude −180 to 180. Distances are great-circle (haversine) kilometres on a sphere of radius 6,371.0088 km.</remarks>
/// <threadsafety>Immutable value type; safe to share across threads.</threadsafety>
public readonly record struct GeoPoint
{
    /// <summary>The mean Earth radius used for distances, in kilometres.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Creates a point.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latitude"/> is outside −90..90 or <paramref name="longitude"/> outside −180..180, or either is NaN.</exception>
    public GeoPoint(double latitude, double longitude)
    {
        if (!(latitude is >= -90 and <= 90)) throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be between -90 and 90 degrees.");
        if (!(longitude is >= -180 and <= 180)) throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be between -180 and 180 degrees.");
        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Degrees north (negative: south), −90 to 90.</summary>
    public double Latitude { get; }

    /// <summary>Degrees east (negative: west), −180 to 180.</summary>
    public double Longitude { get; }

    /// <summary>The great-circle distance to <paramref name="other"/>, in kilometres (≥ 0).</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        const double rad = Math.PI / 180;
        var dLat = (other.Latitude - Latitude) * rad;
        var dLon = (other.Longitude - Longitude) * rad;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(Latitude * rad) * Math.Cos(other.Latitude * rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Formats as <c>lat,lon</c> with 4 decimals, invariant culture.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Latitude:F4},{Longitude:F4}");
}

/// <summary>How precisely an address was placed.</summary>
public enum GeoPrecision
{
    /// <summary>By postal code (a pluggable postal resolver).</summary>
    PostalCode,
    /// <summary>By the centroid of the first-level region (state, province, Land…).</summary>
    Region,
    /// <summary>By the centroid of the country.</summary>
    Country,
}

/// <summary>Where an address was placed and how precisely.</summary>
/// <param name="Point">The point.</param>
/// <param name="Precision">How it was found.</param>
public readonly record struct GeoResolution(GeoPoint Point, GeoPrecision Precision);

/// <summary>
/// Port: places an address on the map for the <c>nearest</c> strategy. Implementations are pure, deterministic and
/// thread-safe. <see cref="CentroidGeoResolver"/> is the default; plug a postal-code resolver into it for finer results.
/// </summary>
public interface IGeoResolver
{
    /// <summary>Places <paramref name="address"/>; false when it cannot (unknown country, no country).</summary>
    bool TryResolve(Address address, out GeoResolution resolution);
}
