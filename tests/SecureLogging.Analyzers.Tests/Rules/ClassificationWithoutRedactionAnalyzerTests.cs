using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = SecureLogging.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureLogging.Analyzers.Rules.ClassificationWithoutRedactionAnalyzer>;

namespace SecureLogging.Analyzers.Tests.Rules;

public class ClassificationWithoutRedactionAnalyzerTests
{
    /// <summary>A taxonomy as apps declare one (dotnet/extensions' docs do the same).</summary>
    private const string Taxonomy = """
        using Microsoft.Extensions.Compliance.Classification;

        public sealed class PrivateDataAttribute : DataClassificationAttribute
        {
            public PrivateDataAttribute() : base(new DataClassification("Contoso", "Private")) { }
        }

        public sealed class SecretDataAttribute : DataClassificationAttribute
        {
            public SecretDataAttribute() : base(new DataClassification("Contoso", "Secret")) { }
        }
        """;

    private const string LogMethods = """
        using Microsoft.Extensions.Compliance.Classification;
        using Microsoft.Extensions.Logging;

        public class User
        {
            public string Id { get; set; } = "";
            [PrivateData] public string {|#2:Email|} { get; set; } = "";
            [NoDataClassification] public string Country { get; set; } = "";
            [LogPropertyIgnore, SecretData] public string Ignored { get; set; } = "";
            public Address Home { get; set; } = new();
        }

        public class Address { [PrivateData] public string {|#3:Street|} { get; set; } = ""; }

        public static partial class Log
        {
            [LoggerMessage(1, LogLevel.Information, "User {email} signed in with {id}")]
            static partial void SignedIn(ILogger logger, [PrivateData] string {|#0:email|}, string id);

            // What the logging generator would emit: the implementation part is not reported again.
            static partial void SignedIn(ILogger logger, string email, string id) { }

            [LoggerMessage(2, LogLevel.Information, "Key rotated")]
            static partial void KeyRotated(ILogger logger, [SecretData] string {|#1:key|});

            [LoggerMessage(3, LogLevel.Information, "User updated")]
            static partial void UserUpdated(ILogger logger, [LogProperties] User user);

        #pragma warning disable EXTEXP0003 // Transitive is marked experimental in Microsoft.Extensions.Telemetry.Abstractions 8.x
            [LoggerMessage(4, LogLevel.Information, "Moved")]
            static partial void Moved(ILogger logger, [LogProperties(Transitive = true)] User user);
        #pragma warning restore EXTEXP0003

            // Not a [LoggerMessage] method: classification alone is not logging.
            static void Store([PrivateData] string email) { }
        }
        """;

    private static Verify.Test CreateTest(string program, OutputKind outputKind = OutputKind.ConsoleApplication)
    {
        var test = new Verify.Test { TestCode = LogMethods };
        test.TestState.Sources.Add(("Taxonomy.cs", Taxonomy));
        test.TestState.Sources.Add(("Program.cs", program));
        test.TestState.OutputKind = outputKind;
        return test;
    }

    private static DiagnosticResult Expect(int location, string name, string classification)
        => Verify.Diagnostic(Descriptors.SL4003_ClassificationWithoutRedaction).WithLocation(location).WithArguments(name, classification);

    [Fact]
    public async Task ApplicationWithoutEnableRedaction_ReportsEveryClassifiedValue()
    {
        var test = CreateTest("""
            using Microsoft.Extensions.Logging;
            public static class Program
            {
                public static void Main() => LoggerFactory.Create(b => b.AddConsole());
            }
            """);
        test.ExpectedDiagnostics.Add(Expect(0, "email", "PrivateData"));
        test.ExpectedDiagnostics.Add(Expect(1, "key", "SecretData"));
        test.ExpectedDiagnostics.Add(Expect(2, "user.Email", "PrivateData"));
        // Only the transitive [LogProperties] walks into User.Home.
        test.ExpectedDiagnostics.Add(Expect(3, "user.Home.Street", "PrivateData"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ImplementationPartInGeneratedFile_ReportsAtTheDefinition()
    {
        // What a real build sees: the logging generator's implementation part lives in a generated file, and the
        // analyzer skips generated code. The declaration the user wrote must still be reported.
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.Extensions.Logging;

                public sealed partial class ReportExporter
                {
                    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Export requested by {RequestedBy}")]
                    private static partial void LogExportStarted(ILogger logger, [PrivateData] string {|#0:requestedBy|}, string format);

                    public static void Main() => LogExportStarted(null!, "a@example.com", "csv");
                }
                """,
        };
        test.TestState.Sources.Add(("Taxonomy.cs", Taxonomy));
        test.TestState.Sources.Add(("Logging.g.cs", """
            // <auto-generated/>
            #nullable enable
            partial class ReportExporter
            {
                [global::System.CodeDom.Compiler.GeneratedCodeAttribute("Microsoft.Extensions.Logging.Generators", "10.0.0")]
                private static partial void LogExportStarted(global::Microsoft.Extensions.Logging.ILogger logger, string requestedBy, string format)
                {
                }
            }
            """));
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Expect(0, "requestedBy", "PrivateData"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ApplicationCallingEnableRedaction_NoDiagnostic()
    {
        var test = CreateTest("""
            using Microsoft.Extensions.Logging;
            public static class Program
            {
                public static void Main() => LoggerFactory.Create(b => b.EnableRedaction().AddJsonConsole());
            }
            """);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WebApplicationCallingEnableRedactionInTopLevelStatements_NoDiagnostic()
    {
        var test = CreateTest("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Logging;

            var builder = WebApplication.CreateBuilder(args);
            builder.Logging.EnableRedaction(o => o.ApplyDiscriminator = true);
            builder.Build().Run();
            """);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Library_NoDiagnostic()
    {
        // A library cannot enable redaction: the application that hosts it does (and is judged then).
        var test = CreateTest("public static class Library { }", OutputKind.DynamicallyLinkedLibrary);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task EnableRedactionOfAnotherType_StillReports()
    {
        var test = CreateTest("""
            using Microsoft.Extensions.Logging;
            public static class Program
            {
                public static void Main() => LoggerFactory.Create(b => b.EnableRedaction());
            }
            public static class MyExtensions { public static ILoggingBuilder EnableRedaction(this ILoggingBuilder b, int level = 0) => b; }
            """);
        test.ExpectedDiagnostics.Add(Expect(0, "email", "PrivateData"));
        test.ExpectedDiagnostics.Add(Expect(1, "key", "SecretData"));
        test.ExpectedDiagnostics.Add(Expect(2, "user.Email", "PrivateData"));
        test.ExpectedDiagnostics.Add(Expect(3, "user.Home.Street", "PrivateData"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NoComplianceReference_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                public static class Program { public static void Main() { } }
                public sealed class PrivateDataAttribute : System.Attribute { }
                public static class Log { static void M([PrivateData] string email) { } }
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.AdditionalReferences.Clear();
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task IncompleteCode_DoesNotThrow()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.Extensions.Logging;
                public static partial class Log
                {
                    [LoggerMessage(1, LogLevel.Information, "x {a}")]
                    static partial void A(ILogger logger, [Unknown] string a, [LogProperties] Missing m, [LogProperties] int n, [LogProperties] Node node);
                    [LoggerMessage(]
                    static partial void B(ILogger logger, [LogProperties] Node? node
                }
                public class Node { public Node Next { get; set; } public Node this[int i] => this; public static Node Root { get; } }
                public static class Program { public static void Main() { ILoggingBuilder b = null; b.EnableRedaction(; } }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }
}
