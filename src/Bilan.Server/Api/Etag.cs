using System.Globalization;

namespace Bilan.Server.Api;

/// <summary>
/// The etag of a resource (AIP-154): its row version, opaque to callers. An empty etag in a request
/// means "no check"; any other that is not the current one is refused with ABORTED.
/// </summary>
public static class Etag
{
    public static string Of(int version) => version.ToString(CultureInfo.InvariantCulture);

    public static void EnsureCurrent(string requestEtag, int currentVersion, string resourceName)
    {
        if (requestEtag.Length > 0 && requestEtag != Of(currentVersion))
        {
            throw new StaleEtagException(resourceName);
        }
    }
}
