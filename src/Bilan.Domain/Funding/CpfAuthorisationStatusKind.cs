namespace Bilan.Domain.Funding;

public enum CpfAuthorisationStatusKind
{
    Unspecified = 0,
    NotRequestedInTime = 1,
    AwaitingAnswer = 2,
    Granted = 3,
    Refused = 4,
    DeemedGranted = 5,
}
