namespace SecureLogging.Analyzers.Internal.Logging;

/// <summary>Which API a recognised call belongs to (SPEC §4).</summary>
internal enum LoggingFramework
{
    MicrosoftExtensionsLogging,
    Serilog,
    NLog,
    Log4Net,
    Console,
    Debug,
    Trace,

    /// <summary>A method of the compilation that passes its own parameter on to a logging call, or carries <c>[MessageTemplateFormatMethod]</c>.</summary>
    Wrapper,

    /// <summary>A <c>SecurityLog</c> method or <c>LogSecurityEvent</c>: a security event, judged for secrets and card data only.</summary>
    SecurityEvent,
}
