using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Bilan.Server.Auth;

/// <summary>
/// Opaque bearer secrets (session tokens, API keys): a kind prefix and 32 random bytes. Only their SHA-256 is
/// stored; with 256 bits of entropy a plain hash cannot be reversed, and a lookup by hash stays one index read.
/// </summary>
public static class SecretTokens
{
    public static string New(string prefix) => prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
