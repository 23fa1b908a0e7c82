using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deliberation.Engine.Storage;
using Deliberation.Integrations.Mail;
using Deliberation.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Data.Sqlite;
using MimeKit;

namespace Deliberation.Benchmarks.Ballot;

/// <summary>
/// A community-wide household ballot at Dalong's size against the real host process (SQLite, a real SMTP server on
/// loopback): the layer-1 elections of every precinct (逐层推选: each building group's households elect their delegate),
/// measured in three parts, each against a baseline from the same run — opening the ballots (a task and a queued email per
/// household), the outbox handing the emails to SMTP, and the households answering through their links — then the tally.
/// </summary>
internal sealed partial class BallotBenchmark(BallotOptions options, string folder)
{
    private const string AdminEmail = "admin@bench.local", AdminPassword = "correct-horse-battery";
    private const double SmtpRatioTarget = 0.8, TallyTargetMs = 100;

    /// <summary>Messages per SMTP connection in the plain loop: the host outbox's batch, so that both could reuse a connection as long.</summary>
    private const int BaselineMessagesPerConnection = 50;

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Runs the benchmark with the arguments after <c>ballot</c>.</summary>
    public static async Task RunAsync(string[] args)
    {
        var options = BallotOptions.Parse(args);
        var folder = Path.Combine(Path.GetTempPath(), "deliberation-ballot-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await new BallotBenchmark(options, folder).RunAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (options.Keep) Console.WriteLine($"kept {folder}");
            else Directory.Delete(folder, recursive: true);
        }
    }

