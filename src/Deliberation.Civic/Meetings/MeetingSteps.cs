using Deliberation.Civic.Data;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Definitions;

namespace Deliberation.Civic.Meetings;

/// <summary>What the meeting activities share.</summary>
internal static class MeetingSteps
{
    /// <summary>The <c>meetingId</c> input.</summary>
    public static InputDescriptor MeetingInput { get; } = new("meetingId", InputType.Text, new("会议", "Meeting"), true, UiHint.Code)
    {
        Description = new("通常为 {{ output.<等待会议安排的活动 id>.meetingId }}", "Usually {{ output.<wait-for-plan activity id>.meetingId }}"),
    };

    /// <summary>The meeting an activity works on, of the instance's community.</summary>
    public static async Task<Meeting> LoadAsync(ICivicSession db, ActivityContext context)
    {
        var communityId = DeliberationSteps.Community(context);
        var meetingId = DeliberationSteps.RequireId(context, "meetingId");
        return await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.CommunityId == communityId, context.CancellationToken)
            ?? throw DeliberationFaults.MeetingMissing.Fault(("meeting", meetingId));
    }
}
