using System.Security.Cryptography;
using System.Text;

namespace OrderCore.Adapters.Shopify.Webhooks;

/// <summary>
/// Verifies <c>X-Shopify-Hmac-Sha256</c>: base64 of HMAC-SHA256 keyed with the app's client secret over the
/// <b>raw body bytes</b> as received (domain facts §3.2, [SH-HMAC]).
/// </summary>
/// <remarks>
/// Verify before parsing, over the exact bytes read from the request: a body that was parsed and re-serialised
/// (different spacing, key order, escaping such as <c>\u00e9</c> vs <c>é</c>, number formats) has other bytes and fails,
/// even though it means the same thing. The comparison of the decoded signature is constant-time
/// (<see cref="CryptographicOperations.FixedTimeEquals"/>), so response timing reveals nothing about the expected value.
/// </remarks>
/// <threadsafety>Immutable; safe to share.</threadsafety>
public sealed class ShopifyWebhookVerifier
{
    private readonly byte[] _key;

    /// <summary>Creates a verifier for one app secret.</summary>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null or blank.</exception>
    public ShopifyWebhookVerifier(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret)) throw new ArgumentException("The webhook secret is required.", nameof(secret));
        _key = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>True when <paramref name="signatureBase64"/> is the base64 HMAC-SHA256 of <paramref name="rawBody"/>.</summary>
    /// <param name="rawBody">The request body exactly as received.</param>
    /// <param name="signatureBase64">The header value; null, blank, not base64 or not 32 bytes long gives false.</param>
    public bool IsValid(ReadOnlySpan<byte> rawBody, string? signatureBase64)
    {
        if (string.IsNullOrWhiteSpace(signatureBase64)) return false;
        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(signatureBase64.Trim(), given, out var written) || written != HMACSHA256.HashSizeInBytes) return false;
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, rawBody, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given[..written]);
    }

    /// <summary>The signature Shopify would send for <paramref name="rawBody"/>: base64 of HMAC-SHA256 with <paramref name="secret"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null or blank.</exception>
    public static string Sign(ReadOnlySpan<byte> rawBody, string secret)
    {
        if (string.IsNullOrWhiteSpace(secret)) throw new ArgumentException("The webhook secret is required.", nameof(secret));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), rawBody));
    }
}
