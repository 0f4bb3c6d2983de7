namespace Bilan.Domain.Quality;

/// <summary>How a complaint was received (same numbers as the API's ComplaintChannel).</summary>
public enum ComplaintChannel
{
    Unspecified = 0,
    Email = 1,
    Letter = 2,
    Phone = 3,
    InPerson = 4,
    WebForm = 5,
    Other = 6,
}

/// <summary>Who complains (same numbers as the API's Complainant).</summary>
public enum Complainant
{
    Unspecified = 0,
    Beneficiary = 1,
    Employer = 2,
    Funder = 3,
    Other = 4,
}
