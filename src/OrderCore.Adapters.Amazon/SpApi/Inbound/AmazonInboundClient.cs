using System.Net;
using System.Text.Json;
using NodaTime;
using OrderCore.Adapters.Amazon.SpApi.Http;
using OrderCore.Adapters.Amazon.SpApi.Json;

namespace OrderCore.Adapters.Amazon.SpApi;

/// <summary>An asynchronous inbound operation Amazon accepted: poll it with <see cref="AmazonInboundClient.WaitForOperationAsync"/>.</summary>
/// <param name="OperationId">The operation id.</param>
/// <param name="InboundPlanId">The inbound plan id, for <c>createInboundPlan</c>.</param>
public sealed record AmazonInboundOperation(string OperationId, string? InboundPlanId = null);

/// <summary>A problem <c>getInboundOperationStatus</c> reported.</summary>
/// <param name="Code">The code, e.g. <c>DimensionMismatch</c>.</param>
/// <param name="Message">The message.</param>
/// <param name="Severity"><c>ERROR</c>, <c>WARNING</c> or <c>INFO</c>.</param>
/// <param name="Details">Details, if any.</param>
public sealed record AmazonOperationProblem(string Code, string Message, string Severity, string? Details);

/// <summary>The final state of an inbound operation.</summary>
/// <param name="OperationId">The operation id.</param>
/// <param name="Operation">The operation name Amazon reports.</param>
/// <param name="Status"><c>SUCCESS</c> (a <c>FAILED</c> operation throws <see cref="AmazonInboundOperationFailedException"/>).</param>
/// <param name="Problems">Problems reported (warnings on success).</param>
public sealed record AmazonOperationStatus(string OperationId, string? Operation, string Status, IReadOnlyList<AmazonOperationProblem> Problems);

/// <summary>An option Amazon offered (packing, placement or transportation), with its raw JSON for the fields OrderCore does not model.</summary>
/// <param name="Id">The option id (<c>packingOptionId</c>, <c>placementOptionId</c>, <c>transportationOptionId</c>).</param>
/// <param name="Status">The option status (<c>OFFERED</c>, <c>ACCEPTED</c>, <c>EXPIRED</c>), when given.</param>
/// <param name="Ids">The packing group ids (packing option), shipment ids (placement option) or the shipment id (transportation option).</param>
/// <param name="ShippingMode">The shipping mode of a transportation option.</param>
/// <param name="ShippingSolution">The shipping solution of a transportation option.</param>
/// <param name="Preconditions">Preconditions of a transportation option (e.g. <c>CONFIRMED_DELIVERY_WINDOW</c>).</param>
public sealed record AmazonInboundOption(string Id, string? Status, IReadOnlyList<string> Ids, string? ShippingMode = null, string? ShippingSolution = null, IReadOnlyList<string>? Preconditions = null);

/// <summary>Options of one page of a list call, with the next token and the raw body.</summary>
/// <param name="Options">The options.</param>
/// <param name="NextToken">The next page's token, or null.</param>
/// <param name="RawJson">The response body, for fields OrderCore does not model (fees, quotes, windows).</param>
public sealed record AmazonInboundOptionsPage(IReadOnlyList<AmazonInboundOption> Options, string? NextToken, string RawJson);

/// <summary>Thrown before any call when a body would make Amazon prep or label units where it no longer may: <c>AMAZON</c> as <c>prepOwner</c> or <c>labelOwner</c> for the US marketplace (not accepted there since the 2026-01-01 end of US prep and labeling services; [M-FI24] 2026-02-20, domain-facts §0).</summary>
public sealed class AmazonInboundOwnerRuleException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="violations">Each offending field, e.g. <c>items[0].prepOwner = AMAZON (msku ABC)</c>.</param>
    public AmazonInboundOwnerRuleException(IReadOnlyList<string> violations)
        : base("prepOwner/labelOwner AMAZON is not accepted in the US marketplace (ATVPDKIKX0DER); set SELLER: " + string.Join("; ", violations))
    {
        Violations = violations;
    }

    /// <summary>The offending fields.</summary>
    public IReadOnlyList<string> Violations { get; }
}

