using Bilan.Server.Api;

namespace Bilan.Server.Tests.Api;

public sealed class EtagTests
{
    private const string Name = "bilans/0b9b4c5e-8a86-4a3e-9f1b-3c9b1d2f6a10";

    [Fact]
    public void Of_DifferentVersions_DifferentEtags() => Assert.NotEqual(Etag.Of(1), Etag.Of(2));

    [Fact]
    public void EnsureCurrent_EtagOfCurrentVersion_Accepted() =>
        Assert.Null(Record.Exception(() => Etag.EnsureCurrent(Etag.Of(7), 7, Name)));

    [Fact]
    public void EnsureCurrent_NoEtag_NoCheck() =>
        Assert.Null(Record.Exception(() => Etag.EnsureCurrent("", 7, Name)));

    [Theory]
    [InlineData(6)]
    [InlineData(8)]
    public void EnsureCurrent_EtagOfAnotherVersion_StaleNamingTheResource(int readVersion)
    {
        var exception = Assert.Throws<StaleEtagException>(() => Etag.EnsureCurrent(Etag.Of(readVersion), 7, Name));

        Assert.Equal(Name, exception.ResourceName);
        Assert.Equal($"{Name} was changed by someone else since it was read: read it again, then retry.", exception.Message);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData(" 7")]
    [InlineData("W/\"7\"")]
    public void EnsureCurrent_EtagNotIssuedByServer_Stale(string etag) =>
        Assert.Throws<StaleEtagException>(() => Etag.EnsureCurrent(etag, 7, Name));
}
