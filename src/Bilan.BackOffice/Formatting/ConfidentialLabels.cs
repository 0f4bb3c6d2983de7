using Bilan.Contracts.V1;

namespace Bilan.BackOffice.Formatting;

/// <summary>The French words of consents, of the synthesis and of the confidential access log.</summary>
public static class ConfidentialLabels
{
    /// <summary>The ways a consent may be given.</summary>
    public static IReadOnlyList<ConsentMethod> ConsentMethods { get; } =
        [.. Enum.GetValues<ConsentMethod>().Where(method => method != ConsentMethod.Unspecified)];

    /// <summary>What a disclosure consent may cover.</summary>
    public static IReadOnlyList<DisclosureScope> Scopes { get; } =
        [.. Enum.GetValues<DisclosureScope>().Where(scope => scope != DisclosureScope.Unspecified)];

    /// <summary>The ways a synthesis may be handed over.</summary>
    public static IReadOnlyList<DeliveryMethod> DeliveryMethods { get; } =
        [.. Enum.GetValues<DeliveryMethod>().Where(method => method != DeliveryMethod.Unspecified)];

    public static string Of(ConsentMethod method) => method switch
    {
        ConsentMethod.SignedPaper => "formulaire papier signé",
        ConsentMethod.ElectronicSignature => "signature électronique",
        ConsentMethod.Email => "e-mail du bénéficiaire",
        ConsentMethod.OralRecorded => "accord oral consigné",
        _ => "non renseigné",
    };

    public static string Of(DisclosureScope scope) => scope switch
    {
        DisclosureScope.Synthesis => "la synthèse seule",
        DisclosureScope.SynthesisAndResults => "la synthèse et les résultats détaillés",
        _ => "non renseigné",
    };

    public static string Of(DeliveryMethod method) => method switch
    {
        DeliveryMethod.InPerson => "remise en main propre (entretien sur place)",
        DeliveryMethod.Remote => "remise lors d'un entretien à distance",
        DeliveryMethod.Post => "envoi postal",
        DeliveryMethod.Email => "envoi par e-mail",
        _ => "non renseigné",
    };

    public static string Of(Synthesis.Types.State state) => state switch
    {
        Synthesis.Types.State.Draft => "brouillon",
        Synthesis.Types.State.Delivered => "remise au bénéficiaire",
        Synthesis.Types.State.Destroyed => "détruite (R6313-7)",
        _ => "inconnu",
    };

    public static string Of(AccessorRole role) => role switch
    {
        AccessorRole.Admin => "administrateur",
        AccessorRole.Consultant => "consultant du bilan",
        AccessorRole.Support => "support",
        AccessorRole.ApiClient => "logiciel RH (client d'API)",
        _ => "inconnu",
    };
}
