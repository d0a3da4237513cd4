using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SecureLogging.Tests.Forwarding;

/// <summary>
/// A loopback syslog receiver that parses RFC 6587 octet-counted frames strictly (a malformed count fails the test)
/// and can cut connections, to test what the forwarder does when a server goes away.
/// </summary>
internal sealed class FakeSyslogServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2? _certificate;
    private readonly List<string> _messages = [];
    private readonly List<Exception> _errors = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accept;
    private int _connections;

    public FakeSyslogServer(X509Certificate2? certificate = null)
    {
        _certificate = certificate;
        _listener.Start();
        _accept = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Gets or sets how many frames a connection may deliver before the server resets it (null: never).</summary>
    public int? ResetAfterFrames { get; set; }

    /// <summary>Gets or sets how many connections, from the first, <see cref="ResetAfterFrames"/> applies to. Defaults to 1.</summary>
    public int ResetConnections { get; set; } = 1;

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToList();
            }
        }
    }

    public IReadOnlyList<Exception> Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToList();
            }
        }
    }

    public async Task<IReadOnlyList<string>> WaitForAsync(Func<IReadOnlyList<string>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done(Messages) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _accept;
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException or OperationCanceledException)
            {
                return;
            }

            var number = Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(socket, number <= ResetConnections ? ResetAfterFrames : null));
        }
    }

    private async Task ServeAsync(Socket socket, int? resetAfterFrames)
    {
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (_certificate is not null)
            {
                var ssl = new SslStream(stream);
                await ssl.AuthenticateAsServerAsync(_certificate);
                stream = ssl;
            }

            var frames = 0;
            while (true)
            {
                var message = await ReadFrameAsync(stream);
                if (message is null)
                {
                    return;
                }

                lock (_messages)
                {
                    _messages.Add(message);
                }

                frames++;
                if (resetAfterFrames is { } limit && frames >= limit)
                {
                    // An abrupt end: RST, whatever the client has in flight is lost.
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            // The client went away or the handshake failed.
        }
        catch (Exception ex)
        {
            lock (_errors)
            {
                _errors.Add(ex);
            }
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    /// <summary>Reads <c>LEN SP MSG</c>; null at a clean end of stream between frames.</summary>
    private static async Task<string?> ReadFrameAsync(Stream stream)
    {
        var length = 0;
        var digits = 0;
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return digits == 0 ? null : throw new InvalidDataException("stream ended inside a frame length");
            }

            if (one[0] == (byte)' ')
            {
                break;
            }

            if (one[0] is < (byte)'0' or > (byte)'9' || digits == 0 && one[0] == (byte)'0' || ++digits > 9)
            {
                throw new InvalidDataException($"bad octet count byte 0x{one[0]:x2}");
            }

            length = (length * 10) + (one[0] - '0');
        }

        var buffer = new byte[length];
        await stream.ReadExactlyAsync(buffer);
        return Encoding.UTF8.GetString(buffer);
    }
}
