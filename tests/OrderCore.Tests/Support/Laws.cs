namespace OrderCore.Tests.Support;

/// <summary>Shared laws for value types: equality, hashing and ordering agree with each other.</summary>
internal static class Laws
{
    /// <summary>Equality is reflexive and symmetric, <c>==</c>/<c>!=</c> agree with <c>Equals</c>, equal values hash alike.</summary>
    public static bool Equality<T>(T a, T b) where T : struct, IEquatable<T>
    {
        var eq = a.Equals(b);
        return a.Equals(a)
               && eq == b.Equals(a)
               && eq == Equals(a, b)
               && (!eq || a.GetHashCode() == b.GetHashCode());
    }

    /// <summary>Ordering is antisymmetric and consistent with equality.</summary>
    public static bool Ordering<T>(T a, T b) where T : struct, IEquatable<T>, IComparable<T>
        => Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a))
           && (a.CompareTo(b) == 0) == a.Equals(b)
           && a.CompareTo(a) == 0;
}
