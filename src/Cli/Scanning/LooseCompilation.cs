using System.Collections.Immutable;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SecureLogging.Cli.Scanning;

/// <summary>
/// Compiles loose files the way their SDK project would, as far as that can be known without MSBuild: the SDK's implicit
/// global usings (plain, Web, Worker), the project's <c>&lt;Using&gt;</c> items, its output kind, unsafe code, the latest language version and the .NET preprocessor symbols; references from
/// <see cref="BundledReferences"/>. The target's files are only read.
/// </summary>
internal static class LooseCompilation
{
    private static readonly string[] SdkUsings = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];
    private static readonly string[] WebUsings = ["System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"];
    private static readonly string[] WorkerUsings = ["Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"];

    private static readonly CSharpParseOptions ParseOptions = new(
        LanguageVersion.Latest,
        DocumentationMode.None,
        preprocessorSymbols: ["DEBUG", "TRACE", "NET", "NETCOREAPP", "NETCOREAPP3_1_OR_GREATER", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET8_0"]);

    public static (CSharpCompilation Compilation, AnalyzerOptions Options) Create(LooseUnit unit, EditorConfigOptions editorConfig, CancellationToken cancellationToken)
    {
        var project = unit.ProjectPath is null ? null : ProjectFacts.Read(unit.ProjectPath);
        var trees = new SyntaxTree[unit.Files.Count];
        Parallel.For(0, unit.Files.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => trees[i] = Parse(unit.Files[i], cancellationToken));

        var usings = GlobalUsings(project, trees);
        var allTrees = usings is null ? trees : [.. trees, usings];
        var (treeOptions, analyzerOptions) = editorConfig.CreateProviders(allTrees);

        var outputKind = project?.OutputKind ?? (LooksLikeApplication(trees) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);
        // Nullable analysis is a second pass over every body that only produces warnings no rule reads: off, for speed.
        var options = new CSharpCompilationOptions(
                outputKind,
                nullableContextOptions: NullableContextOptions.Disable,
                allowUnsafe: true,
                concurrentBuild: true)
            .WithSyntaxTreeOptionsProvider(treeOptions);

        var compilation = CSharpCompilation.Create(unit.Name, allTrees, BundledReferences.All, options);
        compilation = compilation.AddReferences(AuditSinkShims.For(compilation));
        return (compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, analyzerOptions));
    }

    private static SyntaxTree Parse(string path, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(path);
        var text = SourceText.From(stream, encoding: null, checksumAlgorithm: SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false);
        return CSharpSyntaxTree.ParseText(text, ParseOptions, path, cancellationToken);
    }

    /// <summary>
    /// The generated global-usings file of the project's SDK. Files outside any project get the Web set (most loose C#
    /// that logs is ASP.NET Core code) without <c>Microsoft.Extensions.Logging</c> when a file imports Serilog or NLog,
    /// whose <c>ILogger</c> would otherwise become ambiguous.
    /// </summary>
    private static SyntaxTree? GlobalUsings(ProjectFacts? project, SyntaxTree[] trees)
    {
        IEnumerable<string> namespaces;
        if (project is not null)
        {
            namespaces = project.ImplicitUsings
                ? project.Sdk switch
                {
                    ProjectSdk.Web => SdkUsings.Concat(WebUsings),
                    ProjectSdk.Worker => SdkUsings.Concat(WorkerUsings),
                    _ => SdkUsings,
                }
                : [];
            namespaces = namespaces.Concat(project.ExtraUsings).Except(project.RemovedUsings);
        }
        else
        {
            var importsOtherLogger = trees.Any(t => t.GetCompilationUnitRoot().Usings.Any(u => u.Name?.ToString() is "Serilog" or "NLog"));
            namespaces = SdkUsings.Concat(WebUsings.Where(n => !importsOtherLogger || n != "Microsoft.Extensions.Logging"));
        }

        var list = namespaces.Distinct(StringComparer.Ordinal).ToArray();
        if (list.Length == 0)
        {
            return null;
        }

        var text = string.Concat(list.Select(n => $"global using global::{n};\n"));
        return CSharpSyntaxTree.ParseText(text, ParseOptions, "securelog.GlobalUsings.g.cs");
    }

    /// <summary>Top-level statements or a static Main: an application (which matters to SL4003).</summary>
    private static bool LooksLikeApplication(SyntaxTree[] trees)
        => trees.Any(t => t.GetCompilationUnitRoot() is var root
            && (root.Members.OfType<GlobalStatementSyntax>().Any()
                || root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                    .OfType<MethodDeclarationSyntax>()
                    .Any(m => m.Identifier.Text == "Main" && m.Modifiers.Any(SyntaxKind.StaticKeyword))));

    private enum ProjectSdk
    {
        Plain,
        Web,
        Worker,
    }

    /// <summary>
    /// What a csproj says about compiling it, read as XML together with the <c>Directory.Build.props</c> files MSBuild
    /// imports before it (the nearest one above the project, and each one above that it imports in turn). No evaluation:
    /// conditions are ignored and only these imports are followed.
    /// </summary>
    private sealed record ProjectFacts(ProjectSdk Sdk, OutputKind OutputKind, bool ImplicitUsings, IReadOnlyList<string> ExtraUsings, IReadOnlyList<string> RemovedUsings)
    {
        private const string DirectoryBuildProps = "Directory.Build.props";

        public static ProjectFacts? Read(string path)
        {
            var root = Load(path);
            if (root is null)
            {
                return null;
            }

            // Evaluation order: outermost props first, the project last, so the last definition of a property wins.
            var documents = new List<XElement> { root };
            documents.InsertRange(0, DirectoryBuildPropsAbove(Path.GetDirectoryName(Path.GetFullPath(path))));

            var sdkText = (string?)root.Attribute("Sdk") ?? string.Concat(root.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => (string?)e.Attribute("Name")));
            var sdk = sdkText.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) ? ProjectSdk.Web
                : sdkText.Contains("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase) ? ProjectSdk.Worker
                : ProjectSdk.Plain;

            string? Property(string name) => documents
                .Select(d => d.Descendants().LastOrDefault(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup"))
                .LastOrDefault(e => e is not null)?.Value.Trim();

            var outputType = Property("OutputType");
            var outputKind = outputType?.ToLowerInvariant() switch
            {
                "exe" => OutputKind.ConsoleApplication,
                "winexe" => OutputKind.WindowsApplication,
                "library" => OutputKind.DynamicallyLinkedLibrary,
                _ => sdk == ProjectSdk.Plain ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication,
            };
            var implicitUsings = Property("ImplicitUsings") is "enable" or "true";
            var usingItems = documents.SelectMany(d => d.Descendants()).Where(e => e.Name.LocalName == "Using" && e.Parent?.Name.LocalName == "ItemGroup").ToArray();
            var extra = usingItems.Select(e => (string?)e.Attribute("Include")).OfType<string>()
                .Where(n => !usingItems.Any(e => (string?)e.Attribute("Include") == n && ((string?)e.Attribute("Alias") is not null || (string?)e.Attribute("Static") == "true")))
                .ToArray();
            var removed = usingItems.Select(e => (string?)e.Attribute("Remove")).OfType<string>().ToArray();
            return new ProjectFacts(sdk, outputKind, implicitUsings, extra, removed);
        }

        /// <summary>The props MSBuild would import, outermost first: the nearest, then the next above while each imports its parent.</summary>
        private static List<XElement> DirectoryBuildPropsAbove(string? directory)
        {
            var found = new List<XElement>();
            for (var dir = directory is null ? null : new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DirectoryBuildProps);
                if (!File.Exists(candidate))
                {
                    continue;
                }

                var props = Load(candidate);
                if (props is null)
                {
                    break;
                }

                found.Insert(0, props);
                var importsParent = props.Elements().Any(e => e.Name.LocalName == "Import"
                    && ((string?)e.Attribute("Project"))?.Contains(DirectoryBuildProps, StringComparison.OrdinalIgnoreCase) == true);
                if (!importsParent)
                {
                    break;
                }
            }

            return found;
        }

        private static XElement? Load(string path)
        {
            try
            {
                return XDocument.Load(path).Root;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Xml.XmlException)
            {
                return null;
            }
        }
    }
}
