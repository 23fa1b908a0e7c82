using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;

namespace Deliberation.Civic.Tests.Links;

[Trait("Category", "Deliberation")]
public sealed class LinkSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private readonly LinkSigner _signer = new(Key);

    private static ParticipationTask Task(string purpose = TaskPurposes.Ballot, int linkVersion = 1) => new()
    {
        Id = Guid.CreateVersion7(),
        PersonId = Guid.NewGuid(),
        Purpose = purpose,
        LinkVersion = linkVersion,
    };

    private static LinkClaims ClaimsFor(ParticipationTask task, DateTimeOffset? expires = null) =>
        new(task.Id, task.PersonId, task.Purpose, expires ?? Now.AddDays(30), task.LinkVersion);

    [Fact]
    public void Verify_TokenItSigned_IsValidWithTheSameClaims()
    {
        var claims = ClaimsFor(Task(TaskPurposes.TimePoll, linkVersion: 7));

        var result = _signer.Verify(_signer.Sign(claims), Now);

        Assert.Equal(LinkStatus.Valid, result.Status);
        Assert.Equal(claims, result.Claims);
    }

    [Fact]
    public void Sign_Token_IsUrlSafeAndShort()
    {
        var token = _signer.Sign(ClaimsFor(Task(TaskPurposes.TimePoll)));

        Assert.Matches(new Regex("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"), token);
        Assert.True(token.Length < 140, $"{token.Length} characters");
    }

    [Fact]
    public void Verify_AnyCharacterChanged_IsMalformed()
    {
        var token = _signer.Sign(ClaimsFor(Task()));

        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '.') continue;
            // The next base64url letter: changes the low bits too, which a lax decoder would ignore in the last character.
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Equal(LinkStatus.Malformed, _signer.Verify(changed, Now).Status);
        }
    }

    [Fact]
    public void Verify_SignedWithAnotherKey_IsMalformed()
    {
        var other = new LinkSigner(RandomNumberGenerator.GetBytes(32));

        var result = _signer.Verify(other.Sign(ClaimsFor(Task())), Now);

        Assert.Equal(LinkStatus.Malformed, result.Status);
        Assert.Null(result.Claims);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("abc.def")]
    [InlineData("a.b.c")]
    [InlineData("YWJj.")]
    [InlineData("!!!.???")]
    public void Verify_Garbage_IsMalformed(string? token)
    {
        Assert.Equal(LinkStatus.Malformed, _signer.Verify(token, Now).Status);
    }

    [Fact]
    public void Verify_VeryLongToken_IsMalformed()
    {
        Assert.Equal(LinkStatus.Malformed, _signer.Verify(new string('A', 10_000) + ".AAAA", Now).Status);
    }

    [Fact]
    public void Verify_PayloadSwappedBetweenTwoGenuineTokens_IsMalformed()
    {
        var mine = _signer.Sign(ClaimsFor(Task()));
        var theirs = _signer.Sign(ClaimsFor(Task()));

        var spliced = theirs.Split('.')[0] + "." + mine.Split('.')[1];

        Assert.Equal(LinkStatus.Malformed, _signer.Verify(spliced, Now).Status);
    }

    [Fact]
    public void Verify_AtAndAfterExpiry_IsExpired()
    {
        var token = _signer.Sign(ClaimsFor(Task(), expires: Now.AddHours(1)));

        Assert.Equal(LinkStatus.Valid, _signer.Verify(token, Now.AddHours(1).AddSeconds(-1)).Status);
        Assert.Equal(LinkStatus.Expired, _signer.Verify(token, Now.AddHours(1)).Status);
        var late = _signer.Verify(token, Now.AddDays(400));
        Assert.Equal(LinkStatus.Expired, late.Status);
        Assert.NotNull(late.Claims);
    }

    [Fact]
    public void Against_TheTaskItWasMadeFor_IsValid()
    {
        var task = Task();

        Assert.Equal(LinkStatus.Valid, _signer.Verify(_signer.Sign(ClaimsFor(task)), Now).Against(task).Status);
    }

    [Fact]
    public void Against_TaskOfAnotherPerson_IsWrongPerson()
    {
        var task = Task();
        var forSomeoneElse = ClaimsFor(task) with { PersonId = Guid.NewGuid() };

        Assert.Equal(LinkStatus.WrongPerson, _signer.Verify(_signer.Sign(forSomeoneElse), Now).Against(task).Status);
    }

    [Fact]
    public void Against_TaskWithAnotherPurpose_IsWrongPurpose()
    {
        var ballot = Task(TaskPurposes.Ballot);
        var rsvpLink = ClaimsFor(ballot) with { Purpose = TaskPurposes.Rsvp };

        Assert.Equal(LinkStatus.WrongPurpose, _signer.Verify(_signer.Sign(rsvpLink), Now).Against(ballot).Status);
    }

    [Fact]
    public void Against_TaskWhoseLinkWasReissued_IsReissued()
    {
        var task = Task(linkVersion: 1);
        var token = _signer.Sign(ClaimsFor(task));

        task.LinkVersion = 2;

        Assert.Equal(LinkStatus.Reissued, _signer.Verify(token, Now).Against(task).Status);
    }

    [Fact]
    public void Against_NoSuchTask_IsTaskNotFound()
    {
        var token = _signer.Sign(ClaimsFor(Task()));

        Assert.Equal(LinkStatus.TaskNotFound, _signer.Verify(token, Now).Against(null).Status);
    }

    [Fact]
    public void Against_ExpiredLink_StaysExpired()
    {
        var task = Task();
        var token = _signer.Sign(ClaimsFor(task, expires: Now.AddSeconds(-1)));

        Assert.Equal(LinkStatus.Expired, _signer.Verify(token, Now).Against(task).Status);
    }

    [Fact]
    public void Constructor_KeyShorterThan32Bytes_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LinkSigner(new byte[31]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a-purpose-that-is-far-too-long-to-fit-in-a-token")]
    public void Sign_PurposeEmptyOrTooLong_Throws(string purpose)
    {
        Assert.Throws<ArgumentException>(() => _signer.Sign(ClaimsFor(Task()) with { Purpose = purpose }));
    }
}
