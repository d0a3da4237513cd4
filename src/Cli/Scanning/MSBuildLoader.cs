using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace SecureLogging.Cli.Scanning;

/// <summary>
/// Loads restored projects with <see cref="MSBuildWorkspace"/> (a design-time build in Roslyn's build host, with the
/// SDK found by Microsoft.Build.Locator). Intermediate and output paths are redirected to a temporary folder so that
/// the target is never written to. A project that fails to load is handed back to be scanned as loose files.
/// </summary>
internal static class MSBuildLoader
{
    public sealed record Loaded(IReadOnlyList<(string Name, Compilation Compilation, AnalyzerOptions Options)> Projects, IReadOnlyList<MSBuildUnit> Failed);

    public static async Task<Loaded> LoadAsync(IReadOnlyList<MSBuildUnit> units, ConcurrentQueue<string> notes, CancellationToken cancellationToken)
    {
        if (!TryRegisterMSBuild(out var why))
        {
            notes.Enqueue($"MSBuild not available ({why}): restored projects are scanned as loose files");
            return new Loaded([], units);
        }

        return await LoadCoreAsync(units, notes, cancellationToken);
    }

    private static bool TryRegisterMSBuild(out string? why)
    {
        why = null;
        try
        {
            if (!MSBuildLocator.IsRegistered)
            {
                MSBuildLocator.RegisterDefaults();
            }

            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            why = ex.Message;
            return false;
        }
    }

    // Kept out of the method that registers MSBuild: the JIT must not load MSBuild types before the locator ran.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<Loaded> LoadCoreAsync(IReadOnlyList<MSBuildUnit> units, ConcurrentQueue<string> notes, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "securelog-scan-" + Guid.NewGuid().ToString("N"));
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Everything a design-time build generates (AssemblyInfo, global usings, editorconfig) goes here, not into obj/.
            ["IntermediateOutputPath"] = Path.Combine(scratch, "obj") + Path.DirectorySeparatorChar,
            ["OutputPath"] = Path.Combine(scratch, "bin") + Path.DirectorySeparatorChar,
            ["RunAnalyzers"] = "false",
            ["GenerateDocumentationFile"] = "false",
        };

        var projects = new List<(string, Compilation, AnalyzerOptions)>();
        var failed = new List<MSBuildUnit>();
        try
        {
            using var workspace = MSBuildWorkspace.Create(properties);
            workspace.RegisterWorkspaceFailedHandler(e =>
            {
                if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
                {
                    notes.Enqueue("MSBuild: " + e.Diagnostic.Message);
                }
            });

            foreach (var unit in units)
            {
                try
                {
                    if (!workspace.CurrentSolution.Projects.Any(p => string.Equals(p.FilePath, unit.ProjectPath, StringComparison.Ordinal)))
                    {
                        await workspace.OpenProjectAsync(unit.ProjectPath, cancellationToken: cancellationToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    notes.Enqueue($"{Path.GetFileName(unit.ProjectPath)}: MSBuild could not load it ({ex.Message})");
                    failed.Add(unit);
                    continue;
                }

                // One project per target framework; findings are de-duplicated later.
                var loaded = workspace.CurrentSolution.Projects
                    .Where(p => p.Language == LanguageNames.CSharp && string.Equals(p.FilePath, unit.ProjectPath, StringComparison.Ordinal))
                    .ToArray();
                var any = false;
                foreach (var project in loaded)
                {
                    var compilation = await project.GetCompilationAsync(cancellationToken);
                    if (compilation is null || !project.Documents.Any())
                    {
                        continue;
                    }

                    // Nullable analysis is a second pass over every method body whose warnings no rule reads (the loose
                    // compilation turns it off too): the scan reports the same findings without it, sooner.
                    if (compilation is CSharpCompilation { Options.NullableContextOptions: not NullableContextOptions.Disable } csharp)
                    {
                        compilation = csharp.WithOptions(csharp.Options.WithNullableContextOptions(NullableContextOptions.Disable));
                    }

                    projects.Add((project.Name, compilation, project.AnalyzerOptions));
                    any = true;
                }

                if (!any)
                {
                    notes.Enqueue($"{Path.GetFileName(unit.ProjectPath)}: MSBuild loaded no C# documents");
                    failed.Add(unit);
                }
            }
        }
        finally
        {
            TryDelete(scratch);
        }

        return new Loaded(projects, failed);
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
