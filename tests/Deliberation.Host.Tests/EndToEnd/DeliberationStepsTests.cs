namespace Deliberation.Host.Tests.EndToEnd;

/// <summary>
/// 烦事有计倾 end to end, step by step, through the API and the links in emails a real SMTP server (aiosmtpd) received,
/// on fake time with the workflow's timers pumped explicitly. Each scenario runs the steps before its own with the same
/// builder (<see cref="DeliberationScenario"/>), so a failure names the step that broke; the last runs to the closed case.
/// </summary>
[Trait("Category", "Deliberation")]
public sealed class DeliberationStepsTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private DeliberationScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await DeliberationScenario.StartAsync(smtp);

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task StepOne_ComplaintsMergedRankedAndAnchored_OnPublicNoticeThenOnToStakeholders() =>
        await _scenario.AnchorTopIssueAsync();

    [Fact]
    public async Task StepTwo_TwoLayerElectionByEmailedLinks_ElectsTheRepresentativeOfBothBuildings() =>
        await _scenario.ElectRepresentativesAsync(await _scenario.AnchorTopIssueAsync());

    [Fact]
    public async Task StepsThreeAndFour_PanelConvenedByTimePoll_DecidesByTwoThirdsAndFilesTheMinutes() =>
        await _scenario.ConveneAndFileMinutesAsync(await _scenario.ElectRepresentativesAsync(await _scenario.AnchorTopIssueAsync()));

    [Fact]
    public async Task WholeDeliberation_FromComplaintsToTheClosedCase()
    {
        var elected = await _scenario.ElectRepresentativesAsync(await _scenario.AnchorTopIssueAsync());
        await _scenario.ConveneAndFileMinutesAsync(elected);
        await _scenario.CloseCaseAsync(elected);
    }
}
