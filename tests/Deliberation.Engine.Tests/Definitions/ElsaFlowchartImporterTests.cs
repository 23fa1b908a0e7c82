using System.Text.Json.Nodes;
using Deliberation.Engine.Activities;
using Deliberation.Engine.Activities.BuiltIn;
using Deliberation.Engine.Import;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Validation;
using Deliberation.Integrations.Scripting;

namespace Deliberation.Engine.Tests.Definitions;

/// <summary>Elsa 3 exports in the shapes the host's end-to-end test does not use: Elsa 3.0's flat connections, no Start, nesting.</summary>
public sealed class ElsaFlowchartImporterTests
{
    private static readonly ScribanScriptEvaluator Scripts = new();
    private static readonly ElsaFlowchartImporter Importer = new(Scripts);
    private static readonly DefinitionValidator Validator =
        new(new ActivityRegistry(BuiltInActivities.Create(Scripts, new FileTemplateRenderer(Path.GetTempPath()))), Scripts);

    [Fact]
    public void Import_FlatConnectionsWithoutStart_AddsAStartBeforeTheFirstActivityAndValidates()
    {
        const string export = """
            { "definitionId": "Reminder 2", "name": "Reminder", "root": { "type": "Elsa.Flowchart", "activities": [
                { "id": "Wait1", "type": "Elsa.Delay", "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "02:00:00" } } },
                { "id": "Join1", "type": "Elsa.FlowJoin", "mode": { "expression": { "type": "Literal", "value": "WaitAny" } } },
                { "id": "At1", "type": "Elsa.StartAt", "dateTime": { "expression": { "type": "Literal", "value": "2026-12-01T09:00:00+08:00" } } } ],
              "connections": [
                { "source": "Wait1", "sourcePort": "Done", "target": "Join1", "targetPort": "In" },
                { "source": "Join1", "sourcePort": "Done", "target": "At1", "targetPort": "In" } ] } }
            """;

        var result = Importer.Import(export);

        var definition = result.Definition;
        Assert.Equal("elsa-reminder-2", definition.Id);
        Assert.Empty(Validator.Validate(definition));
        Assert.Equal(["start", "Wait1", "Join1", "At1"], definition.Activities.Select(a => a.Id));
        Assert.Equal(("start", "Wait1"), (definition.Connections[0].Source, definition.Connections[0].Target));
        Assert.Equal("2h", definition.Activities[1].Inputs["duration"].Text);
        Assert.Equal("any", definition.Activities[2].Inputs["mode"].Text);
        Assert.Equal("WaitUntil", definition.Activities[3].Type);
        Assert.Equal(("start-added", "Wait1"), (result.Notes.Single().Code, result.Notes.Single().Detail));
        Assert.Equal((3, 3), (result.ActivitiesRead, result.ActivitiesImported));
    }

    [Fact]
    public void Import_NestedSequenceAndUnknownPort_LeftOutAndReportedWithTheirConnections()
    {
        const string export = """
            { "definitionId": "x", "root": { "type": "Elsa.Flowchart", "activities": [
                { "id": "Start1", "type": "Elsa.Start" },
                { "id": "Inner", "type": "Elsa.Sequence", "activities": [ { "id": "W", "type": "Elsa.WriteLine" } ] },
                { "id": "Wait1", "type": "Elsa.Event", "eventName": "go" },
                { "id": "End1", "type": "Elsa.End" } ],
              "connections": [
                { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "Inner", "port": "In" } },
                { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "Wait1", "port": "In" } },
                { "source": { "activity": "Wait1", "port": "Faulted" }, "target": { "activity": "End1", "port": "In" } },
                { "source": { "activity": "Wait1", "port": "Done" }, "target": { "activity": "End1", "port": "In" } } ] } }
            """;

        var result = Importer.Import(export);

        Assert.Empty(Validator.Validate(result.Definition));
        Assert.Equal(["composite-activity:Inner", "connection-dropped:Start1:Done → Inner", "unknown-port:Wait1:Faulted → End1"],
            result.Notes.Select(n => n.Code + ":" + (n.Code == "composite-activity" ? n.ActivityId : n.Detail)));
        Assert.All(result.Notes, n => Assert.True(n.Skipped));
        var wait = result.Definition.Activities.Single(a => a.Id == "Wait1");
        Assert.Equal(("WaitForSignal", "go"), (wait.Type, wait.Inputs["signal"].Text));
        Assert.Contains(result.Definition.Connections, c => c.Source == "Wait1" && c.SourcePort == "Received" && c.Target == "End1");
    }

