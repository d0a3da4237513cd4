namespace SecureLogging.Integration.Tests.Infrastructure;

/// <summary>
/// A fresh console project in its own temporary folder, as a user creates one: a csproj with package references, a
/// nuget.config that adds the local feed (and keeps the machine's configured sources for Microsoft.Extensions.*), and
/// empty Directory.Build/Packages files so nothing from the folders above leaks in.
/// </summary>
public sealed class ConsumerProject : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, "Consumer.csproj");

    public static ConsumerProject Create(string root, string feed, string program, params (string Id, string Version)[] packages)
    {
        var directory = Path.Combine(root, "consumer-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var references = string.Concat(packages.Select(p => $"\n    <PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" />"));
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>{references}
              </ItemGroup>
            </Project>
            """);

        // No <clear/>: the machine's own sources (nuget.org or a mirror) still serve Microsoft.Extensions.*.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="securelogging-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return new ConsumerProject(directory);
    }

    public string ReadProgram() => File.ReadAllText(Path.Combine(Directory, "Program.cs"));

    public Task<CommandResult> DotnetAsync(params string[] arguments) => ProcessRunner.DotnetAsync(Directory, CommandTimeout, arguments);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
