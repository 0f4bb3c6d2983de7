using Bilan.Server.Api;
using Bilan.Server.Features.Bilans;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.Confidential;

/// <summary>One version of a bilan's synthesis, as stored in <c>synthesis_versions</c>.</summary>
internal sealed record SynthesisRecord(
    Guid BilanId,
    int Version,
    string Circumstances,
    string SkillsAndOptions,
    string ProjectAndSteps,
    string BeneficiaryObservations,
    DateTimeOffset? DeliverTime,
    short? DeliveryMethod,
    DateTimeOffset? DestroyedTime,
    int RowVersion,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime)
{
    public const string Segment = "synthesis";

    public const string Columns = """
        s.bilan_id, s.version, s.circumstances, s.skills_and_options, s.project_and_steps, s.beneficiary_observations,
        s.deliver_time, s.delivery_method, s.destroyed_time, s.row_version, s.create_time, s.update_time
        """;

    public string Name => Format(BilanId);

    public bool Delivered => DeliverTime is not null;

    public bool Destroyed => DestroyedTime is not null;

    /// <summary>The etag names the version and its row version: an etag of an earlier version never matches.</summary>
    public string Etag => $"{Version}-{RowVersion}";

    public static string Format(Guid bilanId) => $"{ResourceName.Format(BilanRecord.Collection, bilanId)}/{Segment}";

    public void EnsureCurrent(string requestEtag)
    {
        if (requestEtag.Length > 0 && requestEtag != Etag)
        {
            throw new StaleEtagException(Name);
        }
    }

    public Proto.Synthesis ToProto()
    {
        var synthesis = new Proto.Synthesis
        {
            Name = Name,
            Version = Version,
            State = Destroyed ? Proto.Synthesis.Types.State.Destroyed
                : Delivered ? Proto.Synthesis.Types.State.Delivered
                : Proto.Synthesis.Types.State.Draft,
            DeliveryMethod = (Proto.DeliveryMethod)(DeliveryMethod ?? 0),
            UpdateTime = ProtoConversions.ToTimestamp(UpdateTime),
            Etag = Etag,
        };
        if (DeliverTime is { } delivered)
        {
            synthesis.DeliverTime = ProtoConversions.ToTimestamp(delivered);
        }

        if (!Destroyed)
        {
            synthesis.Circumstances = Circumstances;
            synthesis.SkillsAndOptions = SkillsAndOptions;
            synthesis.ProjectAndSteps = ProjectAndSteps;
            synthesis.BeneficiaryObservations = BeneficiaryObservations;
        }

        return synthesis;
    }
}

/// <summary>One row of <c>synthesis_versions</c>.</summary>
internal sealed record SynthesisRow(
    Guid BilanId,
    int Version,
    string Circumstances,
    string SkillsAndOptions,
    string ProjectAndSteps,
    string BeneficiaryObservations,
    DateTime? DeliverTime,
    short? DeliveryMethod,
    DateTime? DestroyedTime,
    int RowVersion,
    DateTime CreateTime,
    DateTime UpdateTime)
{
    public SynthesisRecord ToRecord() => new(
        BilanId, Version, Circumstances, SkillsAndOptions, ProjectAndSteps, BeneficiaryObservations,
        Utc(DeliverTime), DeliveryMethod, Utc(DestroyedTime), RowVersion,
        new DateTimeOffset(CreateTime, TimeSpan.Zero), new DateTimeOffset(UpdateTime, TimeSpan.Zero));

    private static DateTimeOffset? Utc(DateTime? value) => value is { } time ? new DateTimeOffset(time, TimeSpan.Zero) : null;
}

/// <summary>The notes of one interview, as stored in <c>interview_notes</c> (version 0: none written yet).</summary>
internal sealed record NotesRecord(Guid BilanId, Guid InterviewId, string Text, DateTimeOffset? DestroyedTime, int RowVersion, DateTimeOffset? UpdateTime)
{
    public const string Segment = "notes";

    public string Name => Format(BilanId, InterviewId);

    public static string Format(Guid bilanId, Guid interviewId) =>
        $"{Interviews.InterviewRecord.Format(bilanId, interviewId)}/{Segment}";

    public Proto.InterviewNotes ToProto()
    {
        var notes = new Proto.InterviewNotes
        {
            Name = Name,
            Text = DestroyedTime is null ? Text : "",
            Destroyed = DestroyedTime is not null,
            Etag = Api.Etag.Of(RowVersion),
        };
        if (UpdateTime is { } updated)
        {
            notes.UpdateTime = ProtoConversions.ToTimestamp(updated);
        }

        return notes;
    }
}

/// <summary>One row of <c>interview_notes</c>.</summary>
internal sealed record NotesRow(Guid InterviewId, Guid BilanId, string Text, DateTime? DestroyedTime, int RowVersion, DateTime UpdateTime)
{
    public NotesRecord ToRecord() => new(BilanId, InterviewId, Text,
        DestroyedTime is { } destroyed ? new DateTimeOffset(destroyed, TimeSpan.Zero) : null, RowVersion,
        new DateTimeOffset(UpdateTime, TimeSpan.Zero));
}
