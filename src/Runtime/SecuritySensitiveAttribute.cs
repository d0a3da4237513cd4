namespace SecureLogging;

/// <summary>
/// Marks a method as a security-sensitive operation (data export, bulk deletion, configuration change…): the analyzers
/// require it to emit a security event (SL2005).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SecuritySensitiveAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="operation">The security event the operation stands for, e.g. <c>"data.export"</c>.</param>
    public SecuritySensitiveAttribute(string operation)
    {
        Operation = operation;
    }

    /// <summary>Gets the security event name the operation stands for, e.g. <c>"data.export"</c>.</summary>
    public string Operation { get; }
}
