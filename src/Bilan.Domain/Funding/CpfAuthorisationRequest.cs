namespace Bilan.Domain.Funding;

/// <summary>
/// The employee's request for the employer's authorisation of a CPF-funded bilan on working time (D6323-4): the day
/// the employee asked, and the employer's answer with its date once recorded.
/// </summary>
public sealed record CpfAuthorisationRequest(DateOnly RequestDate, EmployerAnswer Answer = EmployerAnswer.None, DateOnly? AnswerDate = null);
