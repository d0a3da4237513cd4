namespace SecureLogging.Integration.Tests.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The checkout this test runs from: the first folder above the test binaries that holds the solution.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SecureLogging.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SecureLogging.Analyzers.sln above {AppContext.BaseDirectory}.");
    }
}
