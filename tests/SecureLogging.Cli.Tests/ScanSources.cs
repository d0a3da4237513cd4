namespace SecureLogging.Cli.Tests;

/// <summary>
/// Source files for scan tests. They use SL4001–SL4003 because those rules need no other helper's analyzers; the scan
/// runs every analyzer of the package, so the tests pin the exact findings with <c>--rules</c> where others could add some.
/// </summary>
internal static class ScanSources
{
    /// <summary>SPEC §7's options type, as an app on an older runtime or this test would declare it.</summary>
    public const string Options = """
        namespace SecureLogging
        {
            public sealed class SecureLoggingOptions
            {
                public System.TimeSpan Retention { get; set; }
            }
        }
        """;

    /// <summary>Implicit usings only (no using directives): ASP.NET Core code as a Web SDK project holds it.</summary>
    public const string Startup = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.IdentityModel.Logging;
        using Microsoft.AspNetCore.HttpLogging;

        public class ShopDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder b) => b.EnableSensitiveDataLogging();
        }

        public static class Setup
        {
            public static void Configure(IServiceCollection services, SecureLogging.SecureLoggingOptions options)
            {
                IdentityModelEventSource.ShowPII = true;
                services.AddHttpLogging(o => o.LoggingFields = HttpLoggingFields.All);
                options.Retention = TimeSpan.FromDays(30);
            }
        }
        """;

    /// <summary>Half-typed code: the scan must still report what it can and never crash.</summary>
    public const string Broken = """
        public class Broken
        {
            void M(SecureLogging.SecureLoggingOptions o)
            {
                o.Retention = TimeSpan.FromDays(3000);
                if (o.Retention > TimeSpan.Zero {
                Microsoft.IdentityModel.Logging.IdentityModelEventSource.LogCompleteSecurityArtifact = true
            }
        """;

    /// <summary>A console app (top-level statements) with a classified [LoggerMessage] parameter and no EnableRedaction.</summary>
    public const string ClassifiedApp = """
        using Microsoft.Extensions.Compliance.Classification;
        using Microsoft.Extensions.Logging;

        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information));
        Log.SignedIn(factory.CreateLogger("app"), "someone@example.com");

        public sealed class PrivateDataAttribute : DataClassificationAttribute
        {
            public PrivateDataAttribute() : base(new DataClassification("Shop", "Private")) { }
        }

        public static partial class Log
        {
            [LoggerMessage(1, LogLevel.Information, "Signed in {Email}")]
            public static partial void SignedIn(ILogger logger, [PrivateData] string email);

            public static partial void SignedIn(ILogger logger, string email) { }
        }
        """;
}
