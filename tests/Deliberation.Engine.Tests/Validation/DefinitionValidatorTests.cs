using Deliberation.Engine.Activities;
using Deliberation.Engine.Activities.BuiltIn;
using Deliberation.Engine.Runtime;
using Deliberation.Engine.Tests.Support;
using Deliberation.Engine.Validation;
using Deliberation.Integrations.Scripting;

namespace Deliberation.Engine.Tests.Validation;

public sealed class DefinitionValidatorTests
{
    private const string Valid = """
        {
          "id": "valid",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "check", "type": "If", "inputs": { "condition": { "type": "scriban", "value": "true" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "check" },
            { "source": "check", "sourcePort": "True", "target": "end" }
          ]
        }
        """;

    // Five mistakes at once: an unknown type, a connection into nowhere, a port If does not have,
    // an If without its condition and a Scriban expression that does not parse.
    private const string FiveProblems = """
        {
          "id": "five-problems",
          "activities": [
            { "id": "start", "type": "Start" },
            { "id": "beam", "type": "Teleport" },
            { "id": "noCondition", "type": "If" },
            { "id": "broken", "type": "If", "inputs": { "condition": { "type": "scriban", "value": "vars.count >" } } },
            { "id": "end", "type": "End" }
          ],
          "connections": [
            { "source": "start", "target": "noCondition" },
            { "source": "noCondition", "sourcePort": "True", "target": "ghost" },
            { "source": "broken", "sourcePort": "Maybe", "target": "end" }
          ]
        }
        """;

    private static readonly DefinitionValidator Validator = CreateValidator();

    // The validator needs no database: the built-in activities and the real Scriban parser.
    private static DefinitionValidator CreateValidator()
    {
        var scripts = new ScribanScriptEvaluator();
        var templates = new FileTemplateRenderer(Path.Combine(Path.GetTempPath(), "deliberation-no-templates"));
        return new DefinitionValidator(new ActivityRegistry(BuiltInActivities.Create(scripts, templates)), scripts);
    }

    private static IReadOnlyList<DefinitionProblem> Validate(string json) => Validator.Validate(json, out _);

