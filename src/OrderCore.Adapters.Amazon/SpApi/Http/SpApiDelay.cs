using NodaTime;

namespace OrderCore.Adapters.Amazon.SpApi.Http;

/// <summary>The seam through which the client waits (rate limits, backoff, operation polling); tests replace it with a fake that advances a fake clock.</summary>
internal interface ISpApiDelay
{
    Task DelayAsync(Duration duration, CancellationToken cancellationToken);
}

/// <summary>Waits on the real timer.</summary>
internal sealed class TaskSpApiDelay : ISpApiDelay
{
    public static TaskSpApiDelay Instance { get; } = new();

    public Task DelayAsync(Duration duration, CancellationToken cancellationToken)
        => duration <= Duration.Zero ? Task.CompletedTask : Task.Delay(duration.ToTimeSpan(), cancellationToken);
}
