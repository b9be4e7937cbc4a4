using NodaTime;
using OrderCore.FbaPrep.Internal;

namespace OrderCore.FbaPrep;

/// <summary>How serious a violation is.</summary>
public enum ViolationSeverity
{
    /// <summary>The shipment must not leave until it is fixed.</summary>
    Error,
    /// <summary>Information is missing or a rule cannot be verified; review it.</summary>
    Warning,
}

/// <summary>One broken rule: which SKU or carton, which rule, the measured value, the limit, and where the rule comes from.</summary>
/// <param name="RuleId">The rule, one of <see cref="FbaRuleIds"/>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Sku">The SKU concerned, if any.</param>
/// <param name="CartonId">The carton concerned, if any.</param>
/// <param name="Measured">What was found, with its unit, e.g. <c>52 lb</c>.</param>
/// <param name="Limit">What the rule allows, e.g. <c>50 lb</c>.</param>
/// <param name="Source">Where the rule comes from.</param>
/// <param name="Message">One sentence explaining the violation and how to fix it.</param>
public sealed record PrepViolation(string RuleId, ViolationSeverity Severity, Sku? Sku, string? CartonId, string Measured, string Limit, RuleSource Source, string Message)
{
    /// <summary>Formats as <c>ERROR CARTON-WEIGHT C003: 52 lb (limit 50 lb) — … [SC-SHIPROUTE]</c>.</summary>
    public override string ToString()
        => $"{(Severity == ViolationSeverity.Error ? "ERROR" : "WARN")} {RuleId}{(Sku is { } s ? " " + s : "")}{(CartonId is null ? "" : " " + CartonId)}: {Measured} (limit {Limit}) - {Message} [{Source.Key}]";
}

/// <summary>
/// The result of checking SKUs, lots and cartons against a marketplace's <see cref="FbaPrepRequirements"/>: every
/// violation, never an exception. The shipment may leave only when <see cref="IsCompliant"/>.
/// </summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class PrepComplianceReport
{
    /// <summary>Creates a report.</summary>
    public PrepComplianceReport(string marketplace, LocalDate shipmentDate, LocalDate expectedReceiptDate, int skusChecked, int cartonsChecked, IReadOnlyList<PrepViolation> violations)
    {
        Marketplace = Check.NotBlank(marketplace);
        ShipmentDate = shipmentDate;
        ExpectedReceiptDate = expectedReceiptDate;
        SkusChecked = skusChecked;
        CartonsChecked = cartonsChecked;
        Violations = Check.NotNull(violations)
            .OrderBy(v => v.Severity)
            .ThenBy(v => v.Sku?.Value ?? "", StringComparer.Ordinal)
            .ThenBy(v => v.CartonId ?? "", StringComparer.Ordinal)
            .ThenBy(v => v.RuleId, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The marketplace code the rules are for.</summary>
    public string Marketplace { get; }

    /// <summary>The date the shipment is created (dated rules such as the US owner rules use it).</summary>
    public LocalDate ShipmentDate { get; }

    /// <summary>The date the units are expected at the fulfilment centre (shelf life is measured from it).</summary>
    public LocalDate ExpectedReceiptDate { get; }

    /// <summary>How many SKUs were checked.</summary>
    public int SkusChecked { get; }

    /// <summary>How many cartons were checked.</summary>
    public int CartonsChecked { get; }

    /// <summary>Every violation: errors first, then by SKU, carton and rule.</summary>
    public IReadOnlyList<PrepViolation> Violations { get; }

    /// <summary>The errors.</summary>
    public IReadOnlyList<PrepViolation> Errors => Violations.Where(v => v.Severity == ViolationSeverity.Error).ToArray();

    /// <summary>The warnings.</summary>
    public IReadOnlyList<PrepViolation> Warnings => Violations.Where(v => v.Severity == ViolationSeverity.Warning).ToArray();

    /// <summary>True when there is no error (warnings allowed).</summary>
    public bool IsCompliant => Violations.All(v => v.Severity != ViolationSeverity.Error);

    /// <summary>The violations of one SKU.</summary>
    public IReadOnlyList<PrepViolation> For(Sku sku) => Violations.Where(v => v.Sku == sku).ToArray();

    /// <summary>The violations of one rule.</summary>
    public IReadOnlyList<PrepViolation> ForRule(string ruleId) => Violations.Where(v => v.RuleId == ruleId).ToArray();
}

/// <summary>What to check: the lines to send, the cartons (if planned), and the dates.</summary>
/// <param name="Lines">The SKUs, lots and quantities.</param>
/// <param name="Cartons">The cartons, if planned; empty to check SKUs and lots only.</param>
/// <param name="ShipmentDate">The date the shipment (inbound plan) is created.</param>
/// <param name="ExpectedReceiptDate">The date the units are expected at the fulfilment centre; default <paramref name="ShipmentDate"/>.</param>
public sealed record PrepComplianceInput(IReadOnlyList<ReplenishmentLine> Lines, IReadOnlyList<PlannedCarton> Cartons, LocalDate ShipmentDate, LocalDate? ExpectedReceiptDate = null)
{
    /// <summary>The receipt date shelf life is measured from.</summary>
    public LocalDate ReceiptDate => ExpectedReceiptDate ?? ShipmentDate;
}
