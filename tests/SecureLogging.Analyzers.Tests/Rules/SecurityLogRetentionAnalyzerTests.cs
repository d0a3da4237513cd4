using Microsoft.CodeAnalysis.Testing;
using SecureLogging.Analyzers.Rules;
using SecureLogging.Analyzers.Tests.Verifiers;
using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.SecurityLogRetentionAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules;

public class SecurityLogRetentionAnalyzerTests
{
    /// <summary>
    /// SPEC §7's options shape, declared in the test source so these tests do not depend on the runtime's progress; the
    /// analyzer recognises the type by metadata name only, so source and the shipped assembly are the same to it.
    /// </summary>
    private const string OptionsSource = """
        namespace SecureLogging
        {
            using System;
            public sealed class SecureLoggingOptions
            {
                public TimeSpan Retention { get; set; }
                public TimeSpan OtherDuration { get; set; }
                public string? StoreDirectory { get; set; }
            }

            public static class SecureLoggingExtensions
            {
                public static object AddSecureLogging(this object services, Action<SecureLoggingOptions> configure) => services;
            }
        }
        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source };
        // The real runtime may define SecureLoggingOptions too; the stub above stands for it here.
        test.TestState.AdditionalReferences.Remove(TestReferences.SecureLoggingRuntime);
        test.TestState.Sources.Add(("Options.cs", OptionsSource));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    private static DiagnosticResult Expect(int location, string days, string verdict)
        => Verify.Diagnostic(Descriptors.SL4001_RetentionOutOfRange).WithLocation(location).WithArguments(days, verdict);

    [Fact]
    public Task TooShortAndTooLongAssignments_ReportDiagnostic() => VerifyAsync(
        """
        using System;
        using SecureLogging;

