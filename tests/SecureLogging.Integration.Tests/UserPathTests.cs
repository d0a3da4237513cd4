using SecureLogging.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SecureLogging.Integration.Tests;

/// <summary>
/// The path a user takes (issue 2 and issue 6): a fresh project references the packages from a local folder, the build
/// fails on a logged secret, <c>dotnet format analyzers</c> applies the fixes, the build passes and the program no
/// longer prints the secret. Slow (a restore, three builds and a format run each): kept to two tests.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class UserPathTests(PackedPackagesFixture packages, ITestOutputHelper output)
{
    private const string Password = "Sup3r-S3cret-Pa55w0rd";
    private const string CardNumber = "4111111111111111";

    /// <summary>A small program with the mistakes the rules are for: a password and a card number logged in clear.</summary>
    private const string Program = $$"""
        using Microsoft.Extensions.Logging;

        var userName = "alice";
        var password = Environment.GetEnvironmentVariable("DEMO_PASSWORD") ?? "{{Password}}";
        var cardNumber = Environment.GetEnvironmentVariable("DEMO_CARD") ?? "{{CardNumber}}";

        using (var factory = LoggerFactory.Create(builder => builder.AddSimpleConsole()))
        {
            var logger = factory.CreateLogger("Checkout");
            logger.LogInformation("User {UserName} signed in with password {Password}", userName, password);
            logger.LogInformation("Charging card {CardNumber} for {UserName}", cardNumber, userName);
        }

        Console.WriteLine($"Signed in {userName} using {password}");
        """;

    private static readonly string[] FixedRules = ["SL1001", "SL1002", "SL1003", "SL1004"];

    [Fact]
    public async Task RuntimePackage_BuildFailsOnTheSecret_DotnetFormatRedactsIt_BuildPasses_ProgramPrintsNoSecret()
    {
        using var project = ConsumerProject.Create(
            packages.Root,
            packages.Feed,
            Program,
            ("SecureLogging", packages.Version),
            ("Microsoft.Extensions.Logging.Console", "8.0.1"));

        await AssertBuildFailsWithSL1001Async(project);
        await FormatAsync(project);

        var fixedProgram = project.ReadProgram();
        output.WriteLine(fixedProgram);
        Assert.Contains("using SecureLogging;", fixedProgram, StringComparison.Ordinal);
        Assert.Contains("Redact.Secret(password)", fixedProgram, StringComparison.Ordinal);
        Assert.Contains("Redact.CardNumber(cardNumber)", fixedProgram, StringComparison.Ordinal);

        await AssertBuildPassesAsync(project);
        var run = await RunAsync(project);
        Assert.Contains("[REDACTED]", run.Output, StringComparison.Ordinal);
        Assert.Contains("1111", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Without the runtime there is no <c>Redact</c>: the only fix offered removes the value, and that compiles.</summary>
    [Fact]
    public async Task AnalyzersOnly_BuildFailsOnTheSecret_DotnetFormatRemovesIt_BuildPasses_ProgramPrintsNoSecret()
    {
        using var project = ConsumerProject.Create(
            packages.Root,
            packages.Feed,
            Program,
            ("SecureLogging.Analyzers", packages.Version),
            ("Microsoft.Extensions.Logging.Console", "8.0.1"));

        await AssertBuildFailsWithSL1001Async(project);
        await FormatAsync(project);

        var fixedProgram = project.ReadProgram();
        output.WriteLine(fixedProgram);
        Assert.DoesNotContain("Redact.", fixedProgram, StringComparison.Ordinal);

        await AssertBuildPassesAsync(project);
        await RunAsync(project);
    }

    private async Task AssertBuildFailsWithSL1001Async(ConsumerProject project)
    {
        var build = await Step(project, "build", "--disable-build-servers");
        Assert.True(build.ExitCode != 0, "The build should fail on the logged password.\n" + build);
        Assert.Contains("error SL1001", build.Output, StringComparison.Ordinal);
    }

    private async Task FormatAsync(ConsumerProject project)
    {
        var format = await Step(project, ["format", "analyzers", project.ProjectFile, "--diagnostics", .. FixedRules, "--severity", "info", "-v", "diag"]);
        Assert.True(format.ExitCode == 0, "dotnet format failed.\n" + format);

        // What dotnet format says it fixed (which provider, which diagnostics): the tail of its diagnostic log.
        foreach (var line in format.Output.Split('\n').Where(l => l.Contains("SL", StringComparison.Ordinal) || l.Contains("fix", StringComparison.OrdinalIgnoreCase)).TakeLast(20))
        {
            output.WriteLine("  format: " + line.TrimEnd());
        }
    }

    private async Task AssertBuildPassesAsync(ConsumerProject project)
    {
        var build = await Step(project, "build", "--disable-build-servers");
        Assert.True(build.ExitCode == 0, "The fixed project should build.\n" + build + "\n" + project.ReadProgram());
        Assert.DoesNotContain("error SL", build.Output, StringComparison.Ordinal);
    }

    private async Task<CommandResult> RunAsync(ConsumerProject project)
    {
        var run = await Step(project, "run", "--no-build");
        Assert.True(run.ExitCode == 0, "The fixed program should run.\n" + run);
        Assert.Contains("alice", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(CardNumber, run.Output, StringComparison.Ordinal);
        return run;
    }

    private async Task<CommandResult> Step(ConsumerProject project, params string[] arguments)
    {
        var result = await project.DotnetAsync(arguments);
        output.WriteLine($"[{result.Elapsed.TotalSeconds:F1}s] {result.CommandLine} -> exit {result.ExitCode} (packing took {packages.PackTime.TotalSeconds:F1}s once)");
        return result;
    }
}
