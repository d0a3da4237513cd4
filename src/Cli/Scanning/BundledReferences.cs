using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace SecureLogging.Cli.Scanning;

/// <summary>
/// The references a loose file is compiled against, so that the analyzers — which recognise APIs by symbol — see
/// .NET, ASP.NET Core and the common logging libraries even where nothing was restored: the .NET and ASP.NET Core
/// reference packs of the dotnet root when the SDK is installed, else the shared frameworks on disk, plus the libraries
/// shipped next to <c>securelog</c> (Serilog, NLog, log4net, EF Core, IdentityModel, Compliance/Telemetry, SecureLogging).
/// Built once per process.
/// </summary>
internal static class BundledReferences
{
    /// <summary>Libraries copied to the tool's folder by its package references; never loaded, only referenced.</summary>
    private static readonly string[] BundledLibraries =
    [
        "Serilog", "NLog", "log4net",
        "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Abstractions",
        "Microsoft.IdentityModel.Logging", "Microsoft.IdentityModel.Abstractions",
        "Microsoft.Extensions.Compliance.Abstractions", "Microsoft.Extensions.Telemetry.Abstractions", "Microsoft.Extensions.Telemetry",
        "SecureLogging", "SecureLogging.AspNetCore",
    ];

    private static readonly Lazy<(ImmutableArray<MetadataReference> References, string Description)> Value = new(Build);

    public static ImmutableArray<MetadataReference> All => Value.Value.References;

    /// <summary>Where the framework references came from, for the report's notes.</summary>
    public static string Description => Value.Value.Description;

    /// <summary>The dotnet root of the running runtime (<c>…/shared/Microsoft.NETCore.App/&lt;ver&gt;/</c> is three levels below).</summary>
    public static string? DotnetRoot()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var root = runtimeDir is null ? null : Directory.GetParent(runtimeDir)?.Parent?.Parent?.FullName;
        return root is not null && Directory.Exists(Path.Combine(root, "shared")) ? root : null;
    }

    private static (ImmutableArray<MetadataReference>, string) Build()
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); // simple name → path
        var sources = new List<string>();
        var root = DotnetRoot();
        var major = Environment.Version.Major;

        if (root is not null && FindRefPack(root, "Microsoft.NETCore.App.Ref", major) is { } netRef
            && FindRefPack(root, "Microsoft.AspNetCore.App.Ref", major) is { } aspRef)
        {
            AddFolder(files, netRef);
            AddFolder(files, aspRef);
            sources.Add($"reference packs {netRef} and {aspRef}");
        }
        else
        {
            // No SDK: the implementation assemblies of the running runtime and of the ASP.NET Core shared framework.
            var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            AddFolder(files, runtimeDir);
            sources.Add($"runtime {runtimeDir}");
            if (root is not null && FindVersionFolder(Path.Combine(root, "shared", "Microsoft.AspNetCore.App"), major) is { } aspShared)
            {
                AddFolder(files, aspShared);
                sources.Add($"shared framework {aspShared}");
            }
        }

        foreach (var name in BundledLibraries)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            // A framework copy wins: two assemblies with one simple name cannot both be referenced (CS1704).
            if (File.Exists(path) && !files.ContainsKey(name))
            {
                files[name] = path;
            }
        }

        var references = files.Values
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
        return (references, string.Join("; ", sources));
    }

    private static string? FindRefPack(string root, string pack, int major)
    {
        var version = FindVersionFolder(Path.Combine(root, "packs", pack), major);
        if (version is null)
        {
            return null;
        }

        var refDir = Path.Combine(version, "ref");
        return Directory.Exists(refDir)
            ? Directory.GetDirectories(refDir).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    /// <summary>The highest version folder of the running major version, else the highest of all.</summary>
    private static string? FindVersionFolder(string parent, int major)
    {
        if (!Directory.Exists(parent))
        {
            return null;
        }

        var versions = Directory.GetDirectories(parent)
            .Select(d => (Path: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(x => x.Version is not null)
            .OrderByDescending(x => x.Version)
            .ToArray();
        return versions.FirstOrDefault(x => x.Version!.Major == major).Path ?? versions.FirstOrDefault().Path;
    }

    private static void AddFolder(Dictionary<string, string> files, string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!files.ContainsKey(name) && IsManagedAssembly(path))
            {
                files[name] = path;
            }
        }
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
