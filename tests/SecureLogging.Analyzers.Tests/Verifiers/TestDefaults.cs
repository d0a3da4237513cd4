using Microsoft.CodeAnalysis.Testing;

namespace SecureLogging.Analyzers.Tests.Verifiers;

internal static class TestDefaults
{
    /// <summary>
    /// References every test compilation gets. Tests that must see a compilation without ASP.NET Core or without the
    /// runtime clear <c>TestState.AdditionalReferences</c> after construction.
    /// </summary>
    public static void Apply(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = TestReferences.Net80;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
    }
}