    [Fact]
    public void Import_ScriptCallingAFunction_IsNotGuessedAtButReported()
    {
        const string export = """
            { "definitionId": "x", "variables": [ { "id": "v1", "name": "Count", "typeName": "Int32", "value": "2" } ],
              "root": { "type": "Elsa.Flowchart", "activities": [
                { "id": "Start1", "type": "Elsa.Start" },
                { "id": "Check", "type": "Elsa.FlowDecision", "condition": { "expression": { "type": "JavaScript", "value": "Math.max(getCount(), 3) > 2" } } },
                { "id": "Set", "type": "Elsa.SetVariable", "variable": { "id": "v1" }, "value": { "expression": { "type": "JavaScript", "value": "getCount() + 1" } } } ],
              "connections": [ { "source": "Start1", "target": "Check" }, { "source": "Check", "sourcePort": "True", "target": "Set" } ] } }
            """;

        var result = Importer.Import(export);

        Assert.Empty(Validator.Validate(result.Definition));
        Assert.Equal(2d, result.Definition.Variables.Single(v => v.Name == "count").Default!.GetValue<double>());
        var check = result.Definition.Activities.Single(a => a.Id == "Check");
        Assert.False(check.Inputs["condition"].Value!.GetValue<bool>());
        Assert.Contains(result.Notes, n => n.Code == "script-not-translated" && n.ActivityId == "Check" && n.Detail == "condition");
        var set = result.Definition.Activities.Single(a => a.Id == "Set");
        Assert.Equal(("count", "vars.count + 1"), (set.Inputs["variable"].Text, set.Inputs["value"].Text));
    }

    [Fact]
    public void Import_SetVariableOfAnUndeclaredVariable_LeftOutOnceWithItsConnection()
    {
        const string export = """
            { "definitionId": "x", "root": { "type": "Elsa.Flowchart", "activities": [
                { "id": "Start1", "type": "Elsa.Start" },
                { "id": "Set", "type": "Elsa.SetVariable", "variable": { "id": "ghost" }, "value": "1" } ],
              "connections": [ { "source": "Start1", "target": "Set" } ] } }
            """;

        var result = Importer.Import(export);

        Assert.Equal(["set-variable-without-variable:Set", "connection-dropped:Set"], result.Notes.Select(n => n.Code + ":" + n.ActivityId));
        Assert.Equal(["Start1"], result.Definition.Activities.Select(a => a.Id));
    }

    [Theory]
    [InlineData("not json", "elsa-malformed-json")]
    [InlineData("[1, 2]", "elsa-not-flowchart")]
    [InlineData("{ \"root\": { \"type\": \"Elsa.Flowchart\" } }", "elsa-not-flowchart")]
    public void Import_NotAFlowchartExport_RefusedWithItsCode(string text, string code)
    {
        var refused = Assert.Throws<WorkflowException>(() => Importer.Import(text));

        Assert.Equal((WorkflowErrorKind.Invalid, code), (refused.Kind, refused.Code));
    }

    [Fact]
    public void Import_ReadsNothingAsCode_TheDefinitionKeepsTheFilesIdsOnlyAsMetadata()
    {
        var result = Importer.Import("""{ "definitionId": "Zz", "version": 4, "root": { "type": "Elsa.Flowchart", "activities": [ { "id": "S", "type": "Elsa.Start" } ] } }""");

        var imported = result.Definition.Metadata!["importedFrom"]!.AsObject();
        Assert.Equal(("elsa3", "Zz", 4), ((string)imported["format"]!, (string)imported["definitionId"]!, (int)imported["version"]!));
        Assert.Equal("S", (string)((JsonObject)result.Definition.Activities[0].Metadata!["elsa"]!)["id"]!);
    }
}
