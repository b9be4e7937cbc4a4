using Microsoft.Extensions.Options;
using NodaTime;
using OrderCore.Adapters.Walmart.Outbox;

namespace OrderCore.Adapters.Walmart.Inventory;

/// <summary>
/// Polls the status of submitted bulk feeds on Walmart's suggested schedule (<see cref="WalmartOptions.FeedPollIntervals"/>:
/// 15 minutes, 1 hour, 2 hours, then every 4 hours) until each is processed or in error. Driven by <see cref="IClock"/>:
/// a host calls <see cref="PollDueAsync"/> from its own timer; nothing sleeps.
/// </summary>
/// <threadsafety>Safe to use concurrently.</threadsafety>
public sealed class WalmartFeedMonitor
{
    private readonly IClock _clock;
    private readonly WalmartOptions _options;

    /// <summary>Creates the monitor.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public WalmartFeedMonitor(IClock clock, IOptions<WalmartOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _options = options.Value;
    }

    internal WalmartDispatchState State { get; } = new();

    /// <summary>The feeds being tracked, ordered by submission.</summary>
    public IReadOnlyList<WalmartTrackedFeed> Feeds => State.Feeds.Values.OrderBy(f => f.SubmittedAt).ThenBy(f => f.FeedId, StringComparer.Ordinal).ToArray();

    /// <summary>Starts tracking a feed submitted at <paramref name="submittedAt"/> (default now).</summary>
    /// <exception cref="ArgumentException">The feed id is blank.</exception>
    public void Track(string feedId, Instant? submittedAt = null)
    {
        if (string.IsNullOrWhiteSpace(feedId)) throw new ArgumentException("A feed id is required.", nameof(feedId));
        var at = submittedAt ?? _clock.GetCurrentInstant();
        State.Feeds.TryAdd(feedId.Trim(), new WalmartTrackedFeed(feedId.Trim(), at, at + _options.FeedPollIntervals[0], 0, null));
    }

    /// <summary>The wait before poll number <paramref name="polls"/> + 1 (the last interval repeats).</summary>
    public Duration IntervalAfter(int polls) => _options.FeedPollIntervals[Math.Min(Math.Max(polls, 0), _options.FeedPollIntervals.Count - 1)];

    /// <summary>
    /// Polls every tracked feed whose next poll is due; a feed that reached a final state (processed or error) is returned
    /// and no longer tracked. A throttled or failed poll keeps the feed and tries again at the next interval.
    /// </summary>
    /// <returns>The statuses read in this call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public async Task<IReadOnlyList<WalmartFeedStatus>> PollDueAsync(WalmartApiClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = _clock.GetCurrentInstant();
        var read = new List<WalmartFeedStatus>();
        foreach (var feed in State.Feeds.Values.Where(f => f.NextPollAt <= now).OrderBy(f => f.NextPollAt).ToArray())
        {
            WalmartFeedStatus? status = null;
            try
            {
                status = await client.GetFeedStatusAsync(feed.FeedId, cancellationToken).ConfigureAwait(false);
                read.Add(status);
            }
            catch (WalmartApiException)
            {
                // Keep the feed; the next interval retries.
            }
            if (status is { IsFinal: true }) State.Feeds.TryRemove(feed.FeedId, out _);
            else State.Feeds[feed.FeedId] = feed with { Polls = feed.Polls + 1, NextPollAt = now + IntervalAfter(feed.Polls + 1), LastStatus = status ?? feed.LastStatus };
        }
        return read;
    }
}
