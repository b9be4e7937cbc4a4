using System.Text;
using System.Text.Json;
using OrderCore.Adapters.Shopify.Tests.Support;
using OrderCore.Adapters.Shopify.Webhooks;

namespace OrderCore.Adapters.Shopify.Tests.Webhooks;

/// <summary>The HMAC test vector of Shopify's own SDK (<c>shopify/webhook-hmac-vector.json</c>) and its negative cases.</summary>
public sealed class WebhookVerificationTests
{
    private sealed record Vector(string Secret, byte[] RawBody, string Expected, Dictionary<string, string?> Headers);

    private static Vector Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(SharedData.HmacVectorPath));
        var root = doc.RootElement;
        var headers = root.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => (string?)p.Value.GetString());
        return new Vector(root.GetProperty("secret").GetString()!, Encoding.UTF8.GetBytes(root.GetProperty("raw_body").GetString()!),
            root.GetProperty("expected_hmac_base64").GetString()!, headers);
    }

    private static async Task<ShopifyWebhookResult> ProcessAsync(Vector v, Dictionary<string, string?> headers, byte[] body)
    {
        await using var kit = ShopifyKit.Create();
        var processor = new ShopifyWebhookProcessor(new ShopifyWebhookVerifier(v.Secret), v.Headers["X-Shopify-Shop-Domain"], kit.Inbox, kit.Importer, kit.H.Clock);
        return await processor.ProcessAsync(new ShopifyWebhookRequest(ShopifyWebhookHeaders.From(headers), body));
    }

    [SharedDataFact]
    public void Vector_SignatureOfRawBody_IsTheExpectedValue()
    {
        var v = Load();
        Assert.Equal(v.Expected, ShopifyWebhookVerifier.Sign(v.RawBody, v.Secret));
        Assert.True(new ShopifyWebhookVerifier(v.Secret).IsValid(v.RawBody, v.Headers["X-Shopify-Hmac-Sha256"]));
    }

    [SharedDataFact]
    public async Task Vector_WithItsHeaders_IsVerified_AndItsUnknownTopicIsAcknowledgedAndIgnored()
    {
        var v = Load();
        var result = await ProcessAsync(v, v.Headers, v.RawBody);
        Assert.Equal(ShopifyWebhookOutcome.IgnoredTopic, result.Outcome); // products/create is not an OrderCore topic
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("123456789", result.EventId); // no Event-Id header: the Webhook-Id is the fallback
    }

    [SharedDataTheory]
    [InlineData("X-Shopify-Hmac-Sha256")]
    [InlineData("X-Shopify-Topic")]
    [InlineData("X-Shopify-Shop-Domain")]
    [InlineData("X-Shopify-API-Version")]
    [InlineData("X-Shopify-Webhook-Id")]
    public async Task Vector_MissingAnyOfTheFiveHeaders_IsMissingHeaders(string header)
    {
        var v = Load();
        var headers = new Dictionary<string, string?>(v.Headers);
        headers.Remove(header);
        var result = await ProcessAsync(v, headers, v.RawBody);
        Assert.Equal(ShopifyWebhookOutcome.MissingHeaders, result.Outcome);
        Assert.Contains(header == "X-Shopify-Webhook-Id" ? "X-Shopify-Event-Id" : header, result.Detail, StringComparison.Ordinal);
        Assert.Equal(400, result.StatusCode);
    }

    [SharedDataFact]
    public async Task Vector_MissingBody_IsMissingBody()
    {
        var v = Load();
        var result = await ProcessAsync(v, v.Headers, []);
        Assert.Equal(ShopifyWebhookOutcome.MissingBody, result.Outcome);
    }

    [SharedDataFact]
    public async Task Vector_FakeHmac_IsInvalidHmac()
    {
        var v = Load();
        var headers = new Dictionary<string, string?>(v.Headers) { ["X-Shopify-Hmac-Sha256"] = "fake" };
        var result = await ProcessAsync(v, headers, v.RawBody);
        Assert.Equal(ShopifyWebhookOutcome.InvalidHmac, result.Outcome);
        Assert.Equal(401, result.StatusCode);
    }

    [SharedDataFact]
    public async Task Vector_ReserialisedBody_FailsVerification()
    {
        // {"foo": "bar"} parsed and written back is {"foo":"bar"}: the same JSON, other bytes, so another HMAC.
        var v = Load();
        using var doc = JsonDocument.Parse(v.RawBody);
        var reserialised = JsonSerializer.SerializeToUtf8Bytes(doc.RootElement);
        Assert.NotEqual(v.RawBody, reserialised);
        Assert.False(new ShopifyWebhookVerifier(v.Secret).IsValid(reserialised, v.Expected));
        var result = await ProcessAsync(v, v.Headers, reserialised);
        Assert.Equal(ShopifyWebhookOutcome.InvalidHmac, result.Outcome);
    }

    [SharedDataTheory]
    [InlineData("lower")]
    [InlineData("upper")]
    [InlineData("unprefixed")]
    [InlineData("unprefixed-upper")]
    public async Task Vector_HeaderSpellings_AnyCaseWithOrWithoutPrefix_AreAccepted(string spelling)
    {
        var v = Load();
        var headers = v.Headers.ToDictionary(kv => spelling switch
        {
            "lower" => kv.Key.ToLowerInvariant(),
            "upper" => kv.Key.ToUpperInvariant(),
            "unprefixed" => kv.Key["X-".Length..].ToLowerInvariant(),
            _ => kv.Key["X-".Length..].ToUpperInvariant(),
        }, kv => kv.Value);
        var result = await ProcessAsync(v, headers, v.RawBody);
        Assert.Equal(ShopifyWebhookOutcome.IgnoredTopic, result.Outcome);
    }

    [Fact]
    public void IsValid_WrongLengthOrNotBase64_IsFalse()
    {
        var verifier = new ShopifyWebhookVerifier("s");
        var body = "{}"u8.ToArray();
        Assert.False(verifier.IsValid(body, null));
        Assert.False(verifier.IsValid(body, "not base64!"));
        Assert.False(verifier.IsValid(body, Convert.ToBase64String(new byte[16])));
        Assert.True(verifier.IsValid(body, ShopifyWebhookVerifier.Sign(body, "s")));
        Assert.False(verifier.IsValid(body, ShopifyWebhookVerifier.Sign(body, "other")));
    }
}
