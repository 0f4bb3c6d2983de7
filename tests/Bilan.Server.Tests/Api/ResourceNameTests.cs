using Bilan.Domain.Errors;
using Bilan.Server.Api;

namespace Bilan.Server.Tests.Api;

public sealed class ResourceNameTests
{
    private const string Id = "0b9b4c5e-8a86-4a3e-9f1b-3c9b1d2f6a10";

    [Fact]
    public void ParseId_NameOfTheCollection_TheId() =>
        Assert.Equal(Guid.Parse(Id), ResourceName.ParseId($"bilans/{Id}", "bilans", "name"));

    [Fact]
    public void Format_ThenParseId_RoundTrips()
    {
        var id = Guid.NewGuid();
        var name = ResourceName.Format("beneficiaries", id);

        Assert.Equal($"beneficiaries/{id:D}", name);
        Assert.Equal(name, new ResourceName("beneficiaries", id).ToString());
        Assert.Equal(id, ResourceName.ParseId(name, "beneficiaries", "bilan.beneficiary"));
    }

    [Theory]
    [InlineData("beneficiaries/" + Id)] // Another collection.
    [InlineData("Bilans/" + Id)]
    [InlineData("bilan/" + Id)]
    [InlineData(Id)] // No collection.
    [InlineData("bilans/")]
    [InlineData("bilans/not-a-uuid")]
    [InlineData("bilans/" + Id + "/interviews/1")] // Extra segments.
    [InlineData("bilans/" + Id + "/")]
    [InlineData("bilans//" + Id)]
    [InlineData("bilans/0b9b4c5e8a864a3e9f1b3c9b1d2f6a10")] // UUID without its dashes.
    [InlineData("bilans/{" + Id + "}")]
    [InlineData("//bilan.example.com/bilans/" + Id)]
    [InlineData(" ")]
    [InlineData("bilans/ " + Id)]
    [InlineData("bilans/" + Id + " ")]
    [InlineData("bilans/0B9B4C5E-8A86-4A3E-9F1B-3C9B1D2F6A10")] // Upper case: not the form the API returns.
    public void ParseId_NotANameOfTheCollection_InvalidResourceName(string value)
    {
        var exception = Assert.Throws<InvalidFieldsException>(() => ResourceName.ParseId(value, "bilans", "name"));

        Assert.Equal(
            new FieldViolation("name", "INVALID_RESOURCE_NAME", "Expected bilans/{uuid}.", "Identifiant invalide : attendu bilans/{uuid}."),
            Assert.Single(exception.Violations));
    }

    [Fact]
    public void ParseId_Empty_Required()
    {
        var exception = Assert.Throws<InvalidFieldsException>(() => ResourceName.ParseId("", "beneficiaries", "bilan.beneficiary"));

        Assert.Equal(
            new FieldViolation("bilan.beneficiary", "REQUIRED", "Required: a resource name beneficiaries/{uuid}.", "Ce champ est obligatoire."),
            Assert.Single(exception.Violations));
    }

    [Fact]
    public void TryParseId_Valid_TrueWithTheId()
    {
        Assert.True(ResourceName.TryParseId($"bilans/{Id}", "bilans", out var id));
        Assert.Equal(Guid.Parse(Id), id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("beneficiaries/" + Id)]
    [InlineData("bilans/" + Id + "/x")]
    public void TryParseId_Invalid_FalseWithEmptyId(string value)
    {
        Assert.False(ResourceName.TryParseId(value, "bilans", out var id));
        Assert.Equal(Guid.Empty, id);
    }

    private const string ChildId = "01a21e5f-a65e-72c3-86d7-0e85dc94f167";

    [Fact]
    public void ParseChild_NameOfAChild_BothIds() =>
        Assert.Equal((Guid.Parse(Id), Guid.Parse(ChildId)), ResourceName.ParseChild($"bilans/{Id}/fundings/{ChildId}", "bilans", "fundings", "name"));

    [Theory]
    [InlineData("bilans/" + Id + "/interviews/" + ChildId)] // Another child collection.
    [InlineData("beneficiaries/" + Id + "/fundings/" + ChildId)] // Another parent collection.
    [InlineData("bilans/" + Id + "/fundings/")]
    [InlineData("bilans/" + Id + "/fundings/not-a-uuid")]
    [InlineData("bilans/" + Id + "/fundings/" + ChildId + "/")] // Extra segment.
    [InlineData("bilans/" + Id + "/fundings/01A21E5F-A65E-72C3-86D7-0E85DC94F167")] // Upper case.
    [InlineData("bilans/" + Id)] // The parent alone.
    [InlineData("/fundings/" + ChildId)]
    public void ParseChild_NotANameOfTheChildCollection_InvalidResourceNameWithThePattern(string value)
    {
        var exception = Assert.Throws<InvalidFieldsException>(() => ResourceName.ParseChild(value, "bilans", "fundings", "name"));

        Assert.Equal(
            new FieldViolation("name", "INVALID_RESOURCE_NAME", "Expected bilans/{uuid}/fundings/{uuid}.",
                "Identifiant invalide : attendu bilans/{uuid}/fundings/{uuid}."),
            Assert.Single(exception.Violations));
    }

    [Fact]
    public void ParseChild_EmptyWithOtherChecks_AddsRequiredBesideThem()
    {
        var checks = new FieldChecks();
        checks.Add("page_size", "NEGATIVE", "Must not be negative.", "La taille de page ne peut pas être négative.");

        var ids = ResourceName.ParseChild("", "bilans", "interviews", "interview", checks);

        Assert.Equal((Guid.Empty, Guid.Empty), ids);
        Assert.Equal(["page_size", "interview"], checks.Violations.Select(v => v.Field));
        Assert.Equal("Required: bilans/{uuid}/interviews/{uuid}.", checks.Violations[1].Description);
    }
}
