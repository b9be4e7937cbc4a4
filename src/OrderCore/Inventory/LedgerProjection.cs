namespace OrderCore.Inventory;

/// <summary>Rebuilds balances from ledger entries: the projection that DESIGN invariant 3 says always equals the stored balances.</summary>
public static class LedgerProjection
{
    /// <summary>Sums the deltas of <paramref name="entries"/> per balance.</summary>
    /// <returns>(on hand, reserved) per balance key that any entry touched.</returns>
    public static IReadOnlyDictionary<BalanceKey, (int OnHand, int Reserved)> Replay(IEnumerable<LedgerEntry> entries)
    {
        var result = new Dictionary<BalanceKey, (int OnHand, int Reserved)>();
        foreach (var e in entries)
        {
            foreach (var d in e.Deltas)
            {
                var s = result.GetValueOrDefault(d.Key);
                result[d.Key] = (checked(s.OnHand + d.OnHand), checked(s.Reserved + d.Reserved));
            }
        }
        return result;
    }

    /// <summary>
    /// Compares a replay of the ledger with the stored balances. Returns the differences: empty when every stored
    /// balance equals its replay and every replayed balance is stored.
    /// </summary>
    public static IReadOnlyList<LedgerMismatch> Compare(
        IReadOnlyDictionary<BalanceKey, (int OnHand, int Reserved)> replayed,
        IEnumerable<InventoryBalance> stored)
    {
        var mismatches = new List<LedgerMismatch>();
        var seen = new HashSet<BalanceKey>();
        foreach (var b in stored)
        {
            seen.Add(b.Key);
            var r = replayed.GetValueOrDefault(b.Key);
            if (r.OnHand != b.OnHand || r.Reserved != b.Reserved)
            {
                mismatches.Add(new LedgerMismatch(b.Key, b.OnHand, b.Reserved, r.OnHand, r.Reserved));
            }
        }
        foreach (var (key, r) in replayed)
        {
            if (!seen.Contains(key) && (r.OnHand != 0 || r.Reserved != 0))
            {
                mismatches.Add(new LedgerMismatch(key, 0, 0, r.OnHand, r.Reserved));
            }
        }
        return mismatches;
    }
}

/// <summary>A balance whose stored quantities differ from the replay of the ledger.</summary>
/// <param name="Key">The balance.</param>
/// <param name="StoredOnHand">On hand in the store.</param>
/// <param name="StoredReserved">Reserved in the store.</param>
/// <param name="ReplayedOnHand">On hand from the ledger.</param>
/// <param name="ReplayedReserved">Reserved from the ledger.</param>
public sealed record LedgerMismatch(BalanceKey Key, int StoredOnHand, int StoredReserved, int ReplayedOnHand, int ReplayedReserved);
