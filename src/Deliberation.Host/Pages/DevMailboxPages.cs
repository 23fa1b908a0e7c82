using Deliberation.Host.Auth;
using Deliberation.Integrations.Mail;

namespace Deliberation.Host.Pages;

/// <summary>
/// The development mailbox: without SMTP, mail is written to the pickup folder, and these pages list it
/// (<c>GET /dev/mailbox</c>), show one message (<c>/dev/mailbox/{file}</c>), serve it raw (<c>…/raw</c>)
/// and its attachments (<c>…/attachments/{index}</c>). They exist only when SMTP is not configured, and
/// only administrators or requests from this machine see them (<see cref="DevMailboxAccessFilter"/>):
/// the messages carry live answer links. Chinese by default, <c>?lang=en</c> for English.
/// </summary>
public static class DevMailboxPages
{
    /// <summary>The mailbox's path.</summary>
    public const string Path = "/dev/mailbox";

    /// <summary>Maps the routes, unless SMTP is configured (then they do not exist and answer 404 like any unknown path).</summary>
    public static IEndpointRouteBuilder MapDevMailbox(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ServiceProvider.GetRequiredService<MailOptions>().UsesSmtp) return app;
        // Anonymous at the endpoint so that a request from this machine needs no account; the filter decides, and refuses with 404.
        var pages = app.MapGroup(Path).AllowAnonymous().ScopedBy(ScopeKind.DevelopmentOnly).ExcludeFromDescription().AddEndpointFilter<DevMailboxAccessFilter>();
        pages.MapGet("", ListAsync);
        pages.MapGet("/{file}", ShowAsync);
        pages.MapGet("/{file}/raw", Raw);
        pages.MapGet("/{file}/attachments/{index:int}", AttachmentAsync);
        return app;
    }

    /// <summary>Lists the messages, newest first.</summary>
    public static async Task<IResult> ListAsync(string? lang, HttpContext http, PickupMailbox mailbox, CancellationToken cancellationToken)
    {
        var listing = await mailbox.ListAsync(cancellationToken);
        return Page(http, DevMailboxHtml.List(DevMailboxText.For(lang), listing));
    }

    /// <summary>Shows one message.</summary>
    public static async Task<IResult> ShowAsync(string file, string? lang, HttpContext http, PickupMailbox mailbox, CancellationToken cancellationToken)
    {
        var message = await mailbox.LoadAsync(file, cancellationToken);
        if (message is null) return TypedResults.NotFound();
        return Page(http, DevMailboxHtml.Message(DevMailboxText.For(lang), file, message, PickupMailbox.AttachmentsOf(message)));
    }

    /// <summary>Serves the .eml file as it was written.</summary>
    public static IResult Raw(string file, HttpContext http, PickupMailbox mailbox)
    {
        if (!mailbox.TryResolve(file, out var path)) return TypedResults.NotFound();
        Download(http);
        return TypedResults.PhysicalFile(path, "message/rfc822", file);
    }

    /// <summary>Serves an attachment, always as a download.</summary>
    public static async Task<IResult> AttachmentAsync(string file, int index, HttpContext http, PickupMailbox mailbox, CancellationToken cancellationToken)
    {
        var message = await mailbox.LoadAsync(file, cancellationToken);
        if (message is null || await PickupMailbox.ReadAttachmentAsync(message, index, cancellationToken) is not { } read) return TypedResults.NotFound();
        Download(http);
        return TypedResults.File(read.Content, read.Attachment.ContentType, read.Attachment.FileName);
    }

    private static IResult Page(HttpContext http, string html)
    {
        Common(http);
        // Images only inline (data:): an email's remote images would tell their sender the message was opened.
        http.Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static void Download(HttpContext http)
    {
        Common(http);
        // Whatever an attachment claims to be, it is never run or rendered as part of this site.
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
    }

    private static void Common(HttpContext http)
    {
        var headers = http.Response.Headers;
        // The messages hold live answer links: never cache them, never send the URL on as a referrer, never index.
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers.XContentTypeOptions = "nosniff";
    }
}
