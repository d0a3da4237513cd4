using Microsoft.Extensions.Logging;
using SecureLogging.Alerts.Detection;

namespace SecureLogging;

/// <summary>
/// The in-process detectors of SPEC §9 as an <see cref="ISecurityEventSink"/>: it watches every security event and
/// raises <c>alert.*</c> records (critical) for brute force, password spraying, credential stuffing, distributed
/// brute force, privilege escalation and unusual access, de-duplicated per attack. <c>AddSecureLogging</c> registers
/// it by default and writes its alerts back through the same fan-out as any event (store, forwarders, app sinks);
/// <see cref="ISecurityAlertSink"/>s are told as well.
/// </summary>
/// <remarks>
/// <para>
/// Time comes from the injected <see cref="TimeProvider"/> when an event arrives, not from the record's timestamp:
/// the detector judges events as they happen in this process, a skewed or replayed timestamp cannot open or close a
/// window, and tests drive it with <c>FakeTimeProvider</c>. Should the clock step back, time is held where it was.
/// </para>
/// <para>
/// Memory is bounded by the capacities in <see cref="SecureLoggingAlertOptions"/> whatever the number of distinct
/// accounts and ip addresses; see <c>docs/detection/README.md</c>. <see cref="Write"/> never throws: a failure is
/// counted in <see cref="SecurityAlertStatistics.SinkErrors"/>.
/// </para>
/// </remarks>
public sealed class SecurityAlertDetector : ISecurityEventSink
{
    private readonly object _gate = new();
    private readonly DetectionEngine? _engine;
    private readonly TimeProvider _time;
    private readonly ISecurityAlertSink[] _alertSinks;
    private readonly Action<SecurityEventRecord>? _republish;
    private readonly List<DetectedAlert> _pending = new();
    private long _lastTicks;
    private long _errors;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">Thresholds, windows and capacities; must be valid (see <see cref="SecureLoggingAlertOptions.Validate"/>).</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="alertSinks">Told of every alert.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SecurityAlertDetector(SecureLoggingAlertOptions options, TimeProvider? timeProvider = null, IEnumerable<ISecurityAlertSink>? alertSinks = null)
        : this(options, timeProvider, alertSinks, republish: null)
    {
    }

