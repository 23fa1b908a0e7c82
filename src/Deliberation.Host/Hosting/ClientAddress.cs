using System.Net;
using System.Net.Sockets;

namespace Deliberation.Host.Hosting;

/// <summary>
/// Who a request limit counts: the connection's address as the server sees it (forwarded headers are not trusted). An
/// IPv6 client counts by its /64 network, since a phone or a household is given a whole /64 and can change address in it
/// at will; an IPv4 address mapped into IPv6 counts as the IPv4 address.
/// </summary>
public static class ClientAddress
{
    /// <summary>The limit's partition key for the request's client.</summary>
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var address = http.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
