using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Features.Beneficiaries;
using Bilan.Server.Features.Bilans;
using Google.Protobuf.WellKnownTypes;
using BilanResource = Bilan.Contracts.V1.Bilan;
using ProtoDate = Google.Type.Date;

namespace Bilan.Server.Tests.Api;

public sealed class UpdateMaskTests
{
    private static readonly string[] BilanFields =
        ["working_time", "funding_source", "planned_hours", "planned_start_date", "planned_end_date"];

    [Fact]
    public void Resolve_NoMask_OnlyPopulatedUpdatableFields()
    {
        var bilan = new BilanResource
        {
            Name = "bilans/0b9b4c5e-8a86-4a3e-9f1b-3c9b1d2f6a10",
            State = BilanResource.Types.State.Closed,
            Etag = "3",
            WorkingTime = WorkingTime.During,
            PlannedHours = 20,
            PlannedEndDate = new ProtoDate { Year = 2026, Month = 6, Day = 30 },
        };

        Assert.Equal(
            new HashSet<string> { "working_time", "planned_hours", "planned_end_date" },
            UpdateMask.Resolve(null, bilan, BilanMapping.UpdatableFields));
    }

    [Fact]
    public void Resolve_EmptyMask_SameAsNoMask()
    {
        var bilan = new BilanResource { FundingSource = FundingSource.Cpf, PlannedStartDate = new ProtoDate { Year = 2026, Month = 3, Day = 2 } };

        Assert.Equal(
            new HashSet<string> { "funding_source", "planned_start_date" },
            UpdateMask.Resolve(new FieldMask(), bilan, BilanMapping.UpdatableFields));
    }

    [Fact]
    public void Resolve_NoMaskAndNothingSet_NoField() =>
        Assert.Empty(UpdateMask.Resolve(null, new BilanResource { Name = "bilans/x", Etag = "1" }, BilanMapping.UpdatableFields));

    [Fact]
    public void Resolve_NoMaskOnBeneficiary_CountsMessagesListsAndEnums()
    {
        var beneficiary = new Beneficiary
        {
            Email = "camille@example.fr",
            PublicCategory = PublicCategory.JobSeeker,
            Employer = new Employer(),
            Situations = { new SituationPeriod { Kind = SituationKind.SickLeave } },
        };

        Assert.Equal(
            new HashSet<string> { "email", "public_category", "employer", "situations" },
            UpdateMask.Resolve(null, beneficiary, BeneficiaryMapping.UpdatableFields));
    }

    [Fact]
    public void Resolve_Wildcard_EveryUpdatableField() =>
        Assert.Equal(
            BilanFields.ToHashSet(),
            UpdateMask.Resolve(new FieldMask { Paths = { "*" } }, new BilanResource(), BilanMapping.UpdatableFields));

    [Fact]
    public void Resolve_ExplicitPaths_ExactlyThoseEvenWhenEmptyInTheResource() =>
        Assert.Equal(
            new HashSet<string> { "planned_hours", "planned_end_date" },
            UpdateMask.Resolve(
                new FieldMask { Paths = { "planned_hours", "planned_end_date" } },
                new BilanResource { WorkingTime = WorkingTime.Outside },
                BilanMapping.UpdatableFields));

    [Theory]
    [InlineData("state")]
    [InlineData("name")]
    [InlineData("beneficiary")]
    [InlineData("consultant")]
    [InlineData("create_time")]
    [InlineData("etag")]
    [InlineData("no_such_field")]
    public void Resolve_PathNotUpdatable_RefusedNamingThePath(string path)
    {
        var exception = Assert.Throws<InvalidFieldsException>(() =>
            UpdateMask.Resolve(new FieldMask { Paths = { path } }, new BilanResource(), BilanMapping.UpdatableFields));

        Assert.Equal(
            new FieldViolation("update_mask", "FIELD_NOT_UPDATABLE",
                $"Cannot update {path}; updatable fields: working_time, funding_source, planned_hours, planned_start_date, planned_end_date.",
                $"Ces champs ne peuvent pas être modifiés : {path}."),
            Assert.Single(exception.Violations));
    }

    [Fact]
    public void Resolve_JsonNamesOverHttp_ReadAsProtoNames()
    {
        var paths = UpdateMask.Resolve(new FieldMask { Paths = { "plannedHours", "plannedEndDate" } }, new BilanResource(), BilanMapping.UpdatableFields);

        Assert.Equal(["planned_end_date", "planned_hours"], paths.Order());
    }

    [Fact]
    public void Resolve_SomePathsNotUpdatable_EveryRefusedPathNamed()
    {
        var exception = Assert.Throws<InvalidFieldsException>(() => UpdateMask.Resolve(
            new FieldMask { Paths = { "planned_hours", "state", "etag" } }, new BilanResource(), BilanMapping.UpdatableFields));

        var violation = Assert.Single(exception.Violations);
        Assert.Equal("update_mask", violation.Field);
        Assert.StartsWith("Cannot update state, etag;", violation.Description, StringComparison.Ordinal);
        Assert.Equal("Ces champs ne peuvent pas être modifiés : state, etag.", violation.FrenchDescription);
    }

    [Fact]
    public void Resolve_WildcardWithOtherPaths_WildcardRefused()
    {
        var exception = Assert.Throws<InvalidFieldsException>(() => UpdateMask.Resolve(
            new FieldMask { Paths = { "*", "planned_hours" } }, new BilanResource(), BilanMapping.UpdatableFields));

        Assert.Equal("Ces champs ne peuvent pas être modifiés : *.", Assert.Single(exception.Violations).FrenchDescription);
    }

    [Fact]
    public void Resolve_NestedBeneficiaryPath_RefusedNamingThePath()
    {
        var exception = Assert.Throws<InvalidFieldsException>(() => UpdateMask.Resolve(
            new FieldMask { Paths = { "employer.siret" } }, new Beneficiary(), BeneficiaryMapping.UpdatableFields));

        Assert.Equal("Ces champs ne peuvent pas être modifiés : employer.siret.", Assert.Single(exception.Violations).FrenchDescription);
    }
}
