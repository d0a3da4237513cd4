namespace SecureLogging.Integration.Tests.Infrastructure;

/// <summary>
/// Packs <c>SecureLogging.Analyzers</c> and <c>SecureLogging</c> once for every test of the collection, with a version
/// no earlier run used, into a temporary folder feed. The build goes to its own artifacts folder so that it neither
/// reads nor overwrites the developer's <c>bin</c>/<c>obj</c>. The restored copies of that version are removed from the
/// global packages folder afterwards so runs do not pile up.
/// </summary>
public sealed class PackedPackagesFixture : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "securelogging-it-" + Guid.NewGuid().ToString("N")[..12]);

    public string Feed => Path.Combine(Root, "feed");

    public string Version { get; } = "0.0.0-it." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.ProcessId;

    public string AnalyzersPackage => Path.Combine(Feed, $"SecureLogging.Analyzers.{Version}.nupkg");

    public string RuntimePackage => Path.Combine(Feed, $"SecureLogging.{Version}.nupkg");

    /// <summary>What packing took (both packages), for the report.</summary>
    public TimeSpan PackTime { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var started = DateTime.UtcNow;
        foreach (var project in new[] { "src/Package/SecureLogging.Analyzers.Package.csproj", "src/Runtime/SecureLogging.csproj" })
        {
            var result = await ProcessRunner.DotnetAsync(
                RepositoryPaths.Root,
                PackTimeout,
                "pack",
                project,
                "-c", "Release",
                "-o", Feed,
                "-p:Version=" + Version,
                "-p:UseArtifactsOutput=true",
                "-p:ArtifactsPath=" + Path.Combine(Root, "artifacts"),
                "--disable-build-servers");
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("Packing failed:\n" + result);
            }
        }

        PackTime = DateTime.UtcNow - started;
    }

    public Task DisposeAsync()
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "securelogging", "securelogging.analyzers" })
        {
            TryDelete(Path.Combine(globalPackages, id, Version.ToLowerInvariant()));
        }

        TryDelete(Root);
        return Task.CompletedTask;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it is not.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackagesFixture>
{
    public const string Name = "Packed packages";
}
