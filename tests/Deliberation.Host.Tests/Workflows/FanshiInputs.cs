using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Workflows;

/// <summary>fanshi-youjiqing's inputs as the tests that start past step 1 give them.</summary>
public static class FanshiInputs
{
    /// <summary>
    /// <paramref name="input"/> with no public-notice period (<c>noticePeriod</c> = <c>0s</c>) and no minutes confirmation
    /// (<c>minutesConfirmation</c> = <c>0s</c>: the minutes are sealed as soon as they are filed) unless it sets them:
    /// tests of later steps start at step 2 at once and go on to step 5 when the meeting closes. The whole-deliberation
    /// test keeps the default periods, and the minutes confirmation tests set a window.
    /// </summary>
    public static JsonObject WithoutNoticeOrConfirmation(object? input)
    {
        var result = input is null ? [] : JsonSerializer.SerializeToNode(input)!.AsObject();
        if (!result.ContainsKey("noticePeriod")) result["noticePeriod"] = "0s";
        if (!result.ContainsKey("minutesConfirmation")) result["minutesConfirmation"] = "0s";
        return result;
    }
}