    [Fact]
    public void Validate_ValidDefinition_ReportsNothing()
    {
        var problems = Validate(Valid);

        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_UnknownActivityType_ReportsTypeWithActivity()
    {
        var problems = Validate(FiveProblems);

        var problem = Assert.Single(problems, p => p.Code == "unknown-activity-type");
        Assert.Equal("activities[beam].type", problem.Path);
        Assert.Equal("beam", problem.ActivityId);
    }

    [Fact]
    public void Validate_ConnectionToMissingActivity_ReportsTarget()
    {
        var problems = Validate(FiveProblems);

        var problem = Assert.Single(problems, p => p.Code == "missing-activity");
        Assert.Equal("connections[1].target", problem.Path);
        Assert.Equal("ghost", problem.ActivityId);
    }

    [Fact]
    public void Validate_MissingSourcePort_ReportsPortWithActivity()
    {
        var problems = Validate(FiveProblems);

        var problem = Assert.Single(problems, p => p.Code == "missing-port");
        Assert.Equal("connections[2].sourcePort", problem.Path);
        Assert.Equal("broken", problem.ActivityId);
        Assert.Contains("Maybe", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingRequiredInput_ReportsActivityAndInput()
    {
        var problems = Validate(FiveProblems);

        var problem = Assert.Single(problems, p => p.Code == "required");
        Assert.Equal("activities[noCondition].inputs.condition", problem.Path);
        Assert.Equal("noCondition", problem.ActivityId);
        Assert.Equal("condition", problem.Input);
    }

    [Fact]
    public void Validate_InputOptions_DefaultOutsideThemAndOptionsOnANumber_AreReportedAtTheirPlace()
    {
        var problems = Validate("""
            {
              "id": "options",
              "inputs": [
                { "name": "tieRule", "type": "text", "default": "coin", "options": [ { "value": "lots" }, { "value": "staff" } ] },
                { "name": "seats", "type": "number", "options": [ { "value": "1" } ] },
                { "name": "twice", "type": "text", "options": [ { "value": "a" }, { "value": "a" } ] },
                { "name": "fine", "type": "text", "default": "lots", "options": [ { "value": "lots" } ] }
              ],
              "activities": [ { "id": "start", "type": "Start" }, { "id": "end", "type": "End" } ],
              "connections": [ { "source": "start", "target": "end" } ]
            }
            """);

        Assert.Equal(
            [("inputs[0].default", "default-not-an-option"), ("inputs[1].options", "options-need-text"), ("inputs[2].options", "duplicate-option")],
            problems.Select(p => (p.Path, p.Code)).Order());
    }

    [Fact]
    public void Validate_InputPicker_OnANumberOrBesideOptions_IsReportedAtThePicker()
    {
        var problems = Validate("""
            {
              "id": "pickers",
              "inputs": [
                { "name": "building", "type": "text", "picker": "buildingGroup" },
                { "name": "people", "type": "json", "picker": "person" },
                { "name": "count", "type": "number", "picker": "person" },
                { "name": "unit", "type": "text", "picker": "organisation", "options": [ { "value": "a" } ] }
              ],
              "activities": [ { "id": "start", "type": "Start" }, { "id": "end", "type": "End" } ],
              "connections": [ { "source": "start", "target": "end" } ]
            }
            """);

        Assert.Equal([("inputs[2].picker", "picker-needs-text"), ("inputs[3].picker", "picker-needs-text")], problems.Select(p => (p.Path, p.Code)).Order());
    }

    [Fact]
    public void Check_TemplateWithAnUnclosedBlock_IsAnError()
    {
        var problems = new Deliberation.Integrations.Scripting.ScribanScriptEvaluator().Check("请就“{{ input.topic }}”发表意见，截止 {{ input.deadline", Deliberation.Engine.Expressions.ScriptMode.Template);

        var problem = Assert.Single(problems);
        Assert.Equal((1, 30), (problem.Line, problem.Column));
    }

    [Fact]
    public void Validate_ScribanSyntaxError_ReportsActivityAndInput()
    {
        var problems = Validate(FiveProblems);

        var problem = Assert.Single(problems, p => p.Code == "script-error");
        Assert.Equal("activities[broken].inputs.condition", problem.Path);
        Assert.Equal("broken", problem.ActivityId);
        Assert.Equal("condition", problem.Input);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAllAtOnce()
    {
        var problems = Validate(FiveProblems);

        Assert.Equal(["missing-activity", "missing-port", "required", "script-error", "unknown-activity-type"],
            problems.Select(p => p.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_SwitchCaseWithSyntaxError_ReportsTheCase()
    {
        var problems = Validate("""
            {
              "id": "bad-case",
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "route", "type": "Switch", "inputs": { "cases": { "type": "literal", "value": [
                    { "port": "ok", "condition": "input.n > 1" },
                    { "port": "bad", "condition": "input.n >" } ] } } }
              ],
              "connections": [ { "source": "start", "target": "route" } ]
            }
            """);

        var problem = Assert.Single(problems);
        Assert.Equal("activities[route].inputs.cases[bad]", problem.Path);
        Assert.Equal("cases", problem.Input);
    }

    [Fact]
    public void Validate_UndeclaredResultVariable_ReportsInput()
    {
        var problems = Validate("""
            {
              "id": "undeclared",
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "ask", "type": "WaitForSignal", "inputs": {
                    "signal": { "type": "literal", "value": "answer" },
                    "resultVariable": { "type": "literal", "value": "answer" } } }
              ],
              "connections": [ { "source": "start", "target": "ask" } ]
            }
            """);

        var problem = Assert.Single(problems);
        Assert.Equal(("unknown-variable", "ask", "resultVariable"), (problem.Code, problem.ActivityId, problem.Input));
    }

    [Fact]
    public void Validate_AnotherRoundLoop_ThatSetsAndReadsAVariable_ReportsNothing()
    {
        // As a designer user draws "another round": wait for the vote, count the round, go back while it failed and rounds remain.
        var problems = Validate("""
            {
              "id": "rounds",
              "variables": [ { "name": "round", "default": 0 } ],
              "activities": [
                { "id": "start", "type": "Start" },
                { "id": "vote", "type": "WaitForSignal", "inputs": { "signal": { "type": "literal", "value": "vote-closed" } } },
                { "id": "count", "type": "SetVariable", "inputs": {
                    "variable": { "type": "literal", "value": "round" },
                    "value": { "type": "scriban", "value": "vars.round + 1" } } },
                { "id": "again", "type": "If", "inputs": { "condition": { "type": "scriban", "value": "!output.vote.passed && vars.round < 3" } } },
                { "id": "end", "type": "End" }
              ],
              "connections": [
                { "source": "start", "target": "vote" },
                { "source": "vote", "sourcePort": "Received", "target": "count" },
                { "source": "count", "sourcePort": "Done", "target": "again" },
                { "source": "again", "sourcePort": "True", "target": "vote" },
                { "source": "again", "sourcePort": "False", "target": "end" }
              ]
            }
            """);

        Assert.Empty(problems);
    }

    [Fact]
    public void Validate_MalformedJson_ReportsPosition()
    {
        var problems = Validate("{ \"id\": \"x\", \"activities\": [ }");

        var problem = Assert.Single(problems);
        Assert.Equal("malformed-json", problem.Code);
        Assert.StartsWith("line 1", problem.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveDraftAsync_InvalidDefinition_ThrowsInvalidWithEveryProblemAndStoresNothing()
    {
        await using var engine = await TestEngine.CreateAsync();

        var ex = await Assert.ThrowsAsync<WorkflowException>(() => engine.Definitions.SaveDraftAsync(FiveProblems, null, CancellationToken.None));

        Assert.Equal(WorkflowErrorKind.Invalid, ex.Kind);
        Assert.Equal(5, ex.Problems!.Count);
        Assert.Contains("activities[noCondition].inputs.condition", ex.Errors!.Keys);
        Assert.Null(await engine.DefinitionStore.GetLatestAsync("five-problems", CancellationToken.None));
    }
}
