using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SecureLogging;

/// <summary>
/// Fans each security event out to every registered <see cref="ISecurityEventSink"/> (the store, forwarders,
/// detectors, the app's own sinks). Sinks are resolved on the first event rather than at construction: the logger
/// provider is built while the logger factory is, and a sink that wants an <see cref="ILogger{T}"/> would otherwise
/// be a circular dependency. A sink that throws is counted and reported once; the other sinks still get the event.
/// Detectors write their <c>alert.*</c> records back through <see cref="Dispatch"/>.
/// </summary>
internal sealed class SecurityEventDispatcher : IDisposable
{
    [ThreadStatic]
    private static bool t_resolving;

    private readonly IServiceProvider _services;
    private readonly object _lock = new();
    private ISecurityEventSink[]? _sinks;
    private long _sinkFailures;
    private long _lostWhileResolving;
    private int _disposed;

    public SecurityEventDispatcher(IServiceProvider services) => _services = services;

    /// <summary>Exceptions thrown by sinks (each one cost that sink one event).</summary>
    public long SinkFailures => Interlocked.Read(ref _sinkFailures);

    /// <summary>Events raised while the sinks were being created on the same thread (a sink's constructor logging an event).</summary>
    public long LostWhileResolving => Interlocked.Read(ref _lostWhileResolving);

    /// <summary>Sends <paramref name="record"/> to every sink. Never throws.</summary>
    public void Dispatch(SecurityEventRecord record)
    {
        var sinks = Volatile.Read(ref _sinks) ?? Resolve();
        if (sinks is null)
        {
            Interlocked.Increment(ref _lostWhileResolving);
            return;
        }

        foreach (var sink in sinks)
        {
            try
            {
                sink.Write(record);
            }
            catch (Exception ex)
            {
                if (Interlocked.Increment(ref _sinkFailures) == 1)
                {
                    ReportSinkFailure(sink, ex);
                }
            }
        }
    }

    /// <summary>Flushes every sink that buffers, by disposing it (sinks must tolerate a second dispose by the container).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var sink in Volatile.Read(ref _sinks) ?? [])
        {
            try
            {
                switch (sink)
                {
                    case IAsyncDisposable asyncDisposable:
                        asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
                        break;
                    case IDisposable disposable:
                        disposable.Dispose();
                        break;
                }
            }
            catch (Exception ex)
            {
                ReportSinkFailure(sink, ex);
            }
        }
    }

    private ISecurityEventSink[]? Resolve()
    {
        if (t_resolving)
        {
            return null;
        }

        lock (_lock)
        {
            if (_sinks is not null)
            {
                return _sinks;
            }

            t_resolving = true;
            try
            {
                var sinks = _services.GetServices<ISecurityEventSink>().ToArray();
                Volatile.Write(ref _sinks, sinks);
                return sinks;
            }
            catch (ObjectDisposedException)
            {
                // The container is being disposed: events logged now have nowhere to go.
                Volatile.Write(ref _sinks, []);
                return _sinks;
            }
            finally
            {
                t_resolving = false;
            }
        }
    }

    private void ReportSinkFailure(ISecurityEventSink sink, Exception exception)
    {
        try
        {
            _services.GetService<ILoggerFactory>()?.CreateLogger("SecureLogging")
                .LogError(exception, "SecureLogging: the security event sink {Sink} threw; it loses the events it throws on (counted), the other sinks are unaffected. Sinks must not throw.", sink.GetType().FullName);
        }
        catch (Exception)
        {
            // Reporting must not throw either; the counter still holds the failure.
        }
    }
}
