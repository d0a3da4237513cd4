using Microsoft.Extensions.Time.Testing;
using SecureLogging.Alerts.Detection;

namespace SecureLogging.Tests.Alerts;

/// <summary>Drives the detection engine with a fake clock and collects what it raises.</summary>
internal sealed class EngineHarness
{
    private readonly DetectionEngine _engine;
    private readonly List<DetectedAlert> _batch = new();

    public EngineHarness(SecureLoggingAlertOptions? options = null)
    {
        Options = options ?? new SecureLoggingAlertOptions();
        Assert.Empty(Options.Validate());
        _engine = new DetectionEngine(Options);
    }

    public SecureLoggingAlertOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public DetectionEngine Engine => _engine;

    public List<DetectedAlert> Alerts { get; } = new();

    public IEnumerable<DetectedAlert> Named(string eventName) => Alerts.Where(a => a.EventName == eventName);

    public void Advance(TimeSpan by) => Time.Advance(by);

    public List<DetectedAlert> Fail(string user, string? ip = "203.0.113.7") =>
        Observe(new SecurityObservation(ObservationKind.AuthenticationFailure, "authentication.failure", null, user, ip, "Mozilla/5.0", null));

    public List<DetectedAlert> Succeed(string user, string? ip = "203.0.113.7", string? userAgent = "Mozilla/5.0") =>
        Observe(new SecurityObservation(ObservationKind.AuthenticationSuccess, "authentication.success", user, user, ip, userAgent, null));

    public List<DetectedAlert> Grant(string actor, string target, string role, string eventName = "account.role_granted") =>
        Observe(new SecurityObservation(ObservationKind.Grant, eventName, actor, null, "198.51.100.1", null, null, target, Role: role));

    public List<DetectedAlert> GrantPermission(string actor, string target, string permission) =>
        Observe(new SecurityObservation(ObservationKind.Grant, "account.permission_granted", actor, null, "198.51.100.1", null, null, target, Permission: permission));

    public List<DetectedAlert> Observe(SecurityObservation observation)
    {
        _batch.Clear();
        _engine.Observe(observation, Time.GetUtcNow().UtcTicks, _batch);
        Alerts.AddRange(_batch);
        return _batch.ToList();
    }
}