/// <summary>Thrown when an inbound operation ends <c>FAILED</c>.</summary>
public sealed class AmazonInboundOperationFailedException : AmazonSpApiException
{
    /// <summary>Creates the exception.</summary>
    public AmazonInboundOperationFailedException(string operationId, string? operation, IReadOnlyList<AmazonOperationProblem> problems)
        : base("getInboundOperationStatus", HttpStatusCode.OK, null, problems.Select(p => new AmazonApiError(p.Code, p.Message, p.Details)).ToArray(),
            $"Inbound operation {operationId} ({operation ?? "?"}) FAILED: {string.Join("; ", problems.Select(p => $"{p.Severity} {p.Code}: {p.Message}"))}")
    {
        OperationId = operationId;
        Problems = problems;
    }

    /// <summary>The operation id.</summary>
    public string OperationId { get; }

    /// <summary>The problems Amazon reported.</summary>
    public IReadOnlyList<AmazonOperationProblem> Problems { get; }
}

/// <summary>Thrown when an inbound operation is still <c>IN_PROGRESS</c> after <see cref="AmazonSpApiOptions.InboundOperationTimeout"/>.</summary>
public sealed class AmazonInboundOperationTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public AmazonInboundOperationTimeoutException(string operationId, Duration waited)
        : base($"Inbound operation {operationId} was still IN_PROGRESS after {waited}; poll it again later with getInboundOperationStatus.")
    {
        OperationId = operationId;
        Waited = waited;
    }

    /// <summary>The operation id.</summary>
    public string OperationId { get; }

    /// <summary>How long OrderCore polled.</summary>
    public Duration Waited { get; }
}

/// <summary>
/// Fulfillment Inbound v2024-03-20: the calls of the inbound workflow (domain-facts §2.5): createInboundPlan → packing
/// options (generate, list, list group items, confirm) → setPackingInformation → placement options (generate, list,
/// confirm) → getShipment → transportation options (generate, list, delivery windows, confirm) → labels (v0
/// <c>getLabels</c>). Bodies are JSON text, such as the <c>createInboundPlan</c> and <c>setPackingInformation</c> bodies
/// OrderCore.FbaPrep produces; this adapter does not reference that package. Mutating calls return an
/// <see cref="AmazonInboundOperation"/>; <see cref="WaitForOperationAsync"/> polls it with a bounded wait.
/// </summary>
/// <threadsafety>Safe to use from many threads.</threadsafety>
public sealed class AmazonInboundClient
{
    private const string Base = "/inbound/fba/2024-03-20";
    private readonly SpApiTransport _t;

    internal AmazonInboundClient(SpApiTransport transport) => _t = transport;

    /// <summary>
    /// Checks the US prep/label owner rule on a <c>createInboundPlan</c> body (its <c>destinationMarketplaces</c>) or a
    /// <c>setPackingInformation</c> body (with <paramref name="marketplaceId"/>): every <c>prepOwner</c>/<c>labelOwner</c>
    /// <c>AMAZON</c> for <c>ATVPDKIKX0DER</c> is a violation. Empty when the body is allowed.
    /// </summary>
    /// <param name="bodyJson">The body.</param>
    /// <param name="marketplaceId">The plan's marketplace, for bodies that do not name it; null to read <c>destinationMarketplaces</c>.</param>
    /// <exception cref="ArgumentException">The body is not JSON of the inbound shape.</exception>
    public static IReadOnlyList<string> CheckUsOwnerRule(string bodyJson, string? marketplaceId = null)
    {
        ArgumentNullException.ThrowIfNull(bodyJson);
        InboundBodyOwnersDto dto;
        try
        {
            dto = JsonSerializer.Deserialize(bodyJson, AmazonJsonContext.Default.InboundBodyOwnersDto) ?? throw new JsonException("null body");
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The inbound body is not valid JSON of the expected shape: {ex.Message}", nameof(bodyJson), ex);
        }
        var markets = marketplaceId is not null ? [marketplaceId] : dto.DestinationMarketplaces ?? [];
        if (!markets.Any(m => string.Equals(m?.Trim(), AmazonSpApiOptions.UsMarketplaceId, StringComparison.Ordinal))) return [];
        var violations = new List<string>();
        void Check(InboundItemOwnersDto item, string path)
        {
            if (string.Equals(item.PrepOwner?.Trim(), "AMAZON", StringComparison.OrdinalIgnoreCase)) violations.Add($"{path}.prepOwner = AMAZON (msku {item.Msku})");
            if (string.Equals(item.LabelOwner?.Trim(), "AMAZON", StringComparison.OrdinalIgnoreCase)) violations.Add($"{path}.labelOwner = AMAZON (msku {item.Msku})");
        }
        for (var i = 0; i < (dto.Items?.Count ?? 0); i++) Check(dto.Items![i], $"items[{i}]");
        for (var g = 0; g < (dto.PackageGroupings?.Count ?? 0); g++)
        {
            var boxes = dto.PackageGroupings![g].Boxes ?? [];
            for (var b = 0; b < boxes.Count; b++)
            {
                var items = boxes[b].Items ?? [];
                for (var i = 0; i < items.Count; i++) Check(items[i], $"packageGroupings[{g}].boxes[{b}].items[{i}]");
            }
        }
        return violations;
    }

