using System.IO.Compression;
using System.Xml.Linq;
using SecureLogging.Integration.Tests.Infrastructure;

namespace SecureLogging.Integration.Tests;

/// <summary>What `dotnet pack` produces: the layout SPEC §2 and issue 2 fix for both packages.</summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class PackageLayoutTests(PackedPackagesFixture packages)
{
    [Fact]
    public void AnalyzersPackageHoldsBothAssembliesUnderAnalyzersDotnetCsAndNoLib()
    {
        using var archive = ZipFile.OpenRead(packages.AnalyzersPackage);
        var entries = archive.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("analyzers/dotnet/cs/SecureLogging.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/SecureLogging.Analyzers.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) && !e.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal));
    }

    [Fact]
    public void AnalyzersPackageIsADevelopmentDependencyWithoutDependencies()
    {
        var metadata = ReadNuspecMetadata(packages.AnalyzersPackage);

        Assert.Equal("SecureLogging.Analyzers", Element(metadata, "id").Value);
        Assert.Equal(packages.Version, Element(metadata, "version").Value);
        Assert.Equal("true", Element(metadata, "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public void RuntimePackageBringsTheAnalyzersAlong()
    {
        var metadata = ReadNuspecMetadata(packages.RuntimePackage);

        Assert.Equal("SecureLogging", Element(metadata, "id").Value);
        Assert.Equal(packages.Version, Element(metadata, "version").Value);
        var analyzers = Assert.Single(metadata.Descendants(), e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "SecureLogging.Analyzers");
        Assert.Equal(packages.Version, (string?)analyzers.Attribute("version"));

        // An exclude of "Analyzers" (the default for a private project reference) would drop the rules for consumers.
        var exclude = (string?)analyzers.Attribute("exclude") ?? string.Empty;
        Assert.DoesNotContain("Analyzers", exclude, StringComparison.OrdinalIgnoreCase);
        var include = (string?)analyzers.Attribute("include");
        Assert.True(include is null || include.Contains("All", StringComparison.OrdinalIgnoreCase) || include.Contains("Analyzers", StringComparison.OrdinalIgnoreCase), $"include='{include}'");

        using var archive = ZipFile.OpenRead(packages.RuntimePackage);
        Assert.Contains(archive.Entries, e => e.FullName.StartsWith("lib/net8.0/SecureLogging.dll", StringComparison.Ordinal));
    }

    private static XElement ReadNuspecMetadata(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        var nuspec = Assert.Single(archive.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = nuspec.Open();
        var document = XDocument.Load(stream);
        return Element(document.Root!, "metadata");
    }

    private static XElement Element(XElement parent, string localName)
        => parent.Elements().SingleOrDefault(e => e.Name.LocalName == localName)
           ?? throw new Xunit.Sdk.XunitException($"<{localName}> missing in <{parent.Name.LocalName}>");
}
