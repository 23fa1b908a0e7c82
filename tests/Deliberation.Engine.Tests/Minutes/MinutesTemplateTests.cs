using System.Text.Json.Nodes;
using Deliberation.Engine.Expressions;
using Deliberation.Integrations.Scripting;

namespace Deliberation.Engine.Tests.Minutes;

[Trait("Category", "Deliberation")]
public sealed class MinutesTemplateTests : IDisposable
{
    private static readonly ScriptModel NoScope = new(
        new Dictionary<string, JsonNode?>(), new Dictionary<string, JsonNode?>(), new Dictionary<string, JsonNode?>(),
        null, null, new Dictionary<string, string?>());

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "minutes-templates-" + Guid.NewGuid().ToString("N"));

    public MinutesTemplateTests() => Directory.CreateDirectory(_scratch);

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    /// <summary>The repository's own templates folder, found from the test binaries up to the solution file.</summary>
    private static string TemplatesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Deliberation.sln")))
                return Path.Combine(dir.FullName, "workflows", "templates");
        }
        throw new InvalidOperationException("Deliberation.sln not found above " + AppContext.BaseDirectory);
    }

    private static JsonNode FullModel() => JsonNode.Parse("""
        {
          "meeting": { "name": "大龙社区加装电梯议事会", "startsAt": "2026年12月1日 18:00", "place": "大龙社区党群服务中心二楼会议室",
                       "chair": "陈书记", "recorder": "李社工" },
          "present": ["王小明", "李四", "赵六"],
          "absent": ["钱七"],
          "attending": ["张律师", "刘会计师"],
          "issue": { "caseNumber": "DALONG-2026-003", "title": "东苑1栋加装电梯", "background": "东苑1栋共有住户24户，其中老年住户11户，上下楼困难。" },
          "points": ["低层住户担心采光和噪声", "费用按楼层分摊"],
          "decision": { "rule": "two-thirds", "explanationZh": "赞成 3 票，反对 0 票。", "explanationEn": "3 yes, 0 no.", "passed": true,
                        "figures": { "eligible": 4, "present": 3, "yes": 3, "no": 0, "abstentions": 0, "blocks": 0, "standAsides": 0 } },
          "dissent": [{ "name": "李四", "reason": "担心一楼采光" }],
          "resolutions": ["同意东苑1栋加装电梯"],
          "actions": [{ "party": "物业公司", "task": "联系施工单位出具方案", "due": "2026年12月31日" }],
          "funding": ["住户按楼层分摊", "社区微创投"],
          "notice": { "plan": "决议在1栋楼道公示7日" },
          "followUp": { "plan": "竣工后一个月内入户回访" }
        }
        """)!;

    private static JsonNode EmptyListsModel()
    {
        var model = FullModel();
        foreach (var list in new[] { "absent", "attending", "points", "dissent", "resolutions", "actions", "funding" })
            model[list] = new JsonArray();
        return model;
    }

    private static Task<string> RenderAsync(string template, JsonNode model) =>
        new FileTemplateRenderer(TemplatesFolder()).RenderAsync(template, model, NoScope, CancellationToken.None);

    [Fact]
    public async Task RenderAsync_ChineseTemplateWithFullModel_WritesTheFormalSections()
    {
        var text = await RenderAsync("minutes.zh-CN.scriban", FullModel());

        Assert.StartsWith("# 大龙社区加装电梯议事会会议纪要\n", text, StringComparison.Ordinal);
        Assert.Contains("案件编号：DALONG-2026-003", text, StringComparison.Ordinal);
        Assert.Contains("## 一、会议基本情况", text, StringComparison.Ordinal);
        Assert.Contains("- 会议时间：2026年12月1日 18:00（北京时间）", text, StringComparison.Ordinal);
        Assert.Contains("- 出席人员：王小明、李四、赵六\n", text, StringComparison.Ordinal);
        Assert.Contains("- 列席人员：张律师、刘会计师\n", text, StringComparison.Ordinal);
        Assert.Contains("## 四、讨论要点\n\n- 低层住户担心采光和噪声\n- 费用按楼层分摊\n\n## 五、表决情况", text, StringComparison.Ordinal);
        Assert.Contains("- 表决规则：三分之二多数通过\n", text, StringComparison.Ordinal);
        Assert.Contains("应参加表决 4 人，实际参加 3 人；赞成 3 票，反对 0 票", text, StringComparison.Ordinal);
        Assert.Contains("- 表决结果：通过\n", text, StringComparison.Ordinal);
        Assert.Contains("- 李四：担心一楼采光\n", text, StringComparison.Ordinal);
        Assert.Contains("- 物业公司：联系施工单位出具方案（完成时限：2026年12月31日）\n", text, StringComparison.Ordinal);
        Assert.Contains("- 社区微创投\n", text, StringComparison.Ordinal);
        Assert.Contains("## 十、公示及回访安排\n\n- 公示安排：决议在1栋楼道公示7日\n- 回访安排：竣工后一个月内入户回访", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_EnglishTemplateWithFullModel_WritesTheSections()
    {
        var text = await RenderAsync("minutes.en.scriban", FullModel());

        Assert.StartsWith("# Minutes: 大龙社区加装电梯议事会\n", text, StringComparison.Ordinal);
        Assert.Contains("- Time: 2026年12月1日 18:00 (Beijing time)\n", text, StringComparison.Ordinal);
        Assert.Contains("- Attending without a vote: 张律师, 刘会计师\n", text, StringComparison.Ordinal);
        Assert.Contains("- Decision rule: Two-thirds majority\n", text, StringComparison.Ordinal);
        Assert.Contains("- Count: 3 yes, 0 no.\n", text, StringComparison.Ordinal);
        Assert.Contains("- Result: Passed\n", text, StringComparison.Ordinal);
        Assert.Contains("- 物业公司: 联系施工单位出具方案 (due: 2026年12月31日)\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("minutes.zh-CN.scriban", "- 缺席人员：无\n", "## 六、不同意见及理由\n\n无。\n\n## 七、决议事项\n\n无。\n\n## 八、责任分工\n\n无。\n\n## 九、资金来源\n\n无。\n")]
    [InlineData("minutes.en.scriban", "- Absent: None\n", "## 6. Dissent and reasons\n\nNone.\n\n## 7. Resolutions\n\nNone.\n\n## 8. Responsibilities\n\nNone.\n\n## 9. Funding\n\nNone.\n")]
    public async Task RenderAsync_EmptyLists_WriteNoneLines(string template, string absentLine, string emptySections)
    {
        var text = await RenderAsync(template, EmptyListsModel());

        Assert.Contains(absentLine, text, StringComparison.Ordinal);
        Assert.Contains(emptySections, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_MissingListsFiguresAndUnknownRule_WritesNoneAndTheRuleAsGiven()
    {
        var model = FullModel().AsObject();
        foreach (var list in new[] { "present", "absent", "attending", "points", "dissent", "resolutions", "actions", "funding" })
            model.Remove(list);
        model["decision"]!.AsObject().Remove("figures");
        model["decision"]!["rule"] = "业主大会表决";

        var text = await RenderAsync("minutes.zh-CN.scriban", model);

        Assert.Contains("- 出席人员：无\n", text, StringComparison.Ordinal);
        Assert.Contains("## 四、讨论要点\n\n无。\n", text, StringComparison.Ordinal);
        Assert.Contains("- 表决规则：业主大会表决\n- 计票说明：", text, StringComparison.Ordinal);
        Assert.DoesNotContain("应参加表决", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("minutes.zh-CN.scriban", "- 决议当事各方：园林物业公司、园林小区业委会\n", "- 同意东苑1栋加装电梯（当事方：园林物业公司、园林小区业委会）\n- 费用按楼层分摊\n")]
    [InlineData("minutes.en.scriban", "- Parties to the resolutions: 园林物业公司, 园林小区业委会\n", "- 同意东苑1栋加装电梯 (parties: 园林物业公司, 园林小区业委会)\n- 费用按楼层分摊\n")]
    public async Task RenderAsync_ResolutionParties_NamesEachResolutionsOrganisationsAndAllOfThemOnce(string template, string partiesLine, string resolutions)
    {
        var model = FullModel();
        model["resolutions"] = new JsonArray("同意东苑1栋加装电梯", "费用按楼层分摊");
        model["resolutionParties"] = new JsonArray(new JsonArray("园林物业公司", "园林小区业委会"), new JsonArray());
        model["parties"] = new JsonArray("园林物业公司", "园林小区业委会");

        var text = await RenderAsync(template, model);

        Assert.Contains(partiesLine, text, StringComparison.Ordinal);
        Assert.Contains(resolutions, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_WithoutParties_WritesTheResolutionsAlone()
    {
        var text = await RenderAsync("minutes.zh-CN.scriban", FullModel());

        Assert.Contains("## 七、决议事项\n\n- 同意东苑1栋加装电梯\n\n## 八", text, StringComparison.Ordinal);
        Assert.DoesNotContain("当事", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_SyntaxError_ThrowsScriptEvaluationException()
    {
        await File.WriteAllTextAsync(Path.Combine(_scratch, "broken.scriban"), "{{ for point in model.points }}- {{ point }}\n");

        await Assert.ThrowsAsync<ScriptEvaluationException>(() =>
            new FileTemplateRenderer(_scratch).RenderAsync("broken.scriban", FullModel(), NoScope, CancellationToken.None));
    }

    [Fact]
    public async Task RenderAsync_UnclosedBlock_ThrowsInsteadOfPrintingTheCode()
    {
        await File.WriteAllTextAsync(Path.Combine(_scratch, "cut.scriban"), "# {{ model.meeting.name }}会议纪要\n主持人：{{ model.meeting.chair");

        var error = await Assert.ThrowsAsync<ScriptEvaluationException>(() =>
            new FileTemplateRenderer(_scratch).RenderAsync("cut.scriban", FullModel(), NoScope, CancellationToken.None));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_EndlessLoop_ThrowsScriptEvaluationException()
    {
        await File.WriteAllTextAsync(Path.Combine(_scratch, "endless.scriban"), "{{ while true }}x{{ end }}");

        await Assert.ThrowsAsync<ScriptEvaluationException>(() =>
            new FileTemplateRenderer(_scratch).RenderAsync("endless.scriban", FullModel(), NoScope, CancellationToken.None));
    }
}
