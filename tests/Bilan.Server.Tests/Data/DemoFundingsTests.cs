using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;

namespace Bilan.Server.Tests.Data;

/// <summary>What scripts/run shows of funding: CPF lines with EDOF dossiers, OPCO Santé, an employer's plan.</summary>
public sealed class DemoFundingsTests
{
    [Fact]
    public async Task SeedDemoData_Fundings_ReadableThroughTheApiWithDeadlines()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Bilan:SeedDemoData"] = "true" });

        var fundings = new List<Contracts.V1.Funding>();
        foreach (var bilan in (await server.Bilans.ListBilansAsync(new ListBilansRequest { PageSize = 200 })).Bilans)
        {
            fundings.AddRange((await server.FundingClient().ListFundingsAsync(new ListFundingsRequest { Parent = bilan.Name })).Fundings);
        }

        Assert.Contains(fundings, f => f.FunderType == FunderType.Opco && f.FunderName == "OPCO Santé");
        Assert.Contains(fundings, f => f.FunderType == FunderType.EmployerPlan && f.Status == FundingStatus.Accepted);
        var dossiers = fundings.Where(f => f.EdofDossier is not null).ToList();
        Assert.Equal([EdofState.NotProcessed, EdofState.InTraining, EdofState.ServiceDoneValidated], dossiers.Select(f => f.EdofDossier.State).Order());
        Assert.All(dossiers, f => Assert.NotEmpty(f.EdofDossier.Deadlines));
        Assert.All(dossiers, f => Assert.NotNull(f.CpfTerms));
        Assert.Contains(fundings, f => f.Status == FundingStatus.Paid);
    }
}
