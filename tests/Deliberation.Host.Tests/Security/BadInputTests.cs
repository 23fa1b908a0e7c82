using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deliberation.Host.Auth;
using Deliberation.Persistence;
using Deliberation.Testing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Deliberation.Host.Tests.Security;

/// <summary>
/// A seeded generator of bad requests over every endpoint and the answer pages, as administrator, staff, building head
/// and anonymous: malformed JSON, wrong types, nulls, huge and negative numbers, long Chinese text, control characters,
/// unknown and malformed ids, multi-megabyte bodies and wrong content types. None may answer 500; every refusal is a
/// ProblemDetails with a code and a title in the request's language (the answer pages: a page in it); and the requests
/// that are bad whoever sends them change nothing in the database.
/// </summary>
[Trait("Category", "BadInput")]
public sealed partial class BadInputTests(HostFactory host, ITestOutputHelper output) : IClassFixture<HostFactory>
{
    /// <summary>The seed; set DELIBERATION_BADINPUT_SEED to replay another run.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("DELIBERATION_BADINPUT_SEED"), out var s) ? s : 20261207;

    private static readonly string LongChinese = string.Concat(Enumerable.Repeat("居民议事会关于加装电梯的意见", 4_000));
    private static readonly string[] Languages = ["zh-CN", "en"];

    private sealed record Outcome(string Request, HttpStatusCode Status, string? MediaType, string? Code, string? Title, string Language, bool MustChangeNothing);