    /// <summary>Creates an inbound plan from a <c>createInboundPlan</c> body. The US owner rule is checked first: a violation throws before any call.</summary>
    /// <exception cref="AmazonInboundOwnerRuleException"><c>AMAZON</c> prep/label owner for the US marketplace.</exception>
    /// <exception cref="ArgumentException">The body is not JSON.</exception>
    /// <exception cref="AmazonSpApiException">Amazon refused the plan (e.g. 400 <c>BadRequest</c>).</exception>
    public async Task<AmazonInboundOperation> CreateInboundPlanAsync(string createInboundPlanBody, CancellationToken cancellationToken = default)
    {
        var violations = CheckUsOwnerRule(createInboundPlanBody);
        if (violations.Count > 0) throw new AmazonInboundOwnerRuleException(violations);
        var r = await Post("createInboundPlan", $"{Base}/inboundPlans", createInboundPlanBody, cancellationToken).ConfigureAwait(false);
        return new AmazonInboundOperation(r.OperationId!, r.InboundPlanId);
    }

    /// <summary><c>generatePackingOptions</c>.</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<AmazonInboundOperation> GeneratePackingOptionsAsync(string inboundPlanId, CancellationToken cancellationToken = default)
        => Op(await Post("generatePackingOptions", $"{Base}/inboundPlans/{Id(inboundPlanId)}/packingOptions", null, cancellationToken).ConfigureAwait(false));

    /// <summary><c>listPackingOptions</c> (one page).</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public Task<AmazonInboundOptionsPage> ListPackingOptionsAsync(string inboundPlanId, string? paginationToken = null, CancellationToken cancellationToken = default)
        => List("listPackingOptions", $"{Base}/inboundPlans/{Id(inboundPlanId)}/packingOptions", paginationToken, cancellationToken);

    /// <summary><c>listPackingGroupItems</c>: the raw body (items with msku, quantity, owners) of one page.</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<string> ListPackingGroupItemsAsync(string inboundPlanId, string packingGroupId, string? paginationToken = null, CancellationToken cancellationToken = default)
        => (await _t.SendAsync(new SpApiRequest("listPackingGroupItems", HttpMethod.Get, $"{Base}/inboundPlans/{Id(inboundPlanId)}/packingGroups/{Id(packingGroupId)}/items{Page(paginationToken)}"), cancellationToken).ConfigureAwait(false)).Body;

