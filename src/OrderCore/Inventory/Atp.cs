namespace OrderCore.Inventory;

/// <summary>A (location, status) pair a channel may draw on.</summary>
/// <param name="Location">The location.</param>
/// <param name="Status">The inventory status at that location.</param>
public readonly record struct LocationStatus(LocationId Location, InventoryStatus Status);

/// <summary>How available-to-promise is computed for one channel.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Sources">The (location, status) pairs the channel may draw on. A DTC channel normally lists only <see cref="InventoryStatus.Sellable"/>.</param>
/// <param name="SafetyStock">Units held back from every channel, ≥ 0.</param>
/// <param name="ChannelBuffer">Further units held back from this channel, ≥ 0.</param>
/// <param name="AllocationShare">The share of what is left that this channel may promise, 0 to 1 (default 1). The result is floored.</param>
public sealed record ChannelAtpPolicy(ChannelId Channel, IReadOnlyList<LocationStatus> Sources, int SafetyStock = 0, int ChannelBuffer = 0, decimal AllocationShare = 1m)
{
    /// <summary>Throws when a number is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Safety stock or buffer is negative, or the share is outside 0..1.</exception>
    public void Validate()
    {
        if (SafetyStock < 0) throw new ArgumentOutOfRangeException(nameof(SafetyStock), SafetyStock, "Safety stock must not be negative.");
        if (ChannelBuffer < 0) throw new ArgumentOutOfRangeException(nameof(ChannelBuffer), ChannelBuffer, "Channel buffer must not be negative.");
        if (AllocationShare is < 0m or > 1m) throw new ArgumentOutOfRangeException(nameof(AllocationShare), AllocationShare, "Allocation share must be between 0 and 1.");
    }
}

/// <summary>One balance's contribution to an ATP figure.</summary>
/// <param name="Key">The balance.</param>
/// <param name="OnHand">On hand.</param>
/// <param name="Reserved">Reserved.</param>
/// <param name="Contribution">max(on hand − reserved, 0): a negative balance contributes 0 and never hides stock elsewhere.</param>
public sealed record AtpTerm(BalanceKey Key, int OnHand, int Reserved, int Contribution);

/// <summary>Available to promise for one SKU on one channel, with every term that produced it.</summary>
/// <param name="Owner">The owner.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Terms">The eligible balances and what each contributes.</param>
/// <param name="NegativeBalances">Eligible balances whose available is below zero, reported separately; they contribute 0.</param>
/// <param name="SumAvailable">Σ contributions.</param>
/// <param name="SafetyStock">Safety stock deducted.</param>
/// <param name="ChannelBuffer">Channel buffer deducted.</param>
/// <param name="AllocationShare">Share applied after the deductions.</param>
/// <param name="Atp">floor(max(SumAvailable − SafetyStock − ChannelBuffer, 0) × AllocationShare).</param>
public sealed record AtpResult(
    OwnerId Owner, Sku Sku, ChannelId Channel, IReadOnlyList<AtpTerm> Terms, IReadOnlyList<AtpTerm> NegativeBalances,
    int SumAvailable, int SafetyStock, int ChannelBuffer, decimal AllocationShare, int Atp)
{
    /// <summary>A one-line explanation, e.g. <c>ATP 7 = floor(max(12 − 3 safety − 2 buffer, 0) × 1)</c>.</summary>
    public string Explain()
        => $"ATP {Atp} = floor(max({SumAvailable} available over {Terms.Count} balance(s) − {SafetyStock} safety − {ChannelBuffer} buffer, 0) × {AllocationShare})"
           + (NegativeBalances.Count > 0 ? $"; {NegativeBalances.Count} negative balance(s) counted as 0" : "");
}

/// <summary>Computes ATP from balances. Pure.</summary>
public static class AtpCalculator
{
    /// <summary>ATP of one SKU under <paramref name="policy"/>, from the SKU's balances. Lots are summed. Balances of other owners or SKUs are ignored.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The policy is out of range.</exception>
    public static AtpResult Compute(OwnerId owner, Sku sku, ChannelAtpPolicy policy, IEnumerable<InventoryBalance> balances)
    {
        Guard.NotNull(policy).Validate();
        var sources = policy.Sources.ToHashSet();
        var terms = new List<AtpTerm>();
        var negatives = new List<AtpTerm>();
        var sum = 0;
        foreach (var b in balances)
        {
            if (b.Key.Owner != owner || b.Key.Sku != sku || !sources.Contains(new LocationStatus(b.Key.Location, b.Key.Status))) continue;
            var term = new AtpTerm(b.Key, b.OnHand, b.Reserved, b.UsableAvailable);
            terms.Add(term);
            if (b.Available < 0) negatives.Add(term);
            sum = checked(sum + term.Contribution);
        }
        var afterDeductions = Math.Max(sum - policy.SafetyStock - policy.ChannelBuffer, 0);
        var atp = (int)decimal.Floor(afterDeductions * policy.AllocationShare);
        return new AtpResult(owner, sku, policy.Channel, terms, negatives, sum, policy.SafetyStock, policy.ChannelBuffer, policy.AllocationShare, atp);
    }
}
