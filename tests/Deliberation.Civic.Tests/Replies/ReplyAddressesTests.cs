using Deliberation.Civic.Links;
using Deliberation.Civic.Participation;
using Deliberation.Civic.Replies;

namespace Deliberation.Civic.Tests.Replies;

[Trait("Category", "Deliberation")]
public sealed class ReplyAddressesTests
{
    private static readonly LinkSigner Signer = new(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    private readonly ReplyAddresses _addresses = new(Signer, "reply@example.cn");
    private readonly ParticipationTask _task = new() { Id = Guid.NewGuid(), PersonId = Guid.NewGuid(), Purpose = TaskPurposes.Ask, LinkVersion = 1 };

    private static IncomingReply To(string address, string? text = null) => new("m@x", [address], "Re: 征询", text, IsAutomatic: false);

    [Fact]
    public void For_Task_IsAPlusAddressWhoseTokenMatchesOnlyThatTask()
    {
        var address = _addresses.For(_task)!;
        Assert.Matches(@"^reply\+[a-z2-7]{42}@example\.cn$", address);
        Assert.True(address.Length - "@example.cn".Length <= 64);
        var token = Assert.Single(_addresses.TokensIn(To(address.ToUpperInvariant())));
        Assert.True(ReplyAddresses.TryReadTaskId(token, out var taskId));
        Assert.Equal(_task.Id, taskId);
        Assert.True(_addresses.Matches(token, _task));
    }

    [Fact]
    public void Matches_ForgedRetiredOrOtherKey_IsFalse()
    {
        var token = _addresses.Token(_task);
        var forged = (token[^1] == 'a' ? token[..^1] + "b" : token[..^1] + "a");
        Assert.False(_addresses.Matches(forged, _task));
        Assert.False(new ReplyAddresses(new LinkSigner(new byte[32]), "reply@example.cn").Matches(token, _task));
        _task.LinkVersion = 2; // staff reissued the link: the old address is retired with it
        Assert.False(_addresses.Matches(token, _task));
    }

    [Fact]
    public void TokensIn_OtherMailboxOrNoToken_FindsNoneButTheBodysFooter()
    {
        var token = _addresses.Token(_task);
        Assert.Empty(_addresses.TokensIn(To("reply@example.cn")));
        Assert.Empty(_addresses.TokensIn(To($"other+{token}@example.cn")));
        Assert.Equal([token], _addresses.TokensIn(To("reply@example.cn", $"1\n> （回复编号：{token}，回复时请保留本邮件的回复地址）")));
        Assert.False(new ReplyAddresses(Signer, null).Enabled);
        Assert.Throws<ArgumentException>(() => new ReplyAddresses(Signer, "reply+x@example.cn"));
    }
}
