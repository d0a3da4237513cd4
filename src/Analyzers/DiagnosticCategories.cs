namespace SecureLogging.Analyzers;

internal static class DiagnosticCategories
{
    public const string Security = nameof(Security);
}
