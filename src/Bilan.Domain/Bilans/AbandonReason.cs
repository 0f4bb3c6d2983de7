namespace Bilan.Domain.Bilans;

/// <summary>Why a beneficiary stops a bilan: a category, never free text (the history may reach third parties).</summary>
public enum AbandonReason
{
    Unspecified = 0,
    Personal = 1,
    Health = 2,
    NewJobOrTraining = 3,
    UnmetExpectations = 4,
    Funding = 5,
    NoContact = 6,
    Other = 7,
}