        class Startup
        {
            void Configure(SecureLoggingOptions o)
            {
                o.Retention = {|#0:TimeSpan.FromDays(30)|};
                o.Retention = {|#1:new TimeSpan(30, 0, 0, 0)|};
                o.Retention = {|#2:TimeSpan.FromHours(24 * 89)|};
                o.Retention = {|#3:TimeSpan.FromDays(365 * 10)|};
                o.Retention = {|#4:TimeSpan.FromDays(365) * 8|};
                o.Retention = {|#5:TimeSpan.Zero|};
                o.Retention = {|#6:TimeSpan.MaxValue|};
                o.Retention = {|#7:TimeSpan.FromDays(2557) + TimeSpan.FromHours(1)|};
                o.Retention = {|#8:TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1)|};
                o.Retention = {|#9:TimeSpan.FromMinutes(1)|};
                o.Retention = {|#10:TimeSpan.Parse("7.00:00:00")|};
                o.Retention = {|#11:-TimeSpan.FromDays(100)|};
                o.Retention = {|#12:default|};
            }
        }
        """,
        Expect(0, "30 days", "too short"),
        Expect(1, "30 days", "too short"),
        Expect(2, "89 days", "too short"),
        Expect(3, "3650 days", "too long"),
        Expect(4, "2920 days", "too long"),
        Expect(5, "0 days", "too short"),
        Expect(6, "TimeSpan.MaxValue", "too long"),
        Expect(7, "2557.04 days", "too long"),
        Expect(8, "89.999988426 days", "too short"),
        Expect(9, "0 days", "too short"),
        Expect(10, "7 days", "too short"),
        Expect(11, "-100 days", "too short"),
        Expect(12, "0 days", "too short"));

    [Fact]
    public Task ObjectInitializerLambdaAndConstantFolding_ReportDiagnostic() => VerifyAsync(
        """
        using System;
        using SecureLogging;

        class Startup
        {
            const int Days = 30;

            void Configure(object services)
            {
                services.AddSecureLogging(o => o.Retention = {|#0:TimeSpan.FromDays(Days)|});
                services.AddSecureLogging(o => { o.StoreDirectory = "logs"; o.Retention = {|#1:TimeSpan.FromDays(3000)|}; });
                var options = new SecureLoggingOptions { Retention = {|#2:new TimeSpan(24 * 10, 0, 0)|}, StoreDirectory = "x" };
                options.Retention = {|#3:TimeSpan.FromDays(7).Multiply(2)|};
            }
        }
        """,
        Expect(0, "30 days", "too short"),
        Expect(1, "3000 days", "too long"),
        Expect(2, "10 days", "too short"),
        Expect(3, "14 days", "too short"));

    [Fact]
    public Task BoundsAndPresetsInRange_NoDiagnostic() => VerifyAsync(
        """
        using System;
        using SecureLogging;

        class Startup
        {
            void Configure(SecureLoggingOptions o, TimeSpan fromConfig, int days)
            {
                o.Retention = TimeSpan.FromDays(90);
                o.Retention = TimeSpan.FromDays(2557);
                o.Retention = TimeSpan.FromDays(365);
                o.Retention = TimeSpan.FromDays(365 * 6);
                o.Retention = TimeSpan.FromDays(365.25 * 7);
                o.Retention = new TimeSpan(400, 0, 0, 0);
                o.Retention = TimeSpan.FromHours(24 * 90);
                o.Retention = TimeSpan.FromDays(45) * 2;
                o.Retention = fromConfig;
                o.Retention = TimeSpan.FromDays(days);
                o.OtherDuration = TimeSpan.FromDays(1);
            }
        }
        """);

    [Fact]
    public Task RealRuntimeRegistration_ReportsDiagnostic() => Verify.VerifyAnalyzerAsync(
        """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;
        using SecureLogging;

        class Startup
        {
            void Configure(IServiceCollection services, ILoggingBuilder logging)
            {
                services.AddSecureLogging(o => o.Retention = {|#0:TimeSpan.FromDays(30)|});
                logging.AddSecureLogging(o => { o.Retention = {|#1:TimeSpan.FromDays(365 * 8)|}; });
                services.AddSecureLogging(o => o.Retention = SecureLoggingRetention.Hipaa);
                services.AddSecureLogging(o => o.Retention = TimeSpan.FromDays(366));
            }
        }
        """,
        Expect(0, "30 days", "too short"),
        Expect(1, "2920 days", "too long"));

    [Fact]
    public Task RetentionOfAnotherType_NoDiagnostic() => VerifyAsync(
        """
        using System;

        namespace Other
        {
            class SecureLoggingOptions { public TimeSpan Retention { get; set; } }

            class Startup
            {
                void Configure(SecureLoggingOptions o) => o.Retention = TimeSpan.FromDays(1);
            }
        }
        """);

    [Fact]
    public async Task OptionsTypeAbsent_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                class C { TimeSpan Retention { get; set; } void M() => Retention = TimeSpan.FromDays(1); }
                """,
        };
        test.TestState.AdditionalReferences.Remove(TestReferences.SecureLoggingRuntime);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task IncompleteCode_DoesNotThrow()
    {
        // An analyzer exception would surface as an unexpected AD0001 diagnostic; compiler errors are expected here.
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using SecureLogging;
                class C
                {
                    void M(SecureLoggingOptions o)
                    {
                        o.Retention = TimeSpan.FromDays();
                        o.Retention = TimeSpan.FromDays(;
                        o.Retention = "90 days";
                        o.Retention = TimeSpan.FromWeeks(2);
                        o.Retention = TimeSpan.FromDays(1 / 0);
                        o.Retention = TimeSpan.FromDays(1) / 0;
                        o.Retention = TimeSpan.FromDays(1e300) * 1e300;
                        o.Retention = new TimeSpan("x");
                        o.Retention = TimeSpan.Parse(null);
                        o.Retention =
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.AdditionalReferences.Remove(TestReferences.SecureLoggingRuntime);
        test.TestState.Sources.Add(("Options.cs", OptionsSource));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData(30d, "30 days")]
    [InlineData(1d, "1 day")]
    [InlineData(89.5d, "89.5 days")]
    [InlineData(89.9999999d, "89.9999999 days")]
    public void FormatDays_NeverRoundsOntoTheBound(double days, string expected)
        => Assert.Equal(expected, SecurityLogRetentionAnalyzer.FormatDays(days));
}
