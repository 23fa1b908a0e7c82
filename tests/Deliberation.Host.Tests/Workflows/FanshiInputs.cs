using System.Text.Json;
using System.Text.Json.Nodes;

namespace Deliberation.Host.Tests.Workflows;

/// <summary>fanshi-youjiqing's inputs as the tests that start past step 1 give them.</summary>
public static class FanshiInputs
{
    /// <summary>
    /// <paramref name="input"/> with no public-notice period (<c>noticePeriod</c> = <c>0s</c>) unless it sets one:
    /// tests of later steps start at step 2 at once. The whole-deliberation test keeps the default period.
    /// </summary>
    public static JsonObject WithoutNoticePeriod(object? input)
    {
        var result = input is null ? [] : JsonSerializer.SerializeToNode(input)!.AsObject();
        if (!result.ContainsKey("noticePeriod")) result["noticePeriod"] = "0s";
        return result;
    }
}
