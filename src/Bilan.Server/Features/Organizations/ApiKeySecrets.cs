using Bilan.Server.Auth;

namespace Bilan.Server.Features.Organizations;

/// <summary>A new API key's secret, with what is stored in its stead: the prefix shown in lists, and the hash.</summary>
internal sealed record IssuedSecret(string Secret, string KeyPrefix, byte[] Hash)
{
    /// <summary>Never the secret, should this ever reach a log or a debugger's display.</summary>
    public override string ToString() => $"{nameof(IssuedSecret)} {{ {nameof(KeyPrefix)} = {KeyPrefix} }}";
}

/// <summary>
/// The secrets of API keys: <c>bk_</c> and 32 random bytes (<see cref="SecretTokens"/>). Only their SHA-256 is
/// stored, with their first <see cref="ShownPrefixLength"/> characters so that a key can be recognised in lists.
/// </summary>
internal static class ApiKeySecrets
{
    /// <summary>What every API key starts with, so that the access check knows which resolver reads it.</summary>
    public const string Prefix = "bk_";

    /// <summary>How many leading characters of a secret <c>ApiKey.key_prefix</c> shows: the prefix and 7 random ones.</summary>
    public const int ShownPrefixLength = 10;

    public static IssuedSecret Issue()
    {
        var secret = SecretTokens.New(Prefix);
        return new IssuedSecret(secret, secret[..ShownPrefixLength], SecretTokens.Hash(secret));
    }
}
