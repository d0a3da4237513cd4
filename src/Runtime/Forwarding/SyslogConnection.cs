using System.Net.Security;
using System.Net.Sockets;

namespace SecureLogging;

/// <summary>
/// One TCP or TLS connection to a syslog server. Syslog servers never send data, so a background read only ends when
/// the server closes or resets the connection; that is how a restart of the server is noticed before the next
/// write, which keeps the window of possibly lost messages (replayed after the reconnect) small.
/// </summary>
internal sealed class SyslogConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly CancellationTokenSource _closed = new();
    private readonly TaskCompletionSource _closedTask = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _reader = Task.CompletedTask;
    private int _disposed;
    private volatile bool _endedCleanly;

    private SyslogConnection(Socket socket, Stream stream, long generation)
    {
        _socket = socket;
        _stream = stream;
        Generation = generation;
    }

    /// <summary>Gets the number of this connection among those the forwarder made (from 1).</summary>
    public long Generation { get; }

    /// <summary>Gets a value indicating whether the server closed or reset the connection, or a write failed.</summary>
    public bool IsClosed => _closed.IsCancellationRequested;

    /// <summary>Gets a task that completes when the connection is closed.</summary>
    public Task Closed => _closedTask.Task;

    /// <summary>Connects (and for TLS authenticates the server) within <paramref name="timeout"/>.</summary>
    public static async Task<SyslogConnection> OpenAsync(string host, int port, SyslogTlsValidation? tls, TimeSpan timeout, long generation, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            ConfigureKeepAlive(socket);
            await socket.ConnectAsync(host, port, timeoutSource.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: false);
            if (tls is not null)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(tls.CreateClientOptions(host), timeoutSource.Token).ConfigureAwait(false);
            }

            var connection = new SyslogConnection(socket, stream, generation);
            connection._reader = connection.ReadUntilClosedAsync();
            return connection;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            stream?.Dispose();
            socket.Dispose();
            throw new TimeoutException($"connecting to {host}:{port} took longer than {timeout.TotalSeconds:0.#} s");
        }
        catch
        {
            stream?.Dispose();
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Writes <paramref name="data"/>; a write that takes longer than <paramref name="timeout"/> or fails closes the connection and throws.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var writeSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        writeSource.CancelAfter(timeout);
        try
        {
            await _stream.WriteAsync(data, writeSource.Token).ConfigureAwait(false);
            await _stream.FlushAsync(writeSource.Token).ConfigureAwait(false);
        }
        catch
        {
            // A cancelled or failed write leaves the stream in an unknown state (half a frame, half a TLS record).
            MarkClosed();
            throw;
        }
    }

    /// <summary>
    /// Ends the connection the polite way (TLS close_notify, TCP FIN) and waits up to <paramref name="timeout"/> for the
    /// server to close its side, which means it has read everything.
    /// </summary>
    /// <returns>
    /// <see cref="CloseResult.Confirmed"/> when the server closed cleanly after our end; <see cref="CloseResult.Lost"/>
    /// when the connection was already gone or was reset, so the last writes may not have arrived;
    /// <see cref="CloseResult.Unconfirmed"/> when the server did not answer in time.
    /// </returns>
    public async Task<CloseResult> CloseGracefullyAsync(TimeSpan timeout)
    {
        if (IsClosed)
        {
            return CloseResult.Lost;
        }

        try
        {
            using var timeoutSource = new CancellationTokenSource(timeout);
            if (_stream is SslStream ssl)
            {
                await ssl.ShutdownAsync().WaitAsync(timeoutSource.Token).ConfigureAwait(false);
            }

            _socket.Shutdown(SocketShutdown.Send);
            await Closed.WaitAsync(timeoutSource.Token).ConfigureAwait(false);
            return _endedCleanly ? CloseResult.Confirmed : CloseResult.Lost;
        }
        catch (OperationCanceledException)
        {
            return CloseResult.Unconfirmed;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            return CloseResult.Lost;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        MarkClosed();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already reset by the server.
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _reader.ConfigureAwait(false);
        _closed.Dispose();
    }

    private static void ConfigureKeepAlive(Socket socket)
    {
        // Notices a silently vanished server (no FIN, no RST) on an idle connection within about 1.5 minutes.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3);
        }
        catch (Exception ex) when (ex is SocketException or PlatformNotSupportedException)
        {
            // Platforms without per-socket keep-alive tuning keep the system defaults.
        }
    }

    private async Task ReadUntilClosedAsync()
    {
        var buffer = new byte[256];
        try
        {
            while (await _stream.ReadAsync(buffer, _closed.Token).ConfigureAwait(false) > 0)
            {
                // Syslog servers send nothing; TLS session tickets are consumed inside SslStream.
            }

            _endedCleanly = true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidOperationException or System.Security.Authentication.AuthenticationException)
        {
            // The connection is gone either way.
        }
        finally
        {
            MarkClosed();
        }
    }

    private void MarkClosed()
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        _closedTask.TrySetResult();
    }
}

/// <summary>How a graceful close of a <see cref="SyslogConnection"/> ended.</summary>
internal enum CloseResult
{
    /// <summary>The server closed its side cleanly after reading our end of stream.</summary>
    Confirmed,

    /// <summary>The connection was gone or reset: the last writes may be lost.</summary>
    Lost,

    /// <summary>The server did not close its side in time.</summary>
    Unconfirmed,
}
