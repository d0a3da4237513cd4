using System.Diagnostics;

namespace SecureLogging.Cli.Tests;

/// <summary>Runs <c>dotnet</c> in a temp project (restore, build) with a time limit; output captured for failure messages.</summary>
internal static class DotnetCli
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Isolated from the repository's Directory.Build.props / Packages.props and from a parent build's MSBuild node.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} timed out");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>A project in its own temp folder, outside this repository so its Directory.*.props do not apply.</summary>
    public static TempTree CreateProject(string sdk = "Microsoft.NET.Sdk", string extraProjectXml = "")
    {
        var tree = new TempTree();
        // Stop MSBuild from walking up into a parent folder's Directory.Build.props (the temp folder has none, but be explicit).
        tree.Write("Directory.Build.props", "<Project />");
        tree.Write("Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        tree.Write("Shop.csproj", $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              {extraProjectXml}
            </Project>
            """);
        tree.Write("Options.cs", ScanSources.Options);
        tree.Write("Program.cs", """
            var options = new SecureLogging.SecureLoggingOptions { Retention = TimeSpan.FromDays(30) };
            Console.WriteLine(options.Retention);
            """);
        return tree;
    }
}
