namespace Bilan.Domain.Beneficiaries;

/// <summary>Situations that decide whether a bilan may take place (see DOMAIN.md, "When it may take place").</summary>
public enum SituationKind
{
    Unspecified = 0,
    ParentalLeave = 1,
    SickLeave = 2,
    TherapeuticPartTime = 3,
    UnpaidLeave = 4,
    SabbaticalLeave = 5,
    MaternityLeave = 6,
    CarerLeave = 7,
    TransitionProject = 8,
}

public static class SituationKindExtensions
{
    /// <summary>
    /// A bilan may not take place during maternity leave, carer's leave (congé de proche aidant) or a
    /// projet de transition professionnelle; it may during the other situations.
    /// </summary>
    public static bool ForbidsBilan(this SituationKind kind) =>
        kind is SituationKind.MaternityLeave or SituationKind.CarerLeave or SituationKind.TransitionProject;
}
