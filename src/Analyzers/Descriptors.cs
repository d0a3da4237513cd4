using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers;

/// <summary>
/// Every descriptor of the package, built by one factory that owns the help link, the category and the tags.
/// Messages say why: the first argument names the code, the second the reason.
/// </summary>
internal static class Descriptors
{
    /// <summary>The base of every rule's help page; the page is <c>{base}/{ID}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/securelogging/securelogging/blob/main/docs/rules/";

    public static DiagnosticDescriptor SL1001_SecretWrittenToLog { get; } = Create(
        DiagnosticIds.SecretWrittenToLog,
        "Credential or secret written to a log",
        "'{0}' {1}: it would be written to the log in clear text",
        DiagnosticSeverity.Error,
        "Passwords, tokens, API keys, connection strings and other secrets must never reach a log sink, where they are readable by everyone with log access and kept for years. Redact the value or leave it out.",
        cwe: 532);

    public static DiagnosticDescriptor SL1002_CardDataWrittenToLog { get; } = Create(
        DiagnosticIds.CardDataWrittenToLog,
        "Payment card or bank data written to a log",
        "'{0}' {1}: card and bank data must not be written to a log in clear text",
        DiagnosticSeverity.Error,
        "PCI DSS forbids storing full card numbers unmasked and security codes at all; logs are storage. Mask card numbers to the last four digits and never log CVV, CVC or PIN.",
        cwe: 532);

    public static DiagnosticDescriptor SL1003_PersonalDataWrittenToLog { get; } = Create(
        DiagnosticIds.PersonalDataWrittenToLog,
        "Personal data written to a log unmasked",
        "'{0}' {1}: it would be written to the log unmasked",
        DiagnosticSeverity.Warning,
        "Personal data in logs is regulated (GDPR, CCPA) and spreads to every system that receives the logs. Mask it or log a pseudonymous fingerprint instead.",
        cwe: 359);

    public static DiagnosticDescriptor SL1004_SensitiveObjectWrittenToLog { get; } = Create(
        DiagnosticIds.SensitiveObjectWrittenToLog,
        "Object with secret or card members written to a log whole",
        "'{0}' is written to the log whole and {1}: log only its non-sensitive members",
        DiagnosticSeverity.Error,
        "Destructuring, serialising or printing a whole object writes every member, including its secrets and card data. Log an anonymous object of the members that are safe instead.",
        cwe: 532);

    public static DiagnosticDescriptor SL1005_SecretInExceptionMessage { get; } = Create(
        DiagnosticIds.SecretInExceptionMessage,
        "Secret or card data put into an exception message",
        "'{0}' {1}: exception messages are logged and often shown to users, so it would leak in clear text",
        DiagnosticSeverity.Warning,
        "Exception messages end up in logs, error pages and telemetry. Keep secrets and card data out of them.",
        cwe: 209);

    public static DiagnosticDescriptor SL2001_AuthenticationWithoutEvent { get; } = Create(
        DiagnosticIds.AuthenticationWithoutEvent,
        "Authentication operation emits no security event",
        "'{0}' {1}, but no path through it emits a security event: the attempt leaves no audit trail",
        DiagnosticSeverity.Warning,
        "Every login, logout, password change and MFA operation must emit a structured security event so that brute force and account takeover can be detected and investigated.",
        cwe: 778);

    public static DiagnosticDescriptor SL2002_AuthenticationOutcomePartiallyLogged { get; } = Create(
        DiagnosticIds.AuthenticationOutcomePartiallyLogged,
        "Authentication outcome logged on some paths only",
        "'{0}' emits a security event on some outcomes only: the {1} path is not recorded",
        DiagnosticSeverity.Warning,
        "Both the success and the failure of an authentication attempt must be recorded; failures are what brute-force detection counts.",
        cwe: 778);

    public static DiagnosticDescriptor SL2003_AuthorizationDenialWithoutEvent { get; } = Create(
        DiagnosticIds.AuthorizationDenialWithoutEvent,
        "Authorization denial emits no security event",
        "'{0}' denies access but emits no security event: {1}",
        DiagnosticSeverity.Warning,
        "Every authorization failure must record who was denied which action on which resource, so that probing and privilege misuse can be detected.",
        cwe: 778);

    public static DiagnosticDescriptor SL2004_AccountChangeWithoutEvent { get; } = Create(
        DiagnosticIds.AccountChangeWithoutEvent,
        "Account or privilege change emits no security event",
        "'{0}' {1}, but no security event records it: account and privilege changes must be auditable",
        DiagnosticSeverity.Warning,
        "Account creation and deletion, role and permission grants and revokes are what privilege-escalation detection watches; each must emit a security event.",
        cwe: 778);

    public static DiagnosticDescriptor SL2005_SensitiveOperationWithoutEvent { get; } = Create(
        DiagnosticIds.SensitiveOperationWithoutEvent,
        "Security-sensitive operation emits no security event",
        "'{0}' {1}, but emits no security event: who did it and when would not be recorded",
        DiagnosticSeverity.Warning,
        "Data exports, bulk deletions, configuration changes and API key management must leave an audit trail.",
        cwe: 778);

    public static DiagnosticDescriptor SL3001_LogForging { get; } = Create(
        DiagnosticIds.LogForging,
        "Request data concatenated into a log message (log forging)",
        "'{0}' {1} and is built into the log message text: a CR/LF in it can forge log entries; pass it as a template argument",
        DiagnosticSeverity.Warning,
        "Text from the request that is concatenated or interpolated into a log message can contain line breaks and fake entries. Pass it as a named template argument so that structured sinks encode it.",
        cwe: 117);

    public static DiagnosticDescriptor SL4001_RetentionOutOfRange { get; } = Create(
        DiagnosticIds.RetentionOutOfRange,
        "Security log retention outside 90 days – 7 years",
        "Retention of {0} is {1}: security logs must be kept between 90 days and 7 years",
        DiagnosticSeverity.Warning,
        "Security logs kept for less than 90 days are gone before most breaches are discovered; regulations (PCI DSS, HIPAA, SOX) require one to seven years, and keeping them longer than needed breaks data-minimisation rules.",
        cwe: 778);

    public static DiagnosticDescriptor SL4002_FrameworkLogsSensitiveData { get; } = Create(
        DiagnosticIds.FrameworkLogsSensitiveData,
        "Framework setting that writes sensitive data to logs",
        "'{0}' {1}",
        DiagnosticSeverity.Warning,
        "Some framework switches make the framework itself log parameter values, tokens, headers or request bodies. Keep them off outside local development.",
        cwe: 532);

    public static DiagnosticDescriptor SL4003_ClassificationWithoutRedaction { get; } = Create(
        DiagnosticIds.ClassificationWithoutRedaction,
        "Data classification used but redaction never enabled",
        "'{0}' is classified as {1}, but this application never calls EnableRedaction(): the value is logged unredacted",
        DiagnosticSeverity.Warning,
        "Data classification attributes only redact when the logging pipeline has redaction enabled; without EnableRedaction() the classified value is written as is.",
        cwe: 532,
        compilationEnd: true);

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        DiagnosticSeverity severity,
        string description,
        int cwe,
        bool compilationEnd = false)
        => new(
            id,
            title,
            messageFormat,
            DiagnosticCategories.Security,
            severity,
            isEnabledByDefault: true,
            description,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags: compilationEnd
                ? new[] { "Security", CweTag(cwe), WellKnownDiagnosticTags.CompilationEnd } // reported from a compilation-end action (RS1037)
                : new[] { "Security", CweTag(cwe) });

    private static string CweTag(int cwe) => "CWE-" + cwe.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