    [Fact]
    public async Task SeededBadRequests_OverEveryEndpointAndAnswerPage_NeverAnswer500_AreCodedInTheCallersLanguage_AndChangeNothing()
    {
        var world = await TwoCommunities.CreateAsync(host);
        var random = new Random(Seed);
        var openApi = (await world.Admin.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/') is var p && (p.StartsWith("api/", StringComparison.Ordinal) || p.StartsWith("t/", StringComparison.Ordinal)))
            .Where(e => e.RoutePattern.RawText!.TrimStart('/') != "api/auth/logout") // ends the caller's session; its own tests cover it
            .ToList();
        var callers = new (string Name, HttpClient Client)[]
        {
            ("administrator", world.Admin), ("staff", world.StaffA), ("building head", world.HeadA), ("anonymous", host.CreateAnonymousClient()),
        };
        var outcomes = new List<Outcome>();
        var covered = new HashSet<string>(StringComparer.Ordinal);

        // Phase 1: requests that are bad whoever sends them. The database must be exactly as it was.
        var before = await SnapshotAsync();
        foreach (var endpoint in endpoints)
        {
            foreach (var method in Methods(endpoint))
            {
                foreach (var request in MustChangeNothing(endpoint, method, world, random))
                {
                    var (name, client) = callers[random.Next(callers.Length)];
                    outcomes.Add(await SendAsync(client, name, request, random, mustChangeNothing: true));
                    covered.Add(EndpointDeclarations.Describe(endpoint));
                }
            }
        }
        var after = await SnapshotAsync();
        var changed = before.Where(t => !after.TryGetValue(t.Key, out var hash) || hash != t.Value).Select(t => t.Key).ToList();

        // Phase 2: values the schema says are wrong, in places where the caller may act; nothing may break.
        foreach (var endpoint in endpoints)
        {
            foreach (var method in Methods(endpoint))
            {
                foreach (var request in WrongValues(endpoint, method, world, openApi, random))
                {
                    var (name, client) = callers[random.Next(3)];
                    outcomes.Add(await SendAsync(client, name, request, random, mustChangeNothing: false));
                }
            }
        }

        var failures = new List<string>();
        foreach (var o in outcomes)
        {
            var isPage = o.Request.Contains(" /t/", StringComparison.Ordinal);
            if ((int)o.Status >= 500) failures.Add($"{o.Request} → {(int)o.Status}");
            if ((int)o.Status < 400) continue;
            if (isPage)
            {
                if (o.MediaType != "text/html") failures.Add($"{o.Request} → {(int)o.Status} {o.MediaType}: an answer page refuses with a page");
                else if (!o.Title!.Contains($"<html lang=\"{o.Language}\"", StringComparison.Ordinal))
                    failures.Add($"{o.Request} → {(int)o.Status}: the page is not in {o.Language}");
                continue;
            }
            if (o.MediaType != "application/problem+json" || string.IsNullOrEmpty(o.Code))
            {
                failures.Add($"{o.Request} → {(int)o.Status} {o.MediaType}: not a coded ProblemDetails");
                continue;
            }
            var chinese = o.Title is { } t && ChineseText().IsMatch(t);
            if (o.Language == "zh-CN" && !chinese) failures.Add($"{o.Request} → {(int)o.Status} {o.Code}: title not in Chinese: {o.Title}");
            if (o.Language == "en" && (chinese || string.IsNullOrWhiteSpace(o.Title))) failures.Add($"{o.Request} → {(int)o.Status} {o.Code}: title not in English: {o.Title}");
        }
        if (changed.Count > 0) failures.Add("Changed by requests that must change nothing: " + string.Join(", ", changed));

        var uncovered = endpoints.Select(EndpointDeclarations.Describe).Where(e => !covered.Contains(e)).ToList();
        var report = $"Bad-input run (seed {Seed}): {outcomes.Count} requests ({outcomes.Count(o => o.MustChangeNothing)} that must change nothing), "
            + $"{covered.Count} of {endpoints.Count} endpoints and answer pages covered, {outcomes.Count(o => (int)o.Status >= 500)} answered 500, "
            + $"{outcomes.Count(o => (int)o.Status < 400)} accepted, {outcomes.Select(o => o.Code).Where(c => c is not null).Distinct().Count()} distinct codes, "
            + $"database snapshot of {before.Count} tables {(changed.Count == 0 ? "identical" : "CHANGED")} after the requests that must change nothing; by status: "
            + string.Join(", ", outcomes.GroupBy(o => (int)o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count()}"));
        output.WriteLine(report);
        TestPaths.Report("bad-input", report);
        Assert.True(failures.Count == 0, $"{failures.Count} failures (seed {Seed}):\n" + string.Join('\n', failures.Distinct().Take(60)));
        Assert.True(outcomes.Count >= 5_000, $"only {outcomes.Count} requests");
        Assert.Empty(uncovered);
    }

    private sealed record BadRequest(string Method, string Path, HttpContent? Content, string What);

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    private static bool TakesBody(string method) => method is "POST" or "PUT" or "PATCH";

    /// <summary>Requests that no caller may have accepted: ids that name nothing, bodies that are not what any endpoint reads.</summary>
    private static IEnumerable<BadRequest> MustChangeNothing(RouteEndpoint endpoint, string method, TwoCommunities world, Random random)
    {
        var pattern = endpoint.RoutePattern.RawText!;
        var page = pattern.TrimStart('/').StartsWith("t/", StringComparison.Ordinal);
        // Unknown ids: fresh GUIDs everywhere but the community (so the request reaches the handler); a forged link for pages.
        string Unknown() => Fill(pattern, world, _ => Guid.NewGuid().ToString(), page ? ForgedToken(random) : null);
        string Malformed(string value) => Fill(pattern, world, _ => value, value);
        // (A NUL in the path never reaches the app: the server refuses the request line itself.)
        var malformedIds = new[] { "not-a-guid", "-1", "%0d%0a", "%E4%B8%AD%E6%96%87", new string('9', 400), "..%2F..%2Fetc%2Fpasswd", "'%20OR%201=1--" };
        if (pattern.Contains('{', StringComparison.Ordinal))
            yield return new BadRequest(method, Malformed(malformedIds[random.Next(malformedIds.Length)]), TakesBody(method) ? Json("{}") : null, "malformed id");
        if (!TakesBody(method))
        {
            yield return new BadRequest(method, Unknown(), null, "unknown ids");
            yield return new BadRequest(method, Unknown() + "?skip=-5&take=99999999&status=%3Cscript%3E&from=yesterday&all=maybe&step=99", null, "bad query");
            yield break;
        }
        if (page)
        {
            foreach (var body in PageBodies(random)) yield return new BadRequest(method, Unknown(), body, "forged link");
            yield return new BadRequest(method, world.Of[world.A].TaskPath, Form(("choice", "zzz-not-an-option"), ("comment", "说明\u0000\u202e")), "real link, no such option");
            yield return new BadRequest(method, world.Of[world.A].TaskPath, Form(("choice", "a\u0000"), ("comment", LongChinese)), "real link, NUL in the choice");
            yield return new BadRequest(method, world.Of[world.A].TaskPath, Raw("--x\r\nContent-Disposition: form-data; name=\"choice\"\r\n\r\na", "multipart/form-data; boundary=x"), "real link, broken multipart");
            yield return new BadRequest(method, world.Of[world.A].TaskPath, Json("""{"choice":"a"}"""), "real link, JSON instead of a form");
            yield break;
        }
        var unknown = Unknown();
        var hasEntityId = Regex.Matches(pattern, @"\{([A-Za-z]+)").Any(m => m.Groups[1].Value != "communityId");
        yield return new BadRequest(method, unknown, Raw("{\"title\": \"半截", "application/json"), "truncated JSON");
        yield return new BadRequest(method, unknown, Raw("{'title': 1,}", "application/json"), "not JSON");
        yield return new BadRequest(method, unknown, Raw(RandomBytes(random, 64), "application/json"), "random bytes as JSON");
        yield return new BadRequest(method, unknown, Raw("<xml>议题</xml>", "application/xml"), "XML");
        yield return new BadRequest(method, unknown, Raw("title=议题", "text/plain"), "plain text");
        yield return new BadRequest(method, unknown, Raw("{}", "application/json; charset=utf-7"), "UTF-7 JSON");
        if (random.Next(8) == 0)
            yield return new BadRequest(method, unknown, Raw("{\"title\": \"" + new string('长', 3 * 1024 * 1024) + "\"", "application/json"), "3 MB of unterminated JSON");
        if (hasEntityId || Form(endpoint))
        {
            // The ids name nothing, so even a well-formed body changes nothing.
            yield return new BadRequest(method, unknown, Json("{}"), "empty object, unknown ids");
            yield return new BadRequest(method, unknown, Json("null"), "null body, unknown ids");
            yield return new BadRequest(method, unknown, Json("[]"), "array body, unknown ids");
        }
    }

    /// <summary>Bodies and queries built from the endpoint's OpenAPI schema with a wrong value in each field.</summary>
    private static IEnumerable<BadRequest> WrongValues(RouteEndpoint endpoint, string method, TwoCommunities world, JsonObject openApi, Random random)
    {
        var pattern = endpoint.RoutePattern.RawText!;
        if (pattern.TrimStart('/').StartsWith("t/", StringComparison.Ordinal)) yield break;
        var operation = Operation(openApi, pattern, method);
        var path = Fill(pattern, world, _ => Guid.NewGuid().ToString(), null);
        var query = (operation?["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).ToList();
        var schema = RequestSchema(openApi, operation);
        for (var i = 0; i < (TakesBody(method) ? 56 : 28); i++)
        {
            var q = query.Count == 0 ? "" : "?" + string.Join('&', query.Select(n => $"{n}={Uri.EscapeDataString(WrongQueryValue(random))}"));
            var body = TakesBody(method) ? Json(WrongValue(schema, openApi, random, depth: 0)?.ToJsonString() ?? "null") : null;
            yield return new BadRequest(method, path + q, body, "wrong values");
        }
    }

    private static string WrongQueryValue(Random random) => random.Next(9) switch
    {
        0 => "-1",
        1 => "99999999999999999999",
        2 => "",
        3 => "%00",
        4 => LongChinese[..2000],
        5 => "\u202e\u0007",
        6 => "true",
        7 => "2026-13-45T25:61:00",
        _ => Guid.NewGuid().ToString()[..20],
    };

    private static JsonNode? WrongValue(JsonNode? schema, JsonObject openApi, Random random, int depth)
    {
        schema = Resolve(schema, openApi);
        // OpenAPI 3.1 writes a nullable type as ["string", "null"].
        var type = schema?["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            JsonValue single => (string?)single,
            _ => null,
        } ?? (schema?["properties"] is not null ? "object" : null);
        if (type is null && schema?["oneOf"] is JsonArray one) return WrongValue(one[random.Next(one.Count)], openApi, random, depth);
        if (type is null && schema?["anyOf"] is JsonArray any) return WrongValue(any[random.Next(any.Count)], openApi, random, depth);
        // One time in five, anything at all: a null, a wrong kind of value, an extreme.
        if (random.Next(5) == 0 || depth > 3)
        {
            return random.Next(10) switch
            {
                0 => null,
                1 => 1e308,
                2 => -9_223_372_036_854_775_807L,
                3 => new JsonArray(null, null, new JsonObject()),
                4 => new JsonObject { ["$type"] = "System.IO.FileInfo", ["__proto__"] = new JsonObject() },
                5 => LongChinese,
                6 => "\u0000\u0001\u202e<script>alert(1)</script>",
                7 => false,
                8 => "{{ 1 + 1 }}",
                _ => "",
            };
        }
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                foreach (var (name, property) in schema?["properties"]?.AsObject() ?? [])
                    if (random.Next(4) != 0) result[name] = WrongValue(property, openApi, random, depth + 1);
                if (random.Next(3) == 0) result["unknownField" + random.Next(100)] = "多余的字段";
                return result;
            case "array":
                var items = new JsonArray();
                for (var i = random.Next(4); i > 0; i--) items.Add(random.Next(4) == 0 ? null : WrongValue(schema?["items"], openApi, random, depth + 1));
                if (random.Next(6) == 0) for (var i = 0; i < 5_000; i++) items.Add(i);
                return items;
            case "integer" or "number":
                return random.Next(6) switch { 0 => -1, 1 => 0, 2 => int.MaxValue, 3 => 4_294_967_296L, 4 => "12", _ => 1.5 };
            case "boolean":
                return random.Next(3) switch { 0 => "yes", 1 => 2, _ => JsonValue.Create((string?)null) };
            default:
                var format = schema?["format"] is JsonValue f ? (string?)f : null;
                return random.Next(8) switch
                {
                    0 when format == "uuid" => Guid.Empty.ToString(),
                    0 or 1 when format == "uuid" => Guid.NewGuid().ToString(),
                    0 or 1 when format == "date-time" => "2026-02-30T24:00:00",
                    2 => LongChinese,
                    3 => "  \t ",
                    4 => "王芳\u0000\u0008\u202e",
                    5 => 42,
                    6 => "[链接](javascript:alert(1)) ![图](http://evil.example/x.png)\n## 七、伪造的标题",
                    _ => "议题" + new string('x', random.Next(1, 300)),
                };
        }
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonObject openApi)
    {
        for (var i = 0; i < 5 && schema?["$ref"] is JsonValue reference; i++)
        {
            var name = ((string)reference!).Split('/')[^1];
            schema = openApi["components"]?["schemas"]?[name];
        }
        return schema;
    }

    private static JsonObject? Operation(JsonObject openApi, string pattern, string method)
    {
        var key = "/" + Regex.Replace(pattern.TrimStart('/'), @"\{([A-Za-z]+)(:[^}]*)?\}", "{$1}");
        return openApi["paths"]?[key]?[method.ToLowerInvariant()] as JsonObject;
    }

    private static JsonNode? RequestSchema(JsonObject openApi, JsonObject? operation) =>
        operation?["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema ? Resolve(schema, openApi) : new JsonObject { ["type"] = "object" };

    private static string Fill(string pattern, TwoCommunities world, Func<string, string> other, string? token)
    {
        var path = Regex.Replace(pattern, @"\{\*{0,2}([A-Za-z]+)(:[^}]*)?\}", m => m.Groups[1].Value switch
        {
            "communityId" => world.A.ToString(),
            "token" when token is not null => token,
            "version" or "index" => "1",
            var name => other(name),
        });
        return "/" + path.TrimStart('/');
    }

    private static bool Form(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;

    private static string ForgedToken(Random random) => random.Next(4) switch
    {
        0 => Convert.ToBase64String(RandomBytes(random, 48)).Replace('+', '-').Replace('/', '_').TrimEnd('='),
        1 => new string('A', 5_000),
        2 => "%0d%0a%3Cscript%3E",
        _ => "x.y.z",
    };

    private static IEnumerable<HttpContent> PageBodies(Random random)
    {
        yield return Form(("choice", "a"), ("comment", "同意"));
        yield return Raw("choice=%00&comment=%ZZ", "application/x-www-form-urlencoded");
        yield return Raw(RandomBytes(random, 200), "multipart/form-data; boundary=----broken");
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Raw(string text, string contentType) => Raw(Encoding.UTF8.GetBytes(text), contentType);

    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task<Outcome> SendAsync(HttpClient client, string caller, BadRequest bad, Random random, bool mustChangeNothing)
    {
        var language = Languages[random.Next(Languages.Length)];
        using var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Path) { Content = bad.Content };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var description = $"{caller} {bad.Method} {(bad.Path.Length > 140 ? bad.Path[..140] + "…" : bad.Path)} [{bad.What}, {language}]";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        string? code = null, title = null;
        if (mediaType == "application/problem+json")
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token);
            (code, title) = ((string?)problem?["code"], (string?)problem?["title"]);
        }
        else if (mediaType == "text/html" && (int)response.StatusCode >= 400)
        {
            title = await response.Content.ReadAsStringAsync(timeout.Token); // the page: its lang attribute is checked
        }
        return new Outcome(description, response.StatusCode, mediaType, code, title, language, mustChangeNothing);
    }

    /// <summary>A hash of every table's rows, by table.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        await using var db = host.Services.GetRequiredService<DeliberationDatabase>().CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync()) rows.Add(Row(reader));
            rows.Sort(StringComparer.Ordinal);
            hashes[table] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))));
        }
        return hashes;
    }

    private static string Row(DbDataReader reader)
    {
        var values = new string[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
            values[i] = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) is byte[] b ? Convert.ToBase64String(b) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
        return string.Join('|', values);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseText();
}
