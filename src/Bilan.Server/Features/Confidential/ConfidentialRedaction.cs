using Bilan.Contracts.V1;

namespace Bilan.Server.Features.Confidential;

/// <summary>
/// What the idempotency log keeps of an answer carrying confidential content: everything but the content. The log
/// outlives the documents, which are destroyed when the bilan ends (R6313-7); a retried write therefore answers
/// the metadata (name, version, state, etag), and the content is read again with GetSynthesis or GetInterviewNotes.
/// </summary>
internal static class ConfidentialRedaction
{
    public static Synthesis WithoutContent(Synthesis synthesis)
    {
        var metadata = synthesis.Clone();
        metadata.Circumstances = "";
        metadata.SkillsAndOptions = "";
        metadata.ProjectAndSteps = "";
        metadata.BeneficiaryObservations = "";
        return metadata;
    }

    public static InterviewNotes WithoutContent(InterviewNotes notes)
    {
        var metadata = notes.Clone();
        metadata.Text = "";
        return metadata;
    }
}
