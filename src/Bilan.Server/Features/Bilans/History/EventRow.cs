using System.Globalization;
using System.Text.Json;
using Bilan.Contracts.V1;
using Bilan.Server.Api;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Features.Bilans.History;

/// <summary>
/// One row of <c>bilan_events</c> as the API shows it: the one mapping shared by ListBilanEvents and
/// WatchBilanEvents. Queries select <see cref="Columns"/> from <c>bilan_events e</c>.
/// </summary>
internal class EventRow
{
    public const string Columns =
        "e.id, e.bilan_id, e.type, e.actor, e.create_time, e.previous_state, e.new_state, e.attributes::text AS attributes";

    public long Id { get; init; }

    public Guid BilanId { get; init; }

    public short Type { get; init; }

    public string Actor { get; init; } = "";

    public DateTime CreateTime { get; init; }

    public short PreviousState { get; init; }

    public short NewState { get; init; }

    public string Attributes { get; init; } = "{}";

    /// <summary><c>bilans/{bilan_id}/events/{event_id}</c>.</summary>
    public string Name => $"{ResourceName.Format(BilanRecord.Collection, BilanId)}/events/{Id.ToString(CultureInfo.InvariantCulture)}";

    public BilanEvent ToProto()
    {
        var proto = new BilanEvent
        {
            Name = Name,
            Type = (BilanEventType)Type,
            Actor = Actor,
            CreateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(CreateTime, TimeSpan.Zero)),
            PreviousState = (BilanResource.Types.State)PreviousState,
            NewState = (BilanResource.Types.State)NewState,
        };
        proto.Attributes.Add(JsonSerializer.Deserialize<Dictionary<string, string>>(Attributes) ?? []);
        return proto;
    }
}
