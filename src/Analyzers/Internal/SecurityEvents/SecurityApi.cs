namespace SecureLogging.Analyzers.Internal.SecurityEvents;

/// <summary>Which rule an API of SPEC §6 belongs to.</summary>
internal enum SecurityApiCategory
{
    /// <summary>Authentication APIs: SL2001 / SL2002.</summary>
    Authentication,

    /// <summary>Account and privilege APIs: SL2004.</summary>
    Account,
}

/// <summary>Whether the API reports an outcome that must be logged both ways (SPEC §6 table, "outcome?").</summary>
internal enum SecurityApiOutcome
{
    /// <summary>No outcome: its event is needed on the success path only.</summary>
    None,

    /// <summary>Success and failure must both be recorded.</summary>
    SuccessAndFailure,

    /// <summary>The API is itself a failure (a failure hook, <c>AuthenticateResult.Fail</c>).</summary>
    FailureOnly,

    /// <summary>The API is itself a success (<c>AuthenticateResult.Success</c>).</summary>
    SuccessOnly,
}

/// <summary>What the API's result is, so that the branches testing it can be told apart.</summary>
internal enum SecurityApiResultShape
{
    /// <summary>No result that carries the outcome (Task, void).</summary>
    None,

    /// <summary><c>SignInResult</c>: Succeeded, IsLockedOut, RequiresTwoFactor, IsNotAllowed.</summary>
    SignInResult,

    /// <summary><c>IdentityResult</c> / <c>AuthenticateResult</c>: Succeeded.</summary>
    SucceededProperty,

    /// <summary>A <c>bool</c>: true is success.</summary>
    Boolean,

    /// <summary><c>PasswordVerificationResult</c>: Failed is failure.</summary>
    PasswordVerification,
}

/// <summary>The events a fix inserts for an API (SPEC §6 table, last column). The name is carried in diagnostic properties.</summary>
internal enum SecurityApiEvents
{
    /// <summary>LogLoginSucceeded / LogLoginFailed (LogLockout on a lockout branch).</summary>
    Login,

    /// <summary>LogLoginSucceeded only.</summary>
    LoginSucceeded,

    /// <summary>LogLoginFailed only.</summary>
    LoginFailed,

    /// <summary>LogLogout.</summary>
    Logout,

    /// <summary>LogLoginSucceeded (method "mfa") / LogMfaFailed.</summary>
    Mfa,

    /// <summary>LogPasswordChanged / LogSecurityEvent(authentication.password_change_failed).</summary>
    PasswordChange,

    /// <summary>LogPasswordChanged.</summary>
    PasswordSet,

    /// <summary>LogMfaEnrolled (enable) / LogSecurityEvent(account.updated) (disable, reset).</summary>
    TwoFactorSetting,

    /// <summary>LogAccountCreated.</summary>
    AccountCreated,

    /// <summary>LogAccountDeleted.</summary>
    AccountDeleted,

    /// <summary>LogRoleGranted.</summary>
    RoleGranted,

    /// <summary>LogRoleRevoked.</summary>
    RoleRevoked,

    /// <summary>LogPermissionGranted.</summary>
    PermissionGranted,

    /// <summary>LogPermissionRevoked.</summary>
    PermissionRevoked,

    /// <summary>LogSecurityEvent(account.updated).</summary>
    AccountUpdated,

    /// <summary>LogConfigurationChanged.</summary>
    ConfigurationChanged,
}

/// <summary>One authentication or account API of SPEC §6.</summary>
internal sealed class SecurityApi
{
    public SecurityApi(string name, SecurityApiCategory category, SecurityApiOutcome outcome, SecurityApiResultShape shape, SecurityApiEvents events)
    {
        Name = name;
        Category = category;
        Outcome = outcome;
        Shape = shape;
        Events = events;
    }

    /// <summary>The method name, as the diagnostic shows it.</summary>
    public string Name { get; }

    public SecurityApiCategory Category { get; }

    public SecurityApiOutcome Outcome { get; }

    public SecurityApiResultShape Shape { get; }

    public SecurityApiEvents Events { get; }

    public bool HasOutcome => Outcome == SecurityApiOutcome.SuccessAndFailure;
}
