using NodaTime;

namespace OrderCore.Cli.Replay;

/// <summary>
/// The clock OrderCore reads during a replay: set by the replay to the start of each replayed day (in the seller's time
/// zone), never the wall clock, so that the ledger and the events of a replay are the same every time it runs.
/// </summary>
internal sealed class ReplayClock(Instant start) : IClock
{
    private Instant _now = start;

    public Instant GetCurrentInstant() => _now;

    public void Set(Instant now) => _now = now;
}
