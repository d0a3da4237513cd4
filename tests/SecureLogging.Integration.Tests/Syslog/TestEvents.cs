using Microsoft.Extensions.Logging;

namespace SecureLogging.Integration.Tests.Syslog;

/// <summary>Varied security event records: every vocabulary kind in turn, with text that needs escaping in every format.</summary>
internal static class TestEvents
{
    private static readonly string[] Names =
    [
        SecurityEventNames.AuthenticationSuccess,
        SecurityEventNames.AuthenticationFailure,
        SecurityEventNames.AuthorizationDenied,
        SecurityEventNames.AccountRoleGranted,
        SecurityEventNames.DataExported,
        SecurityEventNames.AuthenticationPasswordChangeFailed,
        SecurityEventNames.AlertBruteForce,
    ];

    public static SecurityEventRecord Create(int i)
    {
        var name = Names[i % Names.Length];
        var e = new SecurityEvent(name)
        {
            UserId = "user-" + i,
            UserName = i % 3 == 0 ? "zoë.ünïcode@example.com" : "alice" + i,
            IpAddress = i % 5 == 0 ? "2001:db8::" + (i % 100) : "203.0.113." + (i % 250),
            RequestId = "req-" + i,
            UserAgent = "Mozilla/5.0 (X11; Linux) \"quoted\" [bracket]",
            Reason = "a|pipe b=equals c\\backslash d]bracket \"quote\" #" + i,
        };
        switch (name)
        {
            case SecurityEventNames.AuthorizationDenied:
                e.Resource = "/orders/" + i;
                e.Action = "delete";
                break;
            case SecurityEventNames.AccountRoleGranted:
                e.TargetUserId = "target-" + i;
                e.Role = "admin";
                break;
            case SecurityEventNames.DataExported:
                e.With("dataset", "customers").With("record_count", (long)i);
                break;
        }

        return SecurityEventRecord.Create(e);
    }

    public static LogLevel LevelOf(int i) => Create(i).Level;
}
