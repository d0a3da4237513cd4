using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SecureLogging.Analyzers.CodeFixes.Internal;
using SecureLogging.Analyzers.CodeFixes.Rules;
using SecureLogging.Analyzers.Tests.Verifiers;

namespace SecureLogging.Analyzers.Tests.Fixes;

/// <summary>
/// Runs a sensitive-value fix through the code-fix verifier: the diagnostics of <paramref name="source"/>, each single
/// fix, Fix All in document/project/solution, and that the fixed code compiles with no diagnostic left.
/// </summary>
internal static class FixTest
{
    public const string Protect = SensitiveValueFixer.ProtectKey;
    public const string Remove = SensitiveValueFixer.RemoveKey;

    public static Task VerifyAsync<TAnalyzer>(string source, string fixedSource, string key = Protect, bool withRuntime = true, params DiagnosticResult[] remaining)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAsync<TAnalyzer>(source, fixedSource, key, withRuntime, fixAll: true, remaining);

    public static Task VerifyAsync<TAnalyzer>(string source, string fixedSource, string key, bool withRuntime, bool fixAll, params DiagnosticResult[] remaining)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAsync<TAnalyzer>(source, fixedSource, key, withRuntime, fixAll, nonLocal: false, remaining);

    /// <param name="nonLocal">
    /// The diagnostic lies outside the logging call its operation action analyses (an entry put into a dictionary
    /// local before the call, reported at the entry as SPEC §3 says): the verifier's locality check is skipped.
    /// </param>
    public static Task VerifyAsync<TAnalyzer>(string source, string fixedSource, string key, bool withRuntime, bool fixAll, bool nonLocal, params DiagnosticResult[] remaining)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpCodeFixVerifier<TAnalyzer, SensitiveValueCodeFixProvider>.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = key,
        };

        if (nonLocal)
        {
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        }

        if (!fixAll)
        {
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
        }

        if (!withRuntime)
        {
            // A project with the analyzers only: SecureLogging.Redact does not exist.
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(TestReferences.AspNetCore);
            test.TestState.AdditionalReferences.AddRange(TestReferences.Libraries);
        }

        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>No fix is offered (with the given key): the fixed code is the source.</summary>
    public static Task VerifyNoFixAsync<TAnalyzer>(string source, string key = Protect, bool withRuntime = true)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAsync<TAnalyzer>(source, source, key, withRuntime);
}
