using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace SecureLogging.Cli.Scanning;

internal enum ProjectSdk
{
    Plain,
    Web,
    Worker,
}

/// <summary>
/// What an unrestored project says about compiling it, read as XML without evaluation (conditions and property functions
/// are ignored): its SDK from the csproj; <c>OutputType</c>, <c>ImplicitUsings</c> and <c>&lt;Using&gt;</c> items from
/// the files MSBuild would import around it, in MSBuild's order — the nearest <c>Directory.Build.props</c> (and the
/// ones above it that it imports), the csproj, then the nearest <c>Directory.Build.targets</c> (likewise) — so a
/// repository that turns on implicit usings once for all its projects is compiled as it builds.
/// </summary>
internal sealed record ProjectFacts(ProjectSdk Sdk, OutputKind OutputKind, bool ImplicitUsings, IReadOnlyList<string> ExtraUsings, IReadOnlyList<string> RemovedUsings)
{
    public static ProjectFacts? Read(string path)
    {
        var project = Load(path);
        if (project?.Root is not { } root)
        {
            return null;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var documents = ImportedAbove(directory, "Directory.Build.props")
            .Append(root)
            .Concat(ImportedAbove(directory, "Directory.Build.targets"))
            .ToArray();

        var sdkText = (string?)root.Attribute("Sdk") ?? string.Concat(root.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => (string?)e.Attribute("Name")));
        var sdk = sdkText.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) ? ProjectSdk.Web
            : sdkText.Contains("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase) ? ProjectSdk.Worker
            : ProjectSdk.Plain;

        // The last definition wins, as in MSBuild evaluation.
        string? Property(string name) => documents
            .SelectMany(d => d.Descendants().Where(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup"))
            .LastOrDefault()?.Value.Trim();

        var outputKind = Property("OutputType")?.ToLowerInvariant() switch
        {
            "exe" => OutputKind.ConsoleApplication,
            "winexe" => OutputKind.WindowsApplication,
            "library" => OutputKind.DynamicallyLinkedLibrary,
            _ => sdk == ProjectSdk.Plain ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication,
        };
        var implicitUsings = Property("ImplicitUsings")?.ToLowerInvariant() is "enable" or "true";
        var usingItems = documents.SelectMany(d => d.Descendants().Where(e => e.Name.LocalName == "Using" && e.Parent?.Name.LocalName == "ItemGroup")).ToArray();
        var extra = usingItems.Select(e => (string?)e.Attribute("Include")).OfType<string>()
            .Where(n => !usingItems.Any(e => (string?)e.Attribute("Include") == n && ((string?)e.Attribute("Alias") is not null || (string?)e.Attribute("Static") == "true")))
            .ToArray();
        var removed = usingItems.Select(e => (string?)e.Attribute("Remove")).OfType<string>().ToArray();
        return new ProjectFacts(sdk, outputKind, implicitUsings, extra, removed);
    }

    /// <summary>
    /// The nearest <paramref name="fileName"/> at or above <paramref name="directory"/>, preceded by the ones above it
    /// that it imports in turn (outermost first). MSBuild imports only the nearest one by itself.
    /// </summary>
    private static IEnumerable<XElement> ImportedAbove(string directory, string fileName)
    {
        var chain = new List<XElement>();
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, fileName);
            if (!File.Exists(candidate))
            {
                continue;
            }

            if (Load(candidate)?.Root is not { } element)
            {
                break;
            }

            chain.Add(element);
            var importsParent = element.Descendants()
                .Any(e => e.Name.LocalName == "Import" && ((string?)e.Attribute("Project"))?.Contains(fileName, StringComparison.OrdinalIgnoreCase) == true);
            if (!importsParent)
            {
                break;
            }
        }

        chain.Reverse();
        return chain;
    }

    private static XDocument? Load(string path)
    {
        try
        {
            return XDocument.Load(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return null;
        }
    }
}
