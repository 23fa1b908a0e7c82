using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;

namespace Deliberation.Host.Pages;

/// <summary>
/// Builds the answer pages: small, mobile-first, large type, no scripts and no external resources
/// (WeChat's in-app browser and slow connections), every text HTML-encoded.
/// </summary>
internal static class AnswerPageHtml
{
    // Encodes markup characters but leaves Chinese readable in the page source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;background:#fff;color:#111;font-size:20px;line-height:1.6;
          font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
        main{max-width:34rem;margin:0 auto;padding:1rem 1rem 3rem}
        header{display:flex;justify-content:space-between;align-items:center;gap:1rem;font-size:.9rem;color:#333;border-bottom:2px solid #ddd;padding-bottom:.5rem}
        a{color:#0a4a94}
        header a{display:inline-block;min-height:48px;line-height:48px;padding:0 .5rem}
        h1{font-size:1.5rem;line-height:1.35;margin:1rem 0 .5rem}
        .purpose{display:inline-block;font-size:.9rem;font-weight:bold;color:#fff;background:#333;border-radius:4px;padding:0 .5rem}
        .deadline{font-weight:bold}
        .box{border:2px solid #333;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
        .ok{border-color:#1b6e2a;background:#eef8f0}
        .warn{border-color:#8a5a00;background:#fff6e5}
        .error{border-color:#b00020;background:#fdecee;color:#7a0016;font-weight:bold}
        .box h2{font-size:1.15rem;margin:0 0 .25rem}
        .comment{white-space:pre-wrap;overflow-wrap:anywhere}
        fieldset{border:0;padding:0;margin:1rem 0}
        legend{font-weight:bold;margin-bottom:.25rem}
        .option{display:flex;align-items:center;gap:.75rem;min-height:56px;padding:.5rem .75rem;margin:.5rem 0;border:2px solid #555;border-radius:8px;background:#fff;cursor:pointer}
        .option input{width:28px;height:28px;margin:0;flex:none;accent-color:#0a4a94}
        label.field{display:block;font-weight:bold;margin:1rem 0 .25rem}
        input.number{display:block;width:8rem;min-height:56px;font:inherit;padding:.25rem .75rem;border:2px solid #555;border-radius:8px}
        input[type=file]{display:block;font:inherit;margin:.25rem 0}
        textarea{display:block;width:100%;min-height:7rem;font:inherit;color:#111;padding:.5rem .75rem;border:2px solid #555;border-radius:8px}
        button{display:block;width:100%;min-height:56px;margin:1.5rem 0 0;font:inherit;font-weight:bold;color:#fff;background:#0a4a94;border:0;border-radius:8px;cursor:pointer}
        .link-button{display:block;text-align:center;min-height:56px;line-height:56px;margin:1rem 0;font-weight:bold;border:2px solid #0a4a94;border-radius:8px;text-decoration:none}
        .note{font-size:.95rem;color:#333}
        .other{font-size:.9rem;color:#333;border-top:2px solid #ddd;margin-top:2rem;padding-top:.5rem}
        .document h2{font-size:1.2rem;text-align:center;margin:.25rem 0 .5rem}
        .document h3{font-size:1.05rem;margin:.75rem 0 .25rem}
        .document p{margin:.25rem 0;overflow-wrap:anywhere}
        .document .bullet{padding-left:1.2em;text-indent:-1.2em}
        """;

    /// <summary>The page with the form: the question, the current answer if any, and the choices.</summary>
    public static string Form(PageText t, ParticipationTask task, TaskForm form, TaskAnswer? current,
        IReadOnlyCollection<string> selected, string? comment, string? error, string? document = null)
    {
        var body = new StringBuilder();
        Heading(body, t, task, form);
        if (error is not null) body.Append("<p class=\"box error\" role=\"alert\">").Append(E(error)).Append("</p>");
        if (current is not null) Answer(body, t, form, current, t.CurrentAnswer, "box");
        if (document is not null) Document(body, t, document);

        body.Append("<form method=\"post\">");
        if (form.Options.Count > 0)
        {
            var legend = !form.Multiple ? t.ChooseOne
                : form.MaxChoices is { } most ? string.Format(System.Globalization.CultureInfo.InvariantCulture, t.ChooseAtMost, most) : t.ChooseSeveral;
            body.Append("<fieldset><legend>").Append(E(legend)).Append("</legend>");
            var (type, name) = form.Multiple ? ("checkbox", "choices") : ("radio", "choice");
            foreach (var option in form.Options)
            {
                body.Append("<label class=\"option\"><input type=\"").Append(type).Append("\" name=\"").Append(name)
                    .Append("\" value=\"").Append(E(option.Value)).Append('"');
                if (selected.Contains(option.Value)) body.Append(" checked");
                if (!form.Multiple) body.Append(" required");
                body.Append("><span>").Append(E(option.Label)).Append("</span></label>");
            }
            body.Append("</fieldset>");
        }
        if (form.AllowComment)
        {
            body.Append("<label class=\"field\" for=\"comment\">").Append(E(form.CommentRequired ? t.CommentRequired : t.CommentOptional))
                .Append("</label><textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"").Append(TaskForm.MaxCommentLength).Append('"');
            if (form.CommentRequired) body.Append(" required");
            body.Append('>').Append(E(comment ?? "")).Append("</textarea>");
        }
        body.Append("<button type=\"submit\">").Append(E(current is null ? t.Submit : t.Change)).Append("</button></form>");
        body.Append("<p class=\"note\">").Append(E(ChangeUntil(t, task))).Append("</p>");
        return Layout(t, task.Title, body, t.Help, null);
    }

    /// <summary>The progress report form: percentage, done, note and a photo (multipart, no scripts).</summary>
    public static string ProgressForm(PageText t, ParticipationTask task, TaskForm form, TaskAnswer? current, string? percent, bool done, string? note, string? error)
    {
        var body = new StringBuilder();
        Heading(body, t, task, form);
        if (error is not null) body.Append("<p class=\"box error\" role=\"alert\">").Append(E(error)).Append("</p>");
        if (current is not null) Answer(body, t, form, current, t.CurrentAnswer, "box");
        body.Append("<form method=\"post\" enctype=\"multipart/form-data\">")
            .Append("<label class=\"field\" for=\"percent\">").Append(E(t.PercentLabel)).Append("</label>")
            .Append("<input class=\"number\" id=\"percent\" name=\"percent\" type=\"number\" inputmode=\"numeric\" min=\"0\" max=\"100\" step=\"1\" value=\"")
            .Append(E(percent ?? "")).Append("\">")
            .Append("<label class=\"option\"><input type=\"checkbox\" name=\"done\" value=\"true\"").Append(done ? " checked" : "").Append("><span>")
            .Append(E(t.DoneLabel)).Append("</span></label>")
            .Append("<label class=\"field\" for=\"comment\">").Append(E(t.NoteLabel)).Append("</label><textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"")
            .Append(TaskForm.MaxCommentLength).Append("\">").Append(E(note ?? "")).Append("</textarea>")
            .Append("<label class=\"field\" for=\"photo\">").Append(E(t.PhotoLabel)).Append("</label>")
            .Append("<input id=\"photo\" name=\"photo\" type=\"file\" accept=\"image/jpeg,image/png,image/webp\">")
            .Append("<p class=\"note\">").Append(E(t.PhotoHint)).Append("</p>")
            .Append("<button type=\"submit\">").Append(E(current is null ? t.Submit : t.Change)).Append("</button></form>");
        body.Append("<p class=\"note\">").Append(E(ChangeUntil(t, task))).Append("</p>");
        return Layout(t, task.Title, body, t.Help, null);
    }

    /// <summary>After an answer was recorded: what was recorded, and until when it can change.</summary>
    public static string Confirmation(PageText t, ParticipationTask task, TaskForm form, TaskAnswer recorded)
    {
        var body = new StringBuilder();
        Heading(body, t, task, form);
        Answer(body, t, form, recorded, t.Recorded, "box ok");
        body.Append("<p>").Append(E(ChangeUntil(t, task))).Append("</p>");
        body.Append("<a class=\"link-button\" href=\"?lang=").Append(E(t.Lang)).Append("\">").Append(E(t.ChangeAgain)).Append("</a>");
        return Layout(t, t.Recorded, body, t.Help, null);
    }

    /// <summary>A closed task: what was recorded (or that nothing was), and that it can no longer change.</summary>
    public static string Closed(PageText t, ParticipationTask task, TaskForm form, TaskAnswer? current)
    {
        var body = new StringBuilder();
        Heading(body, t, task, form);
        body.Append("<p class=\"box warn\"><strong>").Append(E(t.ClosedFor(task.Purpose))).Append("</strong></p>");
        if (current is null) body.Append("<p class=\"box\">").Append(E(t.NothingRecorded)).Append("</p>");
        else Answer(body, t, form, current, t.RecordedAnswer, "box");
        return Layout(t, task.Title, body, t.Help, null);
    }

    /// <summary>A refused link: what is wrong and what to do, in both languages; nothing about the task.</summary>
    public static string Refused(PageText t, LinkStatus status)
    {
        var (heading, detail, other) = PageText.Refusal(status, t.IsEnglish);
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(heading)).Append("</h1><p>").Append(E(detail)).Append("</p>");
        // What to do is the point of this page, so it stands out rather than sitting in the footer.
        body.Append("<p class=\"box warn\"><strong>").Append(E(t.Help)).Append("</strong></p>");
        return Layout(t, heading, body, null, other);
    }

    /// <summary>A request that could not be handled (busy, unreadable form); nothing was recorded.</summary>
    public static string Message(PageText t, string heading, string detail)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(heading)).Append("</h1><p>").Append(E(detail)).Append("</p>");
        body.Append("<a class=\"link-button\" href=\"?lang=").Append(E(t.Lang)).Append("\">").Append(E(t.Back)).Append("</a>");
        return Layout(t, heading, body, t.Help, null);
    }

    /// <summary>
    /// A document the task is about (draft minutes), as text: the Markdown subset's title, sections and bullets shown as
    /// such, every word encoded, nothing of it a link.
    /// </summary>
    private static void Document(StringBuilder body, PageText t, string markdown)
    {
        body.Append("<section class=\"box document\" data-testid=\"document\" aria-label=\"").Append(E(t.IsEnglish ? "The text" : "全文")).Append("\">");
        foreach (var raw in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0) continue;
            var trimmed = line.TrimStart();
            var (open, close, text) = line switch
            {
                _ when line.StartsWith("# ", StringComparison.Ordinal) => ("<h2>", "</h2>", line[2..]),
                _ when line.StartsWith("## ", StringComparison.Ordinal) => ("<h3>", "</h3>", line[3..]),
                _ when trimmed.StartsWith("- ", StringComparison.Ordinal) => ("<p class=\"bullet\">• ", "</p>", trimmed[2..]),
                _ => ("<p>", "</p>", line),
            };
            body.Append(open).Append(E(Deliberation.Civic.Minutes.MarkdownText.Unescape(text))).Append(close);
        }
        body.Append("</section>");
    }

    private static void Heading(StringBuilder body, PageText t, ParticipationTask task, TaskForm form)
    {
        body.Append("<p><span class=\"purpose\">").Append(E(t.Purpose(task.Purpose))).Append("</span></p>");
        body.Append("<h1>").Append(E(task.Title)).Append("</h1>");
        if (form.Description is { } description) body.Append("<p class=\"comment\">").Append(E(description)).Append("</p>");
        if (task.ClosesAt is { } closes)
            body.Append("<p class=\"deadline\">").Append(E(string.Format(System.Globalization.CultureInfo.InvariantCulture, t.DeadlineFormat, t.Date(closes)))).Append("</p>");
    }

    private static void Answer(StringBuilder body, PageText t, TaskForm form, TaskAnswer answer, string heading, string css)
    {
        body.Append("<section class=\"").Append(css).Append("\"><h2>").Append(E(heading)).Append("</h2>");
        if (form.IsProgress && TaskForm.ProgressOf(answer.Answer) is { } progress)
        {
            body.Append("<p><strong>").Append(E(progress.Done ? t.ProgressDone
                : string.Format(System.Globalization.CultureInfo.InvariantCulture, t.ProgressFormat, progress.Percent))).Append("</strong>");
            if (progress.PhotoId is not null || answer.PhotoSha256 is not null) body.Append(' ').Append(E(t.PhotoAttached));
            body.Append("</p>");
        }
        if (form.Options.Count > 0)
        {
            var labels = form.LabelsOf(answer.Answer);
            body.Append("<p><strong>").Append(E(labels.Count == 0 ? t.NoChoice : string.Join(t.ListSeparator, labels))).Append("</strong></p>");
        }
        if (TaskForm.CommentOf(answer.Answer) is { } comment) body.Append("<p class=\"comment\">").Append(E(comment)).Append("</p>");
        if (answer.Channel is TaskChannels.Proxy or TaskChannels.Paper) body.Append("<p class=\"note\">").Append(E(t.EnteredOnBehalf)).Append("</p>");
        body.Append("</section>");
    }

    private static string ChangeUntil(PageText t, ParticipationTask task) => task.ClosesAt is { } closes
        ? string.Format(System.Globalization.CultureInfo.InvariantCulture, t.ChangeUntilDeadline, t.Date(closes))
        : t.ChangeUntilClosed;

    /// <summary>The page around the body: the header with the language switch, the help line, the other language's line.</summary>
    internal static string Layout(PageText t, string title, StringBuilder body, string? help, string? other)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html lang=\"").Append(t.Lang).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex, nofollow\"><meta name=\"referrer\" content=\"no-referrer\">")
            .Append("<meta name=\"format-detection\" content=\"telephone=no\">")
            .Append("<title>").Append(E(title)).Append(" · ").Append(E(t.SiteName)).Append("</title><style>").Append(Style).Append("</style></head><body><main>")
            .Append("<header><span>").Append(E(t.SiteName)).Append("</span><a href=\"?lang=").Append(E(t.SwitchLanguageCode)).Append("\" lang=\"")
            .Append(E(t.SwitchLanguageCode)).Append("\">").Append(E(t.SwitchLanguage)).Append("</a></header>")
            .Append(body);
        if (help is not null) html.Append("<p class=\"note\">").Append(E(help)).Append("</p>");
        if (other is not null)
            html.Append("<p class=\"other\" lang=\"").Append(t.IsEnglish ? "zh-CN" : "en").Append("\">").Append(E(other)).Append("</p>");
        html.Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>HTML-encoded text.</summary>
    internal static string E(string text) => Encoder.Encode(text);
}
