using System.Net;
using System.Security.Claims;
using Deliberation.Host.Auth;
using Deliberation.Host.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Host.Tests.Mail;

/// <summary>The mailbox's access rule on its own: the in-process test server has no remote address, so loopback is tested here.</summary>
[Trait("Category", "Deliberation")]
public sealed class DevMailboxAccessFilterTests
{
    private static DefaultHttpContext Request(IPAddress? remote, ClaimsPrincipal? user = null, string? forwardedFor = null)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = remote;
        if (user is not null) http.User = user;
        if (forwardedFor is not null) http.Request.Headers["X-Forwarded-For"] = forwardedFor;
        return http;
    }

    private static ClaimsPrincipal SignedIn(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, role)], "Bearer"));

    private static async Task<(object? Result, bool Called)> InvokeAsync(HttpContext http)
    {
        var called = false;
        var result = await new DevMailboxAccessFilter().InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ =>
        {
            called = true;
            return ValueTask.FromResult<object?>("page");
        });
        return (result, called);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task InvokeAsync_AnonymousFromLoopback_ShowsThePage(string address)
    {
        var (result, called) = await InvokeAsync(Request(IPAddress.Parse(address)));

        Assert.True(called);
        Assert.Equal("page", result);
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("192.168.1.20")]
    [InlineData("::ffff:10.0.0.1")]
    public async Task InvokeAsync_AnonymousFromElsewhere_AnswersNotFound(string address)
    {
        var (result, called) = await InvokeAsync(Request(IPAddress.Parse(address)));

        Assert.False(called);
        Assert.IsType<NotFound>(result);
    }

    [Fact]
    public async Task InvokeAsync_NoRemoteAddress_IsNotTreatedAsLoopback()
    {
        var (result, called) = await InvokeAsync(Request(null));

        Assert.False(called);
        Assert.IsType<NotFound>(result);
    }

    [Fact]
    public async Task InvokeAsync_LoopbackButForwardedByAProxy_AnswersNotFound()
    {
        var (result, called) = await InvokeAsync(Request(IPAddress.Loopback, forwardedFor: "203.0.113.7"));

        Assert.False(called);
        Assert.IsType<NotFound>(result);
    }

    [Fact]
    public async Task InvokeAsync_AdministratorFromElsewhere_ShowsThePage()
    {
        var (_, called) = await InvokeAsync(Request(IPAddress.Parse("203.0.113.7"), SignedIn(AuthRoles.Administrator)));

        Assert.True(called);
    }

    [Theory]
    [InlineData(AuthRoles.CommitteeStaff)]
    [InlineData(AuthRoles.BuildingHead)]
    public async Task InvokeAsync_OtherRolesFromElsewhere_AnswersNotFound(string role)
    {
        var (result, called) = await InvokeAsync(Request(IPAddress.Parse("203.0.113.7"), SignedIn(role)));

        Assert.False(called);
        Assert.IsType<NotFound>(result);
    }
}