    /// <summary><c>confirmPackingOption</c>.</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<AmazonInboundOperation> ConfirmPackingOptionAsync(string inboundPlanId, string packingOptionId, CancellationToken cancellationToken = default)
        => Op(await Post("confirmPackingOption", $"{Base}/inboundPlans/{Id(inboundPlanId)}/packingOptions/{Id(packingOptionId)}/confirmation", null, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// <c>setPackingInformation</c> with a body such as OrderCore.FbaPrep produces. The US owner rule is checked first on
    /// the box items, for <paramref name="marketplaceId"/> (default: the first configured marketplace).
    /// </summary>
    /// <exception cref="AmazonInboundOwnerRuleException"><c>AMAZON</c> prep/label owner for the US marketplace.</exception>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<AmazonInboundOperation> SetPackingInformationAsync(string inboundPlanId, string setPackingInformationBody, string? marketplaceId = null, CancellationToken cancellationToken = default)
    {
        var violations = CheckUsOwnerRule(setPackingInformationBody, marketplaceId ?? _t.Options.MarketplaceIds[0]);
        if (violations.Count > 0) throw new AmazonInboundOwnerRuleException(violations);
        return Op(await Post("setPackingInformation", $"{Base}/inboundPlans/{Id(inboundPlanId)}/packingInformation", setPackingInformationBody, cancellationToken).ConfigureAwait(false));
    }

    /// <summary><c>generatePlacementOptions</c> (body optional, e.g. <c>customPlacement</c> in India).</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<AmazonInboundOperation> GeneratePlacementOptionsAsync(string inboundPlanId, string? body = null, CancellationToken cancellationToken = default)
        => Op(await Post("generatePlacementOptions", $"{Base}/inboundPlans/{Id(inboundPlanId)}/placementOptions", body ?? "{}", cancellationToken).ConfigureAwait(false));

    /// <summary><c>listPlacementOptions</c> (one page).</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public Task<AmazonInboundOptionsPage> ListPlacementOptionsAsync(string inboundPlanId, string? paginationToken = null, CancellationToken cancellationToken = default)
        => List("listPlacementOptions", $"{Base}/inboundPlans/{Id(inboundPlanId)}/placementOptions", paginationToken, cancellationToken);

    /// <summary><c>confirmPlacementOption</c>. A confirmed placement cannot be changed.</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<AmazonInboundOperation> ConfirmPlacementOptionAsync(string inboundPlanId, string placementOptionId, CancellationToken cancellationToken = default)
        => Op(await Post("confirmPlacementOption", $"{Base}/inboundPlans/{Id(inboundPlanId)}/placementOptions/{Id(placementOptionId)}/confirmation", null, cancellationToken).ConfigureAwait(false));

    /// <summary><c>getShipment</c>: the raw body (shipment confirmation id, status, destination, source).</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<string> GetShipmentAsync(string inboundPlanId, string shipmentId, CancellationToken cancellationToken = default)
        => (await _t.SendAsync(new SpApiRequest("getShipment", HttpMethod.Get, $"{Base}/inboundPlans/{Id(inboundPlanId)}/shipments/{Id(shipmentId)}"), cancellationToken).ConfigureAwait(false)).Body;

    /// <summary><c>generateTransportationOptions</c> with its body (placementOptionId, shipmentTransportationConfigurations).</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<AmazonInboundOperation> GenerateTransportationOptionsAsync(string inboundPlanId, string body, CancellationToken cancellationToken = default)
        => Op(await Post("generateTransportationOptions", $"{Base}/inboundPlans/{Id(inboundPlanId)}/transportationOptions", body, cancellationToken).ConfigureAwait(false));

    /// <summary><c>listTransportationOptions</c> for a placement option or a shipment (one page).</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public Task<AmazonInboundOptionsPage> ListTransportationOptionsAsync(string inboundPlanId, string? placementOptionId = null, string? shipmentId = null, string? paginationToken = null, CancellationToken cancellationToken = default)
    {
        var q = new List<string>();
        if (placementOptionId is not null) q.Add("placementOptionId=" + AmazonSpApiClient.Q(placementOptionId));
        if (shipmentId is not null) q.Add("shipmentId=" + AmazonSpApiClient.Q(shipmentId));
        var path = $"{Base}/inboundPlans/{Id(inboundPlanId)}/transportationOptions" + (q.Count > 0 ? "?" + string.Join("&", q) : "");
        return List("listTransportationOptions", path, paginationToken, cancellationToken);
    }

    /// <summary><c>generateDeliveryWindowOptions</c> (required when a transportation option has the <c>CONFIRMED_DELIVERY_WINDOW</c> precondition).</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<AmazonInboundOperation> GenerateDeliveryWindowOptionsAsync(string inboundPlanId, string shipmentId, CancellationToken cancellationToken = default)
        => Op(await Post("generateDeliveryWindowOptions", $"{Base}/inboundPlans/{Id(inboundPlanId)}/shipments/{Id(shipmentId)}/deliveryWindowOptions", null, cancellationToken).ConfigureAwait(false));

    /// <summary><c>confirmDeliveryWindowOptions</c>.</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<AmazonInboundOperation> ConfirmDeliveryWindowOptionsAsync(string inboundPlanId, string shipmentId, string deliveryWindowOptionId, CancellationToken cancellationToken = default)
        => Op(await Post("confirmDeliveryWindowOptions", $"{Base}/inboundPlans/{Id(inboundPlanId)}/shipments/{Id(shipmentId)}/deliveryWindowOptions/{Id(deliveryWindowOptionId)}/confirmation", null, cancellationToken).ConfigureAwait(false));

    /// <summary><c>confirmTransportationOptions</c> with its body (<c>transportationSelections[]</c>). After it no new options can be generated for the plan.</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<AmazonInboundOperation> ConfirmTransportationOptionsAsync(string inboundPlanId, string body, CancellationToken cancellationToken = default)
        => Op(await Post("confirmTransportationOptions", $"{Base}/inboundPlans/{Id(inboundPlanId)}/transportationOptions/confirmation", body, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Box labels through Fulfillment Inbound v0 <c>getLabels</c> (kept after the 2025-01-21 removals): the raw body with
    /// the PDF download URL. <paramref name="shipmentConfirmationId"/> is the <c>FBA…</c> id of <c>getShipment</c>.
    /// </summary>
    /// <param name="shipmentConfirmationId">The shipment confirmation id.</param>
    /// <param name="pageType">The page type, e.g. <c>PackageLabel_Thermal</c> or <c>PackageLabel_Letter_6</c>.</param>
    /// <param name="labelType"><c>UNIQUE</c>, <c>BARCODE_2D</c> or <c>PALLET</c>.</param>
    /// <param name="numberOfPackages">For <c>UNIQUE</c>/<c>BARCODE_2D</c>: the number of boxes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<string> GetLabelsAsync(string shipmentConfirmationId, string pageType, string labelType, int? numberOfPackages = null, CancellationToken cancellationToken = default)
    {
        var path = $"/fba/inbound/v0/shipments/{Id(shipmentConfirmationId)}/labels?PageType={AmazonSpApiClient.Q(pageType)}&LabelType={AmazonSpApiClient.Q(labelType)}"
                   + (numberOfPackages is { } n ? $"&NumberOfPackages={n}" : "");
        return (await _t.SendAsync(new SpApiRequest("getLabels", HttpMethod.Get, path), cancellationToken).ConfigureAwait(false)).Body;
    }

    /// <summary>One <c>getInboundOperationStatus</c> call.</summary>
    /// <exception cref="AmazonSpApiException">The call failed.</exception>
    public async Task<(string Status, AmazonOperationStatus Detail)> GetOperationStatusAsync(string operationId, CancellationToken cancellationToken = default)
    {
        var dto = await _t.SendAsync(new SpApiRequest("getInboundOperationStatus", HttpMethod.Get, $"{Base}/operations/{Id(operationId)}"), AmazonJsonContext.Default.InboundOperationStatusDto, cancellationToken).ConfigureAwait(false);
        var status = dto.OperationStatus?.Trim().ToUpperInvariant() ?? "(none)";
        var problems = (dto.OperationProblems ?? []).Select(p => new AmazonOperationProblem(p.Code ?? "", p.Message ?? "", p.Severity ?? "", string.IsNullOrWhiteSpace(p.Details) ? null : p.Details)).ToArray();
        return (status, new AmazonOperationStatus(operationId, dto.Operation, status, problems));
    }

    /// <summary>
    /// Polls <c>getInboundOperationStatus</c> every <see cref="AmazonSpApiOptions.InboundOperationPollInterval"/> until
    /// <c>SUCCESS</c> or <c>FAILED</c>, for at most <see cref="AmazonSpApiOptions.InboundOperationTimeout"/>.
    /// </summary>
    /// <returns>The successful status (with any warnings).</returns>
    /// <exception cref="AmazonInboundOperationFailedException">The operation FAILED; carries Amazon's problems.</exception>
    /// <exception cref="AmazonInboundOperationTimeoutException">Still in progress when the wait ran out.</exception>
    /// <exception cref="AmazonSpApiException">A status call failed, or the status is not one of SUCCESS, FAILED, IN_PROGRESS.</exception>
    public async Task<AmazonOperationStatus> WaitForOperationAsync(string operationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        var started = _t.Clock.GetCurrentInstant();
        while (true)
        {
            var (status, detail) = await GetOperationStatusAsync(operationId, cancellationToken).ConfigureAwait(false);
            switch (status)
            {
                case "SUCCESS": return detail;
                case "FAILED": throw new AmazonInboundOperationFailedException(operationId, detail.Operation, detail.Problems);
                case "IN_PROGRESS": break;
                default: throw new AmazonSpApiCallException("getInboundOperationStatus", HttpStatusCode.OK, null, [], $"Inbound operation {operationId} has an unknown status '{status}'.");
            }
            var waited = _t.Clock.GetCurrentInstant() - started;
            if (waited + _t.Options.InboundOperationPollInterval > _t.Options.InboundOperationTimeout) throw new AmazonInboundOperationTimeoutException(operationId, waited);
            await _t.Delay.DelayAsync(_t.Options.InboundOperationPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<InboundOperationResponse> Post(string operation, string path, string? body, CancellationToken ct)
    {
        if (body is not null)
        {
            try
            {
                using var _ = JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new ArgumentException($"The {operation} body is not JSON: {ex.Message}", nameof(body), ex);
            }
        }
        var r = await _t.SendAsync(new SpApiRequest(operation, HttpMethod.Post, path, body), AmazonJsonContext.Default.InboundOperationResponse, ct).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(r.OperationId)) throw new AmazonSpApiCallException(operation, HttpStatusCode.Accepted, null, [], $"SP-API {operation} returned no operationId.");
        return r;
    }

    private async Task<AmazonInboundOptionsPage> List(string operation, string path, string? token, CancellationToken ct)
    {
        var sep = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var full = token is null ? path : path + sep + "paginationToken=" + AmazonSpApiClient.Q(token);
        var r = await _t.SendAsync(new SpApiRequest(operation, HttpMethod.Get, full), ct).ConfigureAwait(false);
        var dto = SpApiTransport.Deserialize(operation, r, AmazonJsonContext.Default.ListInboundOptionsResponse);
        var options = new List<AmazonInboundOption>();
        options.AddRange((dto.PackingOptions ?? []).Select(p => new AmazonInboundOption(p.PackingOptionId ?? "", p.Status, p.PackingGroups ?? [])));
        options.AddRange((dto.PlacementOptions ?? []).Select(p => new AmazonInboundOption(p.PlacementOptionId ?? "", p.Status, p.ShipmentIds ?? [])));
        options.AddRange((dto.TransportationOptions ?? []).Select(t => new AmazonInboundOption(t.TransportationOptionId ?? "", null, t.ShipmentId is null ? [] : [t.ShipmentId], t.ShippingMode, t.ShippingSolution, t.Preconditions ?? [])));
        return new AmazonInboundOptionsPage(options, string.IsNullOrWhiteSpace(dto.Pagination?.NextToken) ? null : dto.Pagination!.NextToken, r.Body);
    }

    private static AmazonInboundOperation Op(InboundOperationResponse r) => new(r.OperationId!, r.InboundPlanId);

    private static string Id(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return AmazonSpApiClient.Q(id.Trim());
    }

    private static string Page(string? token) => token is null ? "" : "?paginationToken=" + AmazonSpApiClient.Q(token);
}
