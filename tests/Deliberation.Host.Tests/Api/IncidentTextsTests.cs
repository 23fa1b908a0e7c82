using System.Text.Json;
using Deliberation.Civic;
using Deliberation.Engine.Activities;
using Deliberation.Host.Api;
using Deliberation.Persistence.Entities;

namespace Deliberation.Host.Tests.Api;

/// <summary>Incidents are told by their code in the caller's language; one without a code shows the engine's message.</summary>
public sealed class IncidentTextsTests
{
    private static IncidentRow Row(string? code, object? values, string message) => new()
    {
        Id = Guid.NewGuid(), InstanceId = Guid.NewGuid(), ActivityId = "count", ExecutionId = "e1", ErrorType = "ActivityFaultException",
        Message = message, CreatedAt = DateTimeOffset.UnixEpoch, Attempts = 1, Code = code,
        CodeValues = values is null ? null : JsonSerializer.Serialize(values),
    };

    [Fact]
    public void View_CodedFault_IsToldInTheCallersLanguageWithItsValues()
    {
        var row = Row(DeliberationFaults.NoElections.Code, new Dictionary<string, string> { ["layer"] = "2" }, "The group has no layer-2 elections to count.");

        Assert.Equal("该群体没有第 2 层的推选可以计票。", IncidentTexts.View(row, "zh-CN,zh;q=0.9").Text);
        Assert.Equal("该群体没有第 2 层的推选可以计票。", IncidentTexts.View(row, null).Text);
        Assert.Equal("The group has no layer-2 elections to count.", IncidentTexts.View(row, "en-GB").Text);
    }

    [Fact]
    public void View_EngineFault_IsFoundInTheEnginesCatalogue()
    {
        var row = Row(ActivityFaults.InputEmpty.Code, new Dictionary<string, string> { ["input"] = "to", ["activity"] = "notify" }, "x");

        Assert.Equal("活动“notify”的输入项“to”的值为空，请在流程设计中补上。", IncidentTexts.View(row, "zh-CN").Text);
    }

    [Fact]
    public void View_RefusalCode_UsesItsProblemTitle()
    {
        var row = Row("escalation-not-found", null, "No escalation e1 in this community.");

        Assert.Equal("找不到该上报事项。", IncidentTexts.View(row, "zh-CN").Text);
        Assert.Equal(row.Message, IncidentTexts.View(row, "en").Text);
    }

    [Fact]
    public void View_NoCode_ShowsTheEnginesMessage()
    {
        var row = Row(null, null, "Npgsql.NpgsqlException: Exception while reading from stream");

        Assert.Equal(row.Message, IncidentTexts.View(row, "zh-CN").Text);
    }
}
