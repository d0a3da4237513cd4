// Corpus: stand-ins for third-party attributes the analyzers recognise by full metadata name (Destructurama.Attributed
// is not referenced by the test compilation). No logging here.
using System;

namespace Destructurama.Attributed;

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class NotLoggedAttribute : Attribute
{
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class LogMaskedAttribute : Attribute
{
    public string Text { get; set; } = "***";
    public bool PreserveLength { get; set; }
}