    internal SecurityAlertDetector(SecureLoggingAlertOptions options, TimeProvider? timeProvider, IEnumerable<ISecurityAlertSink>? alertSinks, Action<SecurityEventRecord>? republish)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid SecureLogging alert options: " + string.Join(" ", errors), nameof(options));
        }

        _time = timeProvider ?? TimeProvider.System;
        _alertSinks = alertSinks?.ToArray() ?? Array.Empty<ISecurityAlertSink>();
        _republish = republish;
        _engine = options.Enabled ? new DetectionEngine(options) : null;
    }

    /// <summary>Looks at one security event; raises any alert it completes. Never throws.</summary>
    /// <param name="record">The event.</param>
    public void Write(SecurityEventRecord record)
    {
        if (_engine is null || record is null)
        {
            return;
        }

        try
        {
            SecurityObservation observation = Map(record);
            if (observation.Kind == ObservationKind.None)
            {
                return;
            }

            DetectedAlert[]? raised = null;
            long now;
            lock (_gate)
            {
                now = _time.GetUtcNow().UtcTicks;
                if (now < _lastTicks)
                {
                    now = _lastTicks;
                }

                _lastTicks = now;
                _engine.Observe(observation, now, _pending);
                if (_pending.Count > 0)
                {
                    raised = _pending.ToArray();
                    _pending.Clear();
                }
            }

            if (raised is not null)
            {
                // Published outside the lock: sinks may be slow, and the alert comes back here through the fan-out.
                foreach (DetectedAlert alert in raised)
                {
                    Publish(ToRecord(alert, now));
                }
            }
        }
        catch (Exception)
        {
            // Detection must never take the logging call (or the app) down; the failure is counted instead.
            Interlocked.Increment(ref _errors);
        }
    }

    /// <summary>Current counters.</summary>
    /// <returns>A snapshot.</returns>
    public SecurityAlertStatistics GetStatistics()
    {
        if (_engine is null)
        {
            return new SecurityAlertStatistics(0, 0, 0, 0, 0, 0, 0, Interlocked.Read(ref _errors));
        }

        lock (_gate)
        {
            return new SecurityAlertStatistics(
                _engine.Observed,
                _engine.Raised,
                _engine.Suppressed,
                _engine.Untracked,
                _engine.Accounts.Count,
                _engine.Addresses.Count,
                _engine.Users.Count,
                Interlocked.Read(ref _errors));
        }
    }

    internal static SecurityObservation Map(SecurityEventRecord record)
    {
        ObservationKind kind = KindOf(record.Event);

        if (kind == ObservationKind.None)
        {
            return default;
        }

        string? target = null, role = null, permission = null;
        if (kind == ObservationKind.Grant)
        {
            // Indexed, not foreach: enumerating the IReadOnlyList would allocate an enumerator per event.
            IReadOnlyList<KeyValuePair<string, object?>> fields = record.Fields;
            for (int i = 0; i < fields.Count; i++)
            {
                KeyValuePair<string, object?> field = fields[i];
                switch (field.Key)
                {
                    case "target_user_id":
                        target = field.Value as string;
                        break;
                    case "role":
                        role = field.Value as string;
                        break;
                    case "permission":
                        permission = field.Value as string;
                        break;
                }
            }

            if (role is null && permission is null)
            {
                // An account created or updated without any role is not a grant.
                return default;
            }
        }

        return new SecurityObservation(kind, record.Event, record.UserId, record.UserName, record.IpAddress, record.UserAgent, record.RequestId, target, role, permission);
    }

    private static ObservationKind KindOf(string name)
    {
        // Records made by SecurityLog carry the constants themselves: a reference comparison settles most events
        // without reading the string; the switch is the general case (names built at run time, other events).
        if (ReferenceEquals(name, SecurityEventNames.AuthenticationFailure))
        {
            return ObservationKind.AuthenticationFailure;
        }

        if (ReferenceEquals(name, SecurityEventNames.AuthenticationSuccess))
        {
            return ObservationKind.AuthenticationSuccess;
        }

        return name switch
        {
            SecurityEventNames.AuthenticationFailure => ObservationKind.AuthenticationFailure,
            SecurityEventNames.AuthenticationSuccess => ObservationKind.AuthenticationSuccess,
            SecurityEventNames.AccountRoleGranted or SecurityEventNames.AccountPermissionGranted or SecurityEventNames.AccountCreated or SecurityEventNames.AccountUpdated => ObservationKind.Grant,
            _ => ObservationKind.None,
        };
    }

    private static SecurityEventRecord ToRecord(DetectedAlert alert, long nowTicks)
    {
        var securityEvent = new SecurityEvent(alert.EventName)
        {
            Level = LogLevel.Critical,
            Outcome = alert.Outcome,
            UserId = alert.UserId,
            UserName = alert.UserName,
            IpAddress = alert.IpAddress,
            RequestId = alert.Trigger.RequestId,
            UserAgent = alert.Trigger.UserAgent,
            Reason = alert.Reason,
        };

        foreach (KeyValuePair<string, object?> field in alert.Fields)
        {
            switch (field.Key)
            {
                case "target_user_id":
                    securityEvent.TargetUserId = field.Value as string;
                    break;
                case "role":
                    securityEvent.Role = field.Value as string;
                    break;
                case "permission":
                    securityEvent.Permission = field.Value as string;
                    break;
                default:
                    securityEvent.With(field.Key, field.Value);
                    break;
            }
        }

        return SecurityEventRecord.Create(securityEvent, new DateTimeOffset(nowTicks, TimeSpan.Zero));
    }

    private void Publish(SecurityEventRecord alert)
    {
        if (_republish is not null)
        {
            try
            {
                _republish(alert);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _errors);
            }
        }

        foreach (ISecurityAlertSink sink in _alertSinks)
        {
            try
            {
                sink.OnAlert(alert);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _errors);
            }
        }
    }
}
