namespace SecureLogging;

/// <summary>
/// Marks a property, field or parameter as a secret: the SecureLogging analyzers report it wherever it flows into a
/// log call (SL1001), whatever its name.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = true)]
public sealed class SensitiveAttribute : Attribute
{
}
