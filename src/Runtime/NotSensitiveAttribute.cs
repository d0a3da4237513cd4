namespace SecureLogging;

/// <summary>
/// Declares that a property, field, parameter or type is safe to log even though its name looks sensitive
/// (for example a <c>PasswordPolicy</c> description or a public <c>Token</c> value object). The analyzers then stay quiet.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Class | AttributeTargets.Struct, Inherited = true)]
public sealed class NotSensitiveAttribute : Attribute
{
}