    private async Task RunAsync()
    {
        var n = options.Households;
        Console.WriteLine("Deliberation community-wide ballot benchmark");
        Console.WriteLine($"  {Environment.ProcessorCount} cores, .NET {Environment.Version}; {n} households, {options.Clients} answer clients; folder {folder}");

        await using var smtp = await LoopbackSmtpServer.StartAsync(folder);
        var data = Path.Combine(folder, "host-data");
        Directory.CreateDirectory(data);
        await using var host = await HostProcess.StartAsync(data, HostSettings(smtp.Port));
        Log($"host on {host.Address} (SQLite in {data}), SMTP (aiosmtpd) on 127.0.0.1:{smtp.Port}");
        using var staff = host.CreateAnonymousClient();
        staff.Timeout = TimeSpan.FromMinutes(5);
        await SignInAsync(staff);

        // Setup, not measured: the roster through the import, a case, one affected group per precinct (layered), layer 1 opened
        // (nomination invitations: a task and an email per household), two candidates per building group entered by staff.
        var code = "dalong-" + Guid.NewGuid().ToString("N")[..6];
        var community = (string)(await PostAsync(staff, "/api/communities", new { code, name = "大龙社区" }))["id"]!;
        var api = $"/api/communities/{community}";
        var (csv, buildings, people) = DalongRoster.Write(n, i => string.Create(CultureInfo.InvariantCulture, $"household{i + 1:D5}@dalong.test"));
        var precinctCount = buildings.Select(b => b.Precinct).Distinct().Count();
        foreach (var precinct in buildings.Select(b => b.Precinct).Distinct()) await PostAsync(staff, $"{api}/precincts", new { name = precinct });
        foreach (var (precinct, compound, name) in buildings) await PostAsync(staff, $"{api}/building-groups", new { precinctName = precinct, name, compound });
        var watch = Stopwatch.StartNew();
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(csv);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "roster.csv");
            var imported = await SendAsync(staff, HttpMethod.Post, $"{api}/roster/import", form);
            Log($"roster imported: {imported["householdsAdded"]} households, {imported["peopleAdded"]} people ({buildings.Count} building groups, {precinctCount} precincts, {csv.Length / 1024} KB CSV) in {watch.Elapsed.TotalSeconds:F1} s");
            if ((int)imported["householdsAdded"]! != n || (int)imported["peopleAdded"]! != people) throw new InvalidOperationException("The roster import added other counts.");
        }
        var caseId = (string)(await PostAsync(staff, $"{api}/cases", new { title = "全社区推选楼栋代表（加装电梯与监控盲区改造）", caseNumber = "DL-BENCH-" + code[^6..] }))["id"]!;
        var precincts = (await GetAsync(staff, $"{api}/precincts")).AsArray();
        var groups = new List<string>();
        foreach (var precinct in precincts)
        {
            var group = await PostAsync(staff, $"{api}/cases/{caseId}/groups", new { kind = "precinct", precinctId = (string)precinct!["id"]! });
            if ((string)group["mode"]! != "layered") throw new InvalidOperationException($"Precinct group {(string)group["name"]!} takes part as {(string)group["mode"]!}, not layered.");
            groups.Add((string)group["id"]!);
        }
        var now = DateTimeOffset.UtcNow;
        var elections = new List<string>();
        watch.Restart();
        var smtpBefore = smtp.Count();
        foreach (var group in groups)
        {
            var opened = (await PostAsync(staff, $"{api}/groups/{group}/elections", new
            {
                seats = 1, nominationsCloseAt = now.AddDays(3), ballotClosesAt = now.AddDays(10), reminderBefore = "24h", tieRule = "lots",
            })).AsArray();
            elections.AddRange(opened.Select(e => (string)e!["id"]!));
        }
        var openSeconds = watch.Elapsed.TotalSeconds;
        Log($"layer 1 opened: {elections.Count} elections in {groups.Count} precinct groups, nomination invitations (a task and an email per household) in {openSeconds:F1} s");
        foreach (var election in elections)
        {
            var invited = (await GetAsync(staff, $"{api}/elections/{election}"))["nominationInvitations"]!.AsArray();
            foreach (var voter in invited.Take(2))
                await PostAsync(staff, $"{api}/elections/{election}/nominations", new { personId = (string)voter!["personId"]! });
        }
        Log($"two candidates nominated by staff in each of {elections.Count} elections");
        await WaitForMessagesAsync(smtp, smtpBefore + n, TimeSpan.FromMinutes(30), host);
        Log($"nomination emails handed to SMTP: {smtp.Count() - smtpBefore}, {watch.Elapsed.TotalSeconds:F1} s after layer 1 opened ({n / watch.Elapsed.TotalSeconds:F0}/s, while staff nominated)");
        await WaitForOutboxEmptyAsync(data, TimeSpan.FromMinutes(2));

        // 1. Open the ballots: close nominations in every election (each issues a ballot task and queues a ballot email per household
        // of its building group, in one transaction). The SMTP server is paused meanwhile, so the outbox cannot send yet and the
        // hand-off below is measured on its own.
        var smtpBallotsStart = smtp.Count();
        smtp.Pause();
        watch.Restart();
        foreach (var election in elections) await PostAsync(staff, $"{api}/elections/{election}/close-nominations", new { });
        var openBallots = watch.Elapsed.TotalSeconds;
        var (tasks, queued) = CountBallots(data);
        var baseline = RawOpenBaseline(data, Path.Combine(folder, "baseline-open.db"));
        Result(string.Create(CultureInfo.InvariantCulture,
            $"open: {tasks} ballot tasks open and {queued} ballot emails queued in {openBallots:F2} s ({tasks / openBallots:F0} ballots/s; {elections.Count} elections closed through the staff API, one transaction each) | baseline: the same rows inserted by plain SQLite in {elections.Count} transactions {baseline:F2} s | ratio baseline/host {baseline / openBallots:F2}"));
        if (tasks != n || queued != n) throw new InvalidOperationException($"Expected {n} ballot tasks and emails, found {tasks} and {queued}.");

        // 2. SMTP hand-off: the host's outbox (OutboxDispatcher + MailKit) against a plain MailKit loop to the same server.
        watch.Restart();
        smtp.Resume();
        var hostSmtp = await WaitForMessagesAsync(smtp, smtpBallotsStart + n, TimeSpan.FromMinutes(30), host);
        var ballotFiles = smtp.Files().Skip(smtpBallotsStart).Take(n).ToList();
        var messages = ballotFiles.Select(f => MimeMessage.Load(f)).ToList();
        // Nagle's 40 ms per message needs no more than a few hundred messages to show.
        var sample = messages.Take(500).ToList();
        var defaults = await PlainLoopAsync(smtp.Port, sample, BaselineMessagesPerConnection, noDelay: false);
        var plain = await PlainLoopAsync(smtp.Port, messages, BaselineMessagesPerConnection, noDelay: true);
        var perMessage = await PlainLoopAsync(smtp.Port, messages, 1, noDelay: true);
        var hostRate = n / hostSmtp;
        var plainRate = n / plain;
        var ratio = hostRate / plainRate;
        Result(string.Create(CultureInfo.InvariantCulture,
            $"smtp: host outbox handed {n} emails to SMTP in {hostSmtp:F2} s ({hostRate:F0}/s) | baseline plain MailKit loop, one connection per {BaselineMessagesPerConnection} messages, TCP_NODELAY: {plain:F2} s ({plainRate:F0}/s) | ratio host/plain {ratio:F2} (target >= {SmtpRatioTarget}) {(ratio >= SmtpRatioTarget ? "PASS" : "MISS")}"));
        Result(string.Create(CultureInfo.InvariantCulture,
            $"smtp diagnostic: plain loop with MailKit's default socket (Nagle on), one connection per {BaselineMessagesPerConnection}: {sample.Count / defaults:F0}/s ({sample.Count} messages); with TCP_NODELAY and a new connection per message: {perMessage:F2} s ({n / perMessage:F0}/s)"));

        Result(ComposeAndMarkDiagnostic(data, Path.Combine(folder, "diagnostic.db")));

        // 3. Answers through the links, as a browser: open the page (GET), post the form (POST).
        var links = messages.Select(m => LinkIn(m, host.Address)).ToList();
        var health = await HealthBaselineAsync(host, n);
        var (answerSeconds, gets, posts, failures) = await AnswerAsync(host, links);
        Result(string.Create(CultureInfo.InvariantCulture,
            $"answers: {n - failures} answers by {options.Clients} concurrent clients in {answerSeconds:F2} s ({(n - failures) / answerSeconds:F0} answers/s, each a GET of the page and a POST of the form); POST {posts.Describe()}; GET {gets.Describe()}; failures {failures} | baseline GET /health by {options.Clients} clients: {health.Rate:F0} requests/s, {health.Latency.Describe()}"));

        // The tally: staff count every election (all households voted, so before the deadline), then read the results.
        watch.Restart();
        foreach (var election in elections) await PostAsync(staff, $"{api}/elections/{election}/count", new { });
        var countSeconds = watch.Elapsed.TotalSeconds;
        var reads = new Latencies();
        var groupReads = new Latencies();
        var cast = 0;
        var votes = 0;
        for (var round = 0; round < options.TallyRounds; round++)
        {
            foreach (var election in elections)
            {
                var start = Stopwatch.GetTimestamp();
                var view = await GetAsync(staff, $"{api}/elections/{election}");
                reads.Add(Stopwatch.GetTimestamp() - start);
                if (round == 0)
                {
                    cast += (int)view["ballotsCast"]!;
                    votes += view["candidates"]!.AsArray().Sum(c => (int?)c!["votes"] ?? 0);
                }
            }
            foreach (var group in groups)
            {
                var start = Stopwatch.GetTimestamp();
                await GetAsync(staff, $"{api}/groups/{group}");
                groupReads.Add(Stopwatch.GetTimestamp() - start);
            }
        }
        var worst = reads.PercentileMs(99);
        Result(string.Create(CultureInfo.InvariantCulture,
            $"tally: {cast} ballots cast, {votes} votes counted in {elections.Count} elections (counted by staff in {countSeconds:F2} s); election result read ({reads.Count} reads) {reads.Describe()}; group read {groupReads.Describe()} (target p99 < {TallyTargetMs} ms) {(worst < TallyTargetMs ? "PASS" : "MISS")}"));
        if (cast != n - failures) throw new InvalidOperationException($"Expected {n - failures} ballots cast, the tally shows {cast}.");
    }

    private static Dictionary<string, string> HostSettings(int smtpPort) => new()
    {
        ["Deliberation:Auth:AdminEmail"] = AdminEmail,
        ["Deliberation:Auth:AdminPassword"] = AdminPassword,
        ["Deliberation:Auth:SessionLifetime"] = "1.00:00:00",
        // Every answer comes from one loopback address, far more often than the per-address limit for people allows.
        ["Deliberation:Links:RequestsPerMinute"] = "10000000",
        ["Deliberation:Mail:SmtpHost"] = "127.0.0.1",
        ["Deliberation:Mail:SmtpPort"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Deliberation:Mail:SmtpSecurity"] = "None",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private static async Task SignInAsync(HttpClient client)
    {
        var token = (string)(await PostAsync(client, "/api/auth/login", new { email = AdminEmail, password = AdminPassword, useCookies = false }))["accessToken"]!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Counts the ballot tasks and the ballot emails waiting in the outbox, read from the host's SQLite file.</summary>
    private static (int Tasks, int Queued) CountBallots(string data)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(data, "deliberation.db")};Mode=ReadOnly");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = "SELECT count(*) FROM tasks WHERE purpose = 'ballot'";
        var tasks = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        command.CommandText = "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL";
        return (tasks, Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// What plain SQLite takes for the same rows: the ballot tasks and outbox rows the host wrote (same sizes, same texts),
    /// inserted with prepared statements in as many transactions as the host committed (one per election), into a fresh file
    /// with the host's connection pragmas and the same primary keys and due-time index.
    /// </summary>
    private static double RawOpenBaseline(string data, string path)
    {
        List<(byte[] Id, byte[] Person, string Title, string Data, string Election)> tasks = [];
        List<(byte[] Id, string Payload)> outbox = [];
        using (var source = new SqliteConnection($"Data Source={Path.Combine(data, "deliberation.db")};Mode=ReadOnly"))
        {
            source.Open();
            using var command = source.CreateCommand();
            command.CommandText = "SELECT t.id, t.person_id, t.title, t.data, hex(b.election_id) FROM tasks t JOIN election_ballots b ON b.task_id = t.id WHERE t.purpose = 'ballot'";
            using (var r = command.ExecuteReader())
                while (r.Read()) tasks.Add(((byte[])r[0], (byte[])r[1], r.GetString(2), r.GetString(3), r.GetString(4)));
            command.CommandText = "SELECT id, payload FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL";
            using (var r = command.ExecuteReader())
                while (r.Read()) outbox.Add(((byte[])r[0], r.GetString(1)));
        }
        var watch = Stopwatch.StartNew();
        using var c = ResumeBenchmark.Open(path);
        using (var ddl = ResumeBenchmark.Command(c,
                   "CREATE TABLE tasks (id BLOB PRIMARY KEY, person_id BLOB NOT NULL, purpose TEXT NOT NULL, title TEXT NOT NULL, data TEXT NOT NULL, created_at INTEGER NOT NULL, closes_at INTEGER, link_version INTEGER NOT NULL);" +
                   "CREATE TABLE ballots (task_id BLOB PRIMARY KEY, election TEXT NOT NULL);" +
                   "CREATE TABLE outbox (id BLOB PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, created_at INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL, attempts INTEGER NOT NULL);" +
                   "CREATE INDEX outbox_due ON outbox (next_attempt_at);"))
            ddl.ExecuteNonQuery();
        watch.Restart();
        using var insertTask = ResumeBenchmark.Command(c, "INSERT INTO tasks VALUES ($id, $person, 'ballot', $title, $data, $at, $at, 1)");
        using var insertBallot = ResumeBenchmark.Command(c, "INSERT INTO ballots VALUES ($id, $election)");
        using var insertOutbox = ResumeBenchmark.Command(c, "INSERT INTO outbox VALUES ($id, 'email', $payload, $at, $at, 0)");
        foreach (var name in new[] { "$id", "$person", "$title", "$data", "$at" }) insertTask.Parameters.Add(new SqliteParameter(name, null));
        foreach (var name in new[] { "$id", "$election" }) insertBallot.Parameters.Add(new SqliteParameter(name, null));
        foreach (var name in new[] { "$id", "$payload", "$at" }) insertOutbox.Parameters.Add(new SqliteParameter(name, null));
        var next = 0;
        foreach (var election in tasks.GroupBy(t => t.Election))
        {
            using var tx = c.BeginTransaction();
            insertTask.Transaction = insertBallot.Transaction = insertOutbox.Transaction = tx;
            foreach (var task in election)
            {
                var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                (insertTask.Parameters[0].Value, insertTask.Parameters[1].Value, insertTask.Parameters[2].Value, insertTask.Parameters[3].Value, insertTask.Parameters[4].Value) =
                    (task.Id, task.Person, task.Title, task.Data, at);
                insertTask.ExecuteNonQuery();
                (insertBallot.Parameters[0].Value, insertBallot.Parameters[1].Value) = (task.Id, task.Election);
                insertBallot.ExecuteNonQuery();
                var message = outbox[next++ % outbox.Count];
                (insertOutbox.Parameters[0].Value, insertOutbox.Parameters[1].Value, insertOutbox.Parameters[2].Value) = (message.Id, message.Payload, at);
                insertOutbox.ExecuteNonQuery();
            }
            tx.Commit();
        }
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Sends the messages with a plain MailKit loop, opening a new connection every <paramref name="perConnection"/> messages;
    /// with <paramref name="noDelay"/> over a socket of its own with Nagle's algorithm off, else over MailKit's default socket.
    /// Each message is built in the loop from the received one's sender, recipient, subject, text and HTML, as any sender
    /// builds its MIME message (the host builds its own from the outbox row).
    /// </summary>
    private static async Task<double> PlainLoopAsync(int port, List<MimeMessage> messages, int perConnection, bool noDelay)
    {
        var parts = messages.Select(m => (From: m.From.Mailboxes.Single(), To: m.To.Mailboxes.Single(), m.Subject, m.MessageId, m.TextBody, m.HtmlBody)).ToList();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < parts.Count; i += perConnection)
        {
            using var client = new SmtpClient();
            if (noDelay)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(IPAddress.Loopback, port);
                await client.ConnectAsync(socket, "127.0.0.1", port, SecureSocketOptions.None);
            }
            else await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
            foreach (var part in parts.Skip(i).Take(perConnection))
            {
                var message = new MimeMessage { Subject = part.Subject ?? "", MessageId = "plain-" + part.MessageId };
                message.From.Add(part.From);
                message.To.Add(part.To);
                message.Body = new BodyBuilder { TextBody = part.TextBody, HtmlBody = part.HtmlBody }.ToMessageBody();
                await client.SendAsync(message);
            }
            await client.DisconnectAsync(true);
        }
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Where the host's time per message goes besides SMTP: building the MIME message from the outbox row (as the deliverer
    /// does, written to nowhere) and marking it sent (the dispatcher's UPDATE, on a copy of the database).
    /// </summary>
    private static string ComposeAndMarkDiagnostic(string data, string copy)
    {
        using (var source = new SqliteConnection($"Data Source={Path.Combine(data, "deliberation.db")};Mode=ReadOnly"))
        {
            source.Open();
            using var backup = new SqliteConnection($"Data Source={copy}");
            source.BackupDatabase(backup);
        }
        var rows = new List<OutboxMessage>();
        using (var c = ResumeBenchmark.Open(copy))
        using (var command = ResumeBenchmark.Command(c, "SELECT id, kind, payload, created_at FROM outbox ORDER BY created_at DESC LIMIT 2000"))
        using (var r = command.ExecuteReader())
            while (r.Read()) rows.Add(new OutboxMessage(new Guid((byte[])r[0]), null, r.GetString(1), r.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3))));
        var deliverer = new EmailDeliverer(new MailOptions(), Path.GetTempPath());
        var watch = Stopwatch.StartNew();
        foreach (var row in rows) deliverer.Compose(row).WriteTo(Stream.Null);
        var compose = watch.Elapsed.TotalMilliseconds / rows.Count;
        using var db = ResumeBenchmark.Open(copy);
        using var update = ResumeBenchmark.Command(db, "UPDATE outbox SET sent_at = $at, attempts = attempts + 1, lease_until = NULL, last_error = NULL WHERE id = $id");
        update.Parameters.Add(new SqliteParameter("$at", 0L));
        update.Parameters.Add(new SqliteParameter("$id", Array.Empty<byte>()));
        watch.Restart();
        foreach (var row in rows)
        {
            update.Parameters[0].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            update.Parameters[1].Value = row.Id.ToByteArray();
            update.ExecuteNonQuery();
        }
        var mark = watch.Elapsed.TotalMilliseconds / rows.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"smtp diagnostic: per message, building the MIME message from the outbox row {compose:F2} ms, marking it sent (one UPDATE, autocommit) {mark:F2} ms ({rows.Count} rows)");
    }

    /// <summary>Waits until the server has <paramref name="count"/> messages; returns the seconds waited.</summary>
    private static async Task<double> WaitForMessagesAsync(LoopbackSmtpServer smtp, int count, TimeSpan limit, HostProcess host)
    {
        var watch = Stopwatch.StartNew();
        while (smtp.Count() < count)
        {
            if (watch.Elapsed > limit) throw new TimeoutException($"The SMTP server has {smtp.Count()} of {count} messages after {limit}:\n{Tail(host.Output)}");
            await Task.Delay(10);
        }
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Waits until the host has marked every outbox message sent (the SMTP server writes the file before its reply).</summary>
    private static async Task WaitForOutboxEmptyAsync(string data, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (CountBallots(data).Queued > 0)
        {
            if (watch.Elapsed > limit) throw new TimeoutException("The outbox did not empty.");
            await Task.Delay(50);
        }
    }

    /// <summary>The answer link in a ballot email.</summary>
    private static string LinkIn(MimeMessage message, Uri host)
    {
        var text = message.TextBody ?? message.HtmlBody ?? "";
        var match = Regex.Match(text, Regex.Escape(host.ToString().TrimEnd('/')) + @"/t/[^\s""'<>]+");
        return match.Success ? match.Value : throw new InvalidOperationException($"No answer link in the email '{message.Subject}'.");
    }

    /// <summary>The floor: what a minimal request costs on the same host with the same clients.</summary>
    private async Task<(double Rate, Latencies Latency)> HealthBaselineAsync(HostProcess host, int count)
    {
        var latency = new Latencies();
        var left = count;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
        {
            using var client = host.CreateAnonymousClient();
            while (Interlocked.Decrement(ref left) >= 0)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync("/health");
                await response.Content.ReadAsByteArrayAsync();
                latency.Add(Stopwatch.GetTimestamp() - start);
                response.EnsureSuccessStatusCode();
            }
        }));
        return (count / watch.Elapsed.TotalSeconds, latency);
    }

    /// <summary>Every household answers through its link: open the page, pick a candidate from its form, post the form.</summary>
    private async Task<(double Seconds, Latencies Gets, Latencies Posts, int Failures)> AnswerAsync(HostProcess host, List<string> links)
    {
        var queue = new ConcurrentQueue<(string Link, int Index)>(links.Select((l, i) => (l, i)));
        var gets = new Latencies();
        var posts = new Latencies();
        var failures = 0;
        var firstFailure = "";
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
        {
            using var client = host.CreateAnonymousClient();
            while (queue.TryDequeue(out var item))
            {
                var start = Stopwatch.GetTimestamp();
                using var page = await client.GetAsync(item.Link);
                var html = await page.Content.ReadAsStringAsync();
                gets.Add(Stopwatch.GetTimestamp() - start);
                var fields = FormFields(html);
                var choices = ChoiceValues(html);
                if (!page.IsSuccessStatusCode || choices.Count == 0)
                {
                    if (Interlocked.Increment(ref failures) == 1) firstFailure = $"GET {(int)page.StatusCode}: {html[..Math.Min(300, html.Length)]}";
                    continue;
                }
                fields.Add(new("choice", choices[item.Index % choices.Count]));
                start = Stopwatch.GetTimestamp();
                using var answered = await client.PostAsync(item.Link, new FormUrlEncodedContent(fields));
                var body = await answered.Content.ReadAsStringAsync();
                posts.Add(Stopwatch.GetTimestamp() - start);
                if (answered.StatusCode != HttpStatusCode.OK && Interlocked.Increment(ref failures) == 1)
                    firstFailure = $"POST {(int)answered.StatusCode}: {body[..Math.Min(300, body.Length)]}";
            }
        }));
        if (failures > 0) Log($"{failures} answers failed; the first: {firstFailure}");
        return (watch.Elapsed.TotalSeconds, gets, posts, failures);
    }

    /// <summary>The fields a browser sends from the page's form besides the choice: hidden inputs and the (empty) comment.</summary>
    private static List<KeyValuePair<string, string>> FormFields(string html)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var form = FormElement().Match(html);
        if (!form.Success) return fields;
        foreach (Match input in InputElement().Matches(form.Value))
        {
            var type = Attribute(input.Value, "type") ?? "text";
            if (type == "hidden" && Attribute(input.Value, "name") is { } name) fields.Add(new(name, WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? "")));
        }
        if (TextareaElement().Match(form.Value) is { Success: true } textarea) fields.Add(new(textarea.Groups["name"].Value, ""));
        return fields;
    }

    /// <summary>The values of the form's radio buttons named <c>choice</c>.</summary>
    private static List<string> ChoiceValues(string html) =>
        InputElement().Matches(html).Select(m => m.Value)
            .Where(i => Attribute(i, "type") == "radio" && Attribute(i, "name") == "choice")
            .Select(i => WebUtility.HtmlDecode(Attribute(i, "value") ?? "")).ToList();

    private static string? Attribute(string element, string name)
    {
        var match = Regex.Match(element, $@"\s{name}=""(?<v>[^""]*)""");
        return match.Success ? match.Groups["v"].Value : null;
    }

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputElement();

    [GeneratedRegex(@"<textarea[^>]*\sname=""(?<name>[^""]+)""")]
    private static partial Regex TextareaElement();

    private static async Task<JsonNode> PostAsync(HttpClient client, string path, object body) =>
        await SendAsync(client, HttpMethod.Post, path, JsonContent.Create(body));

    private static async Task<JsonNode> GetAsync(HttpClient client, string path) => await SendAsync(client, HttpMethod.Get, path, null);

    private static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text[..Math.Min(2000, text.Length)]}");
        return JsonNode.Parse(text)!;
    }

    private static string Tail(string output) => output.Length <= 4000 ? output : output[^4000..];

    private void Log(string line) => Console.WriteLine($"  [{_clock.Elapsed.TotalSeconds,6:F1} s] {line}");

    private static void Result(string line) => Console.WriteLine(line);
}
