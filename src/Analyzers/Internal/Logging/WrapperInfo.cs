using System.Collections.Immutable;

namespace SecureLogging.Analyzers.Internal.Logging;

/// <summary>What each parameter of a project wrapper becomes in the logging call it forwards to.</summary>
internal sealed class WrapperInfo
{
    public WrapperInfo(ImmutableArray<WrapperRole> roles)
    {
        Roles = roles;
    }

    public ImmutableArray<WrapperRole> Roles { get; }

    public WrapperRole RoleOf(int ordinal) => ordinal >= 0 && ordinal < Roles.Length ? Roles[ordinal] : default;
}

internal readonly struct WrapperRole
{
    public WrapperRole(LoggingCallRecognizer.ParameterRole kind, string? placeholder, bool destructured)
    {
        Kind = kind;
        Placeholder = placeholder;
        Destructured = destructured;
    }

    public LoggingCallRecognizer.ParameterRole Kind { get; }

    public string? Placeholder { get; }

    public bool Destructured { get; }
}
