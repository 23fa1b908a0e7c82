using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Links;

/// <summary>Makes the answer-page link for a task and checks links that come back.</summary>
public sealed class AnswerLinks
{
    /// <summary>The path of answer pages, before the token.</summary>
    public const string PathPrefix = "/t/";

    private readonly LinkSigner _signer;
    private readonly SignedLinkOptions _options;
    private readonly Func<Uri> _publicBaseUrl;

    /// <summary>Creates the link maker for a fixed address.</summary>
    /// <param name="signer">Signs and checks tokens.</param>
    /// <param name="options">Validity periods.</param>
    /// <param name="publicBaseUrl">The address residents reach the host at, e.g. <c>https://yiyi.example.cn</c>.</param>
    /// <exception cref="ArgumentException">The base URL is not an absolute http(s) URL.</exception>
    public AnswerLinks(LinkSigner signer, SignedLinkOptions options, Uri publicBaseUrl)
        : this(signer, options, Checked(publicBaseUrl))
    {
    }

    /// <summary>
    /// Creates the link maker with an address read at every link made: a host that mails the address it listens on
    /// knows it only once its server has bound the port, after this was created.
    /// </summary>
    /// <param name="signer">Signs and checks tokens.</param>
    /// <param name="options">Validity periods.</param>
    /// <param name="publicBaseUrl">Gives the address residents reach the host at (an absolute http or https URL).</param>
    public AnswerLinks(LinkSigner signer, SignedLinkOptions options, Func<Uri> publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        _signer = signer;
        _options = options;
        _publicBaseUrl = publicBaseUrl;
    }

    private static Func<Uri> Checked(Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        if (!publicBaseUrl.IsAbsoluteUri || (publicBaseUrl.Scheme != Uri.UriSchemeHttp && publicBaseUrl.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"The public base URL must be an absolute http or https URL, not '{publicBaseUrl}'.", nameof(publicBaseUrl));
        return () => publicBaseUrl;
    }

    private string BaseUrl => _publicBaseUrl().GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>The signer, for checking tokens.</summary>
    public LinkSigner Signer => _signer;

    /// <summary>A page of the staff UI at the public address, e.g. <c>/deliberations/{id}</c> (staff sign in to read it).</summary>
    public string StaffPage(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>
    /// When a link made now expires: <see cref="SignedLinkOptions.ValidityAfterClose"/> after the deadline,
    /// or <see cref="SignedLinkOptions.ValidityWithoutDeadline"/> from now when the task has none.
    /// </summary>
    public DateTimeOffset ExpiryFor(ParticipationTask task, DateTimeOffset now) =>
        task.ClosesAt is { } closes ? closes + _options.ValidityAfterClose : now + _options.ValidityWithoutDeadline;

    /// <summary>The token for the task's person, purpose and current link version.</summary>
    public string CreateToken(ParticipationTask task, DateTimeOffset now) =>
        _signer.Sign(new LinkClaims(task.Id, task.PersonId, task.Purpose, ExpiryFor(task, now), task.LinkVersion));

    /// <summary>The full link to the task's answer page.</summary>
    public string CreateUrl(ParticipationTask task, DateTimeOffset now) => BaseUrl + PathPrefix + CreateToken(task, now);
}
