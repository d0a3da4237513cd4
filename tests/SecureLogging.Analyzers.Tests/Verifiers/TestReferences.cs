using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SecureLogging.Analyzers.Tests.Verifiers;

/// <summary>
/// What a test compilation references: the .NET 8 and ASP.NET Core 8 reference assemblies, the logging libraries of
/// SPEC §4 and the frameworks whose APIs the rules recognise. Everything comes from packages this project restores
/// (PackageReference / PackageDownload), so no test downloads at run time. Built once, shared by every test.
/// </summary>
internal static class TestReferences
{
    private static readonly string PackagesRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>net8.0 reference assemblies (Microsoft.NETCore.App.Ref 8.0.0, restored by PackageDownload).</summary>
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>ASP.NET Core 8 (Mvc, Razor Pages, Identity, authentication, authorization, HTTP logging, Microsoft.Extensions.*).</summary>
    public static ImmutableArray<MetadataReference> AspNetCore { get; } = FromPackageFolder("microsoft.aspnetcore.app.ref", "8.0.0", "ref/net8.0");

    /// <summary>Serilog, NLog, log4net, EF Core, IdentityModel, JWT bearer, OpenID Connect, Compliance, Telemetry, Newtonsoft.Json.</summary>
    public static ImmutableArray<MetadataReference> Libraries { get; } = BuildLibraries();

    /// <summary>The SecureLogging runtime (Redact, SecurityLog, attributes), for code that uses it.</summary>
    public static MetadataReference SecureLoggingRuntime { get; } = MetadataReference.CreateFromFile(typeof(SecureLogging.SensitiveAttribute).Assembly.Location);

    /// <summary>Everything above: what a real ASP.NET Core app with the common logging libraries sees.</summary>
    public static ImmutableArray<MetadataReference> All { get; } = AspNetCore.AddRange(Libraries).Add(SecureLoggingRuntime);

    private static ImmutableArray<MetadataReference> BuildLibraries()
    {
        // The net8.0 (or netstandard) build of each library, as an app on .NET 8 compiles against; the versions are
        // those of Directory.Packages.props / the PackageDownload items of this project.
        (string Id, string Version)[] packages =
        [
            ("serilog", "4.2.0"),
            ("nlog", "5.5.1"),
            ("log4net", "3.5.0"),
            ("newtonsoft.json", "13.0.3"),
            ("microsoft.entityframeworkcore", "8.0.34"),
            ("microsoft.entityframeworkcore.abstractions", "8.0.34"),
            ("microsoft.identitymodel.logging", "8.23.0"),
            ("microsoft.identitymodel.abstractions", "8.23.0"),
            ("microsoft.identitymodel.tokens", "8.23.0"),
            ("microsoft.identitymodel.jsonwebtokens", "8.23.0"),
            ("system.identitymodel.tokens.jwt", "8.23.0"),
            ("microsoft.identitymodel.protocols", "8.23.0"),
            ("microsoft.identitymodel.protocols.openidconnect", "8.23.0"),
            ("microsoft.aspnetcore.authentication.jwtbearer", "8.0.34"),
            ("microsoft.aspnetcore.authentication.openidconnect", "8.0.34"),
            ("microsoft.extensions.compliance.abstractions", "8.10.0"),
            ("microsoft.extensions.compliance.redaction", "8.10.0"),
            ("microsoft.extensions.telemetry.abstractions", "8.10.0"),
            ("microsoft.extensions.telemetry", "8.10.0"),
        ];

        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var (id, version) in packages)
        {
            builder.AddRange(FromPackageLib(id, version));
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<MetadataReference> FromPackageLib(string id, string version)
    {
        foreach (var tfm in new[] { "net8.0", "netstandard2.1", "netstandard2.0" })
        {
            var folder = Path.Combine(PackagesRoot, id, version, "lib", tfm);
            if (Directory.Exists(folder))
            {
                return FromPackageFolder(id, version, Path.Combine("lib", tfm));
            }
        }

        throw new InvalidOperationException($"Package '{id}' {version} has no net8.0/netstandard library under {PackagesRoot}: restore it in the test project.");
    }

    private static ImmutableArray<MetadataReference> FromPackageFolder(string id, string version, string subFolder)
    {
        var packageFolder = Path.Combine(PackagesRoot, id);
        if (!Directory.Exists(packageFolder))
        {
            throw new InvalidOperationException($"Package '{id}' is not restored under {PackagesRoot}: add it to the test project.");
        }

        var folder = Path.Combine(packageFolder, version, subFolder);
        return Directory.GetFiles(folder, "*.dll")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToImmutableArray();
    }
}
