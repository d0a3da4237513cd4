using System.Collections.Immutable;
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
}
