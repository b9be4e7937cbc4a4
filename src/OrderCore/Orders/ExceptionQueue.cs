using NodaTime;
using OrderCore.Ports;

namespace OrderCore.Orders;

/// <summary>The exception queue: lists, resolves and re-drives orders that could not proceed.</summary>
/// <threadsafety>Safe to use concurrently.</threadsafety>
public sealed class ExceptionQueue
{
    private readonly IOrderStore _orders;
    private readonly OrderIntake _intake;
    private readonly OrderFulfilment _fulfilment;
    private readonly IClock _clock;

    /// <summary>Creates the queue service.</summary>
    public ExceptionQueue(IOrderStore orders, OrderIntake intake, OrderFulfilment fulfilment, IClock clock)
    {
        _orders = Guard.NotNull(orders);
        _intake = Guard.NotNull(intake);
        _fulfilment = Guard.NotNull(fulfilment);
        _clock = Guard.NotNull(clock);
    }

    /// <summary>Open entries, optionally of one order, ordered by id.</summary>
    public Task<IReadOnlyList<OrderExceptionEntry>> ListOpenAsync(OrderId? orderId = null, CancellationToken cancellationToken = default)
        => _orders.GetExceptionsAsync(orderId, true, cancellationToken);

    /// <summary>Open entries grouped by reason: the number of distinct orders with at least one open entry of each reason.</summary>
    public async Task<IReadOnlyDictionary<OrderExceptionReason, int>> CountOpenOrdersByReasonAsync(CancellationToken cancellationToken = default)
        => (await _orders.GetExceptionsAsync(null, true, cancellationToken).ConfigureAwait(false))
            .GroupBy(e => e.Reason)
            .ToDictionary(g => g.Key, g => g.Select(e => e.OrderId).Distinct().Count());

    /// <summary>Resolves one entry with an operator's note.</summary>
    /// <exception cref="NotFoundException">No entry has that id.</exception>
    public async Task<OrderExceptionEntry> ResolveAsync(long exceptionId, string resolution, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(resolution);
        var all = await _orders.GetExceptionsAsync(null, false, cancellationToken).ConfigureAwait(false);
        var entry = all.FirstOrDefault(e => e.Id == exceptionId) ?? throw new NotFoundException(nameof(OrderExceptionEntry), exceptionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await _fulfilment.ResolveAsync(entry, resolution, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        return (await _orders.GetExceptionsAsync(entry.OrderId, false, cancellationToken).ConfigureAwait(false)).First(e => e.Id == exceptionId);
    }

    /// <summary>
    /// Re-drives an order after its cause was fixed (a listing added, stock received, the address corrected):
    /// validates it again and, when valid, allocates it. Returns the allocation result (with no decision when validation
    /// still fails or the order is not eligible).
    /// </summary>
    public async Task<AllocationResult> RedriveAsync(OrderId orderId, CancellationToken cancellationToken = default)
    {
        var validation = await _intake.ValidateAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            var order = await _orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException(nameof(Order), orderId.ToString());
            return new AllocationResult(order, null, validation.Exceptions[0]);
        }
        return await _fulfilment.AllocateAsync(orderId, cancellationToken).ConfigureAwait(false);
    }
}
