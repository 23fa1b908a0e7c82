using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Deliberation.Browser.Tests;

/// <summary>
/// One host process and one Chromium for every browser test, with a community (大龙社区: 1栋 with three
/// households, 2栋 with one, a staff account and a building head) and a second community whose deliberation
/// the staff must not see. Groups of more than two households elect their representatives.
/// </summary>
public sealed class BrowserWorld : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string AdminEmail = "admin@browser.test";
    public const string Password = "correct-horse-battery";
    public const string StaffEmail = "li@browser.test";
    public const string HeadEmail = "wang@browser.test";

    private readonly string _dataPath = TestPaths.NewTempFolder();
    private IPlaywright? _playwright;

    public HostProcess Host { get; private set; } = null!;

    /// <summary>The host's data folder (its mail pickup folder holds the emails sent).</summary>
    public string DataPath => _dataPath;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Signed in as the administrator with a bearer token (no anti-forgery token needed).</summary>
    public HttpClient Admin { get; private set; } = null!;

    public string CommunityId { get; private set; } = "";

    public string OtherCommunityId { get; private set; } = "";

    public IReadOnlyDictionary<string, string> Buildings { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        // A missing browser is a broken machine, not a reason to skip: test.sh installs Debian's chromium.
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}. Run ./test.sh (it installs Debian's chromium and fonts-wqy-zenhei) or apt-get install chromium.");
        var webRoot = Path.Combine(Path.GetDirectoryName(TestPaths.HostAssembly)!, "wwwroot", "index.html");
        if (!File.Exists(webRoot)) throw new FileNotFoundException("The staff UI is not built into the host's wwwroot (the Host project's DesignerBuild target).", webRoot);
        Host = await HostProcess.StartAsync(_dataPath, new Dictionary<string, string>
        {
            ["Deliberation:Auth:AdminEmail"] = AdminEmail,
            ["Deliberation:Auth:AdminPassword"] = Password,
            // Every page signs in from the same loopback address, far more often than a person would.
            ["Deliberation:Auth:SignInsPerMinute"] = "100000",
            ["Deliberation:Auth:FailuresPerAccount"] = "100000",
            // And opens answer pages from it far more often than anyone would.
            ["Deliberation:Links:RequestsPerMinute"] = "100000",
            // 1栋's three households then elect a representative, so a launched deliberation waits in step 2.
            ["Deliberation:Elections:DirectParticipationMaxHouseholds"] = "2",
            // A building of more than four households in several entrances elects by entrance first (the whole-UI test's 1栋: six in two).
            ["Deliberation:Elections:LayerByEntranceAboveHouseholds"] = "4",
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
        Admin = new HttpClient { BaseAddress = Host.Address, Timeout = TimeSpan.FromSeconds(30) };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(AdminEmail));
        await SeedAsync();
    }

    /// <summary>A fresh browser context (its own cookies) at the host's address.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 860, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Presses 发起 on the launch page and waits for the server's answer to the launch (it runs the workflow's first step,
    /// slower on a busy machine): what the page then shows is that answer's.
    /// </summary>
    public static Task LaunchAsync(IPage page) => page.RunAndWaitForResponseAsync(
        () => page.GetByRole(AriaRole.Button, new() { Name = "发起", Exact = true }).ClickAsync(),
        r => r.Request.Method == "POST" && r.Url.EndsWith("/anchor", StringComparison.Ordinal));

    /// <summary>A resident opens an answer link on a phone, ticks the option and sends the answer.</summary>
    public async Task AnswerByLinkAsync(string link, string option)
    {
        var phone = await NewPageAsync(390, 844, phone: true);
        await phone.GotoAsync(link);
        await phone.Locator("label.option", new() { HasText = option }).First.ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交答复" }).ClickAsync();
        await Assertions.Expect(phone.Locator("body")).ToContainTextAsync("已记录您的答复");
        await phone.Context.CloseAsync();
    }

    /// <summary>Signs in through the sign-in page and waits until the app shows the account.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await SubmitSignInAsync(page, email, Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).WaitForAsync();
    }

    /// <summary>Fills in and submits the sign-in form.</summary>
    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestPaths.Screenshots, name + ".png"), FullPage = true });

    public async Task<string> TokenAsync(string email)
    {
        using var anonymous = new HttpClient { BaseAddress = Host.Address };
        var response = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = Password, useCookies = false });
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
    }

    public async Task<JsonObject> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await Admin.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Starts the sample workflow in a community: it waits at its activity "wait" for the signal "answer".</summary>
    public async Task<string> StartSampleAsync(string communityId)
    {
        var started = await PostAsync("/api/instances", new
        {
            definitionId = "sample-reminder",
            communityId,
            input = new { email = "resident@example.com", topic = "5号楼加装电梯", remindAfter = "1d" },
        });
        return (string)started["instanceId"]!;
    }

    /// <summary>
    /// Registers an issue of one building and launches fanshi-youjiqing on it through the API, with no public-notice
    /// period and no quiet hours (plus <paramref name="input"/>); returns once the workflow waits for the meeting plan
    /// (step 3). A building of one or two households takes part directly, so this takes seconds.
    /// </summary>
    public Task<(string InstanceId, string CaseId)> DeliberationAwaitingPlanAsync(string title, string building, string? description = null,
        JsonObject? input = null) => DeliberationAwaitingAsync(title, building, "awaitPlan", input, description);

    /// <summary>
    /// Registers an issue of one building and launches fanshi-youjiqing on it as <see cref="DeliberationAwaitingPlanAsync"/>
    /// does; returns once the workflow waits in the activity <paramref name="activityId"/> (e.g. nominations, for 1栋's election).
    /// </summary>
    public async Task<(string InstanceId, string CaseId)> DeliberationAwaitingAsync(string title, string building, string activityId, JsonObject? input = null,
        string? description = null)
    {
        var api = $"/api/communities/{CommunityId}";
        var complaint = await PostAsync($"{api}/complaints", new
        {
            categoryCode = "security", title, description = description ?? title, severity = 3, urgency = 3, reporterCount = 1,
            buildingGroupIds = new[] { Buildings[building] }, householdIds = Array.Empty<string>(), reporterPersonIds = Array.Empty<string>(),
        });
        var inputs = new JsonObject { ["noticePeriod"] = "0s", ["minutesConfirmation"] = "0s", ["quietHours"] = "00:00-00:00" };
        foreach (var (name, value) in input ?? []) inputs[name] = value?.DeepClone();
        var anchored = await PostAsync($"{api}/complaints/{(string)complaint["complaint"]!["id"]!}/anchor", new { input = inputs }, HttpStatusCode.OK);
        var instanceId = (string)anchored["instance"]!["instanceId"]!;
        var caseNumber = (string)anchored["complaint"]!["caseNumber"]!;
        var caseId = (string)(await Admin.GetFromJsonAsync<JsonArray>($"{api}/cases?caseNumber={Uri.EscapeDataString(caseNumber)}"))![0]!["id"]!;
        await UntilAsync(async () => (await Admin.GetStringAsync($"/api/instances/{instanceId}")).Contains($"\"{activityId}\"", StringComparison.Ordinal),
            $"the deliberation {caseNumber} waiting in {activityId}");
        return (instanceId, caseId);
    }

    /// <summary>
    /// Polls what the host or the page shows (every 250 ms, at most 90 s) until the condition holds; on timeout fails
    /// with what it waited for and, when given, the state that explains it.
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, Func<Task<string>>? state = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out: {what}." + (state is null ? "" : $" State: {await state()}"));
            await Task.Delay(250);
        }
    }

    private async Task SeedAsync()
    {
        CommunityId = (string)(await PostAsync("/api/communities", new { code = "dalong", name = "大龙社区" }))["id"]!;
        OtherCommunityId = (string)(await PostAsync("/api/communities", new { code = "xiwan", name = "西湾社区" }))["id"]!;
        foreach (var precinct in new[] { "东苑", "西苑" })
            await PostAsync($"/api/communities/{CommunityId}/precincts", new { name = precinct });
        var buildings = new Dictionary<string, string>();
        foreach (var (name, precinct) in new[] { ("1栋", "东苑"), ("2栋", "西苑") })
            buildings[name] = (string)(await PostAsync($"/api/communities/{CommunityId}/building-groups", new { precinctName = precinct, name }))["id"]!;
        Buildings = buildings;
        var roster = "网格,楼栋,房号,建筑面积,姓名,角色,邮箱,电话,户代表\r\n" +
            "东苑,1栋,101,80,王楼长,居民、楼长,wang.home@example.com,,是\r\n" +
            "东苑,1栋,102,80,张一,,zhang@example.com,,是\r\n" +
            "东苑,1栋,201,80,李二,,,,是\r\n" +
            "西苑,2栋,301,75,欧阳楼长,居民、楼长,ouyang@example.com,,是\r\n" +
            ",,,,赵经理,物业,,,\r\n" +
            ",,,,钱律师,律师,,,\r\n";
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(roster));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "roster.csv");
            var import = await Admin.PostAsync($"/api/communities/{CommunityId}/roster/import", form);
            Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        }
        var people = (await Admin.GetFromJsonAsync<JsonObject>($"/api/communities/{CommunityId}/people?take=500"))!["items"]!.AsArray();
        People = people.ToDictionary(p => (string)p!["name"]!, p => (string)p!["id"]!);
        await PostAsync("/api/users", new { email = StaffEmail, displayName = "李主任", password = Password, roles = new[] { "CommitteeStaff" }, communityIds = new[] { CommunityId } });
        // The building head's account is 王楼长 of the roster (1栋): a head logs complaints for their own buildings.
        await PostAsync("/api/users", new { email = HeadEmail, displayName = "王楼长", password = Password, roles = new[] { "BuildingHead" }, communityIds = new[] { CommunityId },
            personId = People["王楼长"] });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Admin?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
            // The host's log beside the screenshots: what explains a failed test after the run.
            await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(TestPaths.Screenshots)!, "host.log"), Host.Output);
        }
        try { Directory.Delete(_dataPath, recursive: true); } catch (IOException) { /* best effort */ }
    }
}

/// <summary>Every browser test class shares one host and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserWorld>
{
    public const string Name = "Browser";
}
