namespace OrderCore.Routing.Rules;

/// <summary>One problem in a rule set, named by its path in the JSON form (e.g. <c>rules[3].then.strategy</c>).</summary>
/// <param name="Path">Where: <c>locations[i].field</c>, <c>rules[i].when.field</c>, <c>rules[i].then.field</c>, <c>custom_statuses[i]</c>, or <c>(root)</c> / a top-level key.</param>
/// <param name="Message">What is wrong, naming the value.</param>
public sealed record RoutingRuleError(string Path, string Message)
{
    /// <summary>Formats as <c>path: message</c>.</summary>
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Thrown by <see cref="RoutingRuleSetBuilder.Build"/> and <see cref="Json.RoutingRulesJson"/> when a rule set is
/// invalid. It lists every problem found, not only the first.
/// </summary>
public sealed class RoutingRuleSetException : OrderCoreException
{
    /// <summary>Creates the exception.</summary>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public RoutingRuleSetException(IReadOnlyList<RoutingRuleError> errors, string? source = null)
        : base(Describe(errors, source))
    {
        Errors = errors;
        Source = source;
    }

    /// <summary>Every problem, in document order.</summary>
    public IReadOnlyList<RoutingRuleError> Errors { get; }

    /// <summary>Where the rule set came from (a file name), if known.</summary>
    public new string? Source { get; }

    private static string Describe(IReadOnlyList<RoutingRuleError> errors, string? source)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0) throw new ArgumentException("At least one error is required.", nameof(errors));
        var head = source is null ? "Invalid routing rule set" : $"Invalid routing rule set {source}";
        return errors.Count == 1 ? $"{head}: {errors[0]}" : $"{head} ({errors.Count} errors): {string.Join("; ", errors)}";
    }
}
