namespace SecureLogging.Analyzers;

/// <summary>The rule ids of SPEC §3. Stable once shipped: never reuse a retired id.</summary>
internal static class DiagnosticIds
{
    public const string SecretWrittenToLog = "SL1001";
    public const string CardDataWrittenToLog = "SL1002";
    public const string PersonalDataWrittenToLog = "SL1003";
    public const string SensitiveObjectWrittenToLog = "SL1004";
    public const string SecretInExceptionMessage = "SL1005";
    public const string AuthenticationWithoutEvent = "SL2001";
    public const string AuthenticationOutcomePartiallyLogged = "SL2002";
    public const string AuthorizationDenialWithoutEvent = "SL2003";
    public const string AccountChangeWithoutEvent = "SL2004";
    public const string SensitiveOperationWithoutEvent = "SL2005";
    public const string LogForging = "SL3001";
    public const string RetentionOutOfRange = "SL4001";
    public const string FrameworkLogsSensitiveData = "SL4002";
    public const string ClassificationWithoutRedaction = "SL4003";
}
