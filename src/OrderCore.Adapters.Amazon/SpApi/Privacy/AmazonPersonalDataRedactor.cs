using NodaTime;
using OrderCore.Orders;
using OrderCore.Ports;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>What a redaction run did.</summary>
/// <param name="Examined">Amazon orders of the account looked at.</param>
/// <param name="Redacted">Orders whose recipient name and street lines were removed.</param>
/// <param name="Skipped">Orders changed concurrently (left for the next run).</param>
public sealed record AmazonRedactionReport(int Examined, int Redacted, int Skipped);

/// <summary>
/// Keeps buyers' personal data only as long as fulfilment needs it (Amazon Data Protection Policy): removes the
/// recipient's name and street lines (<see cref="Order.RedactPersonalData"/>) from every closed Amazon order of the
/// account (Shipped, Delivered, Cancelled, Returned) placed more than <see cref="AmazonSpApiOptions.PersonalDataRetention"/>
/// ago. City, region, postal code and country stay for reporting. Amazon-fulfilled orders never store a name or street
/// in the first place. Run it daily, e.g. from a hosted service.
/// </summary>
/// <threadsafety>Safe to run while orders are imported: a concurrently changed order is skipped and redacted next time.</threadsafety>
public sealed class AmazonPersonalDataRedactor
{
    private readonly IOrderStore _orders;
    private readonly IClock _clock;
    private readonly AmazonOrderMappingOptions _account;
    private readonly Duration _retention;

    /// <summary>Creates the redactor.</summary>
    /// <param name="orders">The order store.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="account">Owner, channel and account whose orders are redacted.</param>
    /// <param name="retention">How long after purchase a closed order keeps personal data (1 to 365 days).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retention"/> is outside 1 to 365 days.</exception>
    public AmazonPersonalDataRedactor(IOrderStore orders, IClock clock, AmazonOrderMappingOptions account, Duration retention)
    {
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _account = account ?? throw new ArgumentNullException(nameof(account));
        if (retention < Duration.FromDays(1) || retention > Duration.FromDays(365)) throw new ArgumentOutOfRangeException(nameof(retention), retention, "Retention must be between 1 and 365 days.");
        _retention = retention;
    }

    /// <summary>Redacts every eligible order (see the class remarks).</summary>
    public async Task<AmazonRedactionReport> RedactAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = _clock.GetCurrentInstant() - _retention;
        int examined = 0, redacted = 0, skipped = 0;
        var due = new List<Order>();
        await foreach (var order in _orders.ListAsync(_account.Owner, cancellationToken).ConfigureAwait(false))
        {
            if (order.Channel != _account.Channel || order.Account != _account.Account) continue;
            examined++;
            if (order.Status is not (OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Cancelled or OrderStatus.Returned)) continue;
            if (order.PlacedAt > cutoff) continue;
            due.Add(order);
        }
        foreach (var order in due)
        {
            if (!order.RedactPersonalData()) continue;
            try
            {
                await _orders.SaveAsync(order, cancellationToken).ConfigureAwait(false);
                redacted++;
            }
            catch (ConcurrencyConflictException)
            {
                skipped++;
            }
        }
        return new AmazonRedactionReport(examined, redacted, skipped);
    }
}
