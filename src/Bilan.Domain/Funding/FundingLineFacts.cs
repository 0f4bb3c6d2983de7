namespace Bilan.Domain.Funding;

/// <summary>What the transition conditions read of one funding line (prise en charge) of a bilan: who pays and where it stands.</summary>
public sealed record FundingLineFacts(FunderType FunderType, FundingStatus Status)
{
    /// <summary>The funder refused it: it funds nothing.</summary>
    public bool Refused => Status == FundingStatus.Refused;
}
