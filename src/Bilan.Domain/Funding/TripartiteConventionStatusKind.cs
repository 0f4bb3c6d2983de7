namespace Bilan.Domain.Funding;

public enum TripartiteConventionStatusKind
{
    Unspecified = 0,
    AwaitingSignature = 1,
#pragma warning disable CA1720 // "Signed" is the convention's state (SIGNED), not the type name.
    Signed = 2,
#pragma warning restore CA1720
    Refused = 3,
    DeemedRefused = 4,
}
