using OrderCore.Orders;

namespace OrderCore.Adapters.Shopify.Orders;

/// <summary>
/// Maps Shopify's free-text shipping lines (<c>shipping_lines[].code</c> / <c>title</c>) to OrderCore service levels:
/// first the explicit <see cref="ShopifyOptions.ServiceLevels"/> table (code, then title, case-insensitive), then
/// keywords, then <see cref="ShopifyOptions.DefaultServiceLevel"/>.
/// </summary>
/// <remarks>
/// Keywords, checked in this order on the lower-cased code and title: <c>same day</c>, <c>next day</c> / <c>next-day</c> /
/// <c>overnight</c> / <c>one day</c> / <c>1 day</c> → NextDay; <c>2 day</c> / <c>2-day</c> / <c>two day</c> /
/// <c>second day</c> → SecondDay; <c>priority</c> → Priority; <c>express</c> / <c>expedited</c> → Expedited;
/// <c>scheduled</c> → Scheduled. Shopify gives no enum here (domain facts §3.1, §7.1), so a shop with other wording
/// lists its codes in the table.
/// </remarks>
public static class ShopifyServiceLevels
{
    private static readonly (string Keyword, ServiceLevel Level)[] Keywords =
    [
        ("same day", ServiceLevel.NextDay), ("next day", ServiceLevel.NextDay), ("next-day", ServiceLevel.NextDay), ("overnight", ServiceLevel.NextDay),
        ("one day", ServiceLevel.NextDay), ("1 day", ServiceLevel.NextDay), ("1-day", ServiceLevel.NextDay),
        ("2 day", ServiceLevel.SecondDay), ("2-day", ServiceLevel.SecondDay), ("two day", ServiceLevel.SecondDay), ("second day", ServiceLevel.SecondDay),
        ("priority", ServiceLevel.Priority), ("express", ServiceLevel.Expedited), ("expedited", ServiceLevel.Expedited), ("scheduled", ServiceLevel.Scheduled),
    ];

    /// <summary>The service level of one shipping line.</summary>
    /// <param name="code">The line's <c>code</c>, or null.</param>
    /// <param name="title">The line's <c>title</c>, or null.</param>
    /// <param name="table">Explicit code/title → level entries (case-insensitive).</param>
    /// <param name="fallback">The level when nothing matches.</param>
    public static ServiceLevel Classify(string? code, string? title, IDictionary<string, ServiceLevel> table, ServiceLevel fallback)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var key in new[] { code?.Trim(), title?.Trim() })
        {
            if (string.IsNullOrEmpty(key)) continue;
            if (table.TryGetValue(key, out var explicitLevel)) return explicitLevel;
            foreach (var (k, v) in table)
            {
                if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) return v;
            }
        }
        var text = $"{code} {title}".ToLowerInvariant();
        foreach (var (keyword, level) in Keywords)
        {
            if (text.Contains(keyword, StringComparison.Ordinal)) return level;
        }
        return fallback;
    }
}
