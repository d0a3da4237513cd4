using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SecureLogging.Cli.Scanning;

/// <summary>A project to load with MSBuild: it is restored, so its references resolve exactly as in a build.</summary>
internal sealed record MSBuildUnit(string ProjectPath);

/// <summary>
/// Files compiled on their own with the bundled references: a project that is not restored (its csproj still says
/// which SDK, output kind and implicit usings it has), or the files of a folder that belong to no project.
/// </summary>
internal sealed record LooseUnit(string Name, string? ProjectPath, IReadOnlyList<string> Files);

/// <summary>
/// What a scan target turns into. A solution: its C# projects. A project: itself. A folder: its one solution, else its
/// one project, else every project below it plus a unit for the files that belong to none. A project is loaded with
/// MSBuild only when <c>obj/project.assets.json</c> exists — scan never restores or builds the target.
/// </summary>
internal sealed partial class ScanTarget
{
    private static readonly string[] SkippedDirectories = ["bin", "obj", ".git", ".vs", "node_modules", "packages", "artifacts", "TestResults"];

    private ScanTarget(string root, IReadOnlyList<MSBuildUnit> msbuild, IReadOnlyList<LooseUnit> loose, IReadOnlyList<string> configFiles)
    {
        Root = root;
        MSBuildUnits = msbuild;
        LooseUnits = loose;
        ConfigFiles = configFiles;
    }

    /// <summary>The directory paths in the report are relative to.</summary>
    public string Root { get; }

    public IReadOnlyList<MSBuildUnit> MSBuildUnits { get; }

    public IReadOnlyList<LooseUnit> LooseUnits { get; }

    /// <summary>.editorconfig / .globalconfig files found under the root.</summary>
    public IReadOnlyList<string> ConfigFiles { get; }

    public static bool IsRestored(string projectPath)
        => File.Exists(Path.Combine(Path.GetDirectoryName(projectPath)!, "obj", "project.assets.json"));

    /// <summary>Resolves <paramref name="path"/>; throws <see cref="FileNotFoundException"/> when it does not exist.</summary>
    public static ScanTarget Resolve(string path)
    {
        path = Path.GetFullPath(path);
        if (File.Exists(path))
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            var directory = Path.GetDirectoryName(path)!;
            return extension switch
            {
                ".sln" or ".slnx" => FromProjects(directory, SolutionProjects(path)),
                ".csproj" => FromProjects(directory, [path]),
                ".cs" => new ScanTarget(directory, [], [new LooseUnit(Path.GetFileName(path), null, [path])], FindConfigFiles(directory, recursive: false).ToArray()),
                _ => throw new FileNotFoundException($"'{path}' is not a solution (.sln, .slnx), a C# project (.csproj), a .cs file or a folder.", path),
            };
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        var solutions = Directory.GetFiles(path, "*.sln").Concat(Directory.GetFiles(path, "*.slnx")).ToArray();
        if (solutions.Length == 1)
        {
            return FromProjects(path, SolutionProjects(solutions[0]));
        }

        var topProjects = Directory.GetFiles(path, "*.csproj");
        if (topProjects.Length == 1)
        {
            return FromProjects(path, topProjects);
        }

        // A plain folder: every project below it, and the files that belong to no project.
        var projects = EnumerateFiles(path, "*.csproj").ToArray();
        var target = FromProjects(path, projects);
        var projectDirs = projects.Select(p => Path.GetDirectoryName(p)! + Path.DirectorySeparatorChar).ToArray();
        var orphans = EnumerateFiles(path, "*.cs")
            .Where(f => !projectDirs.Any(d => f.StartsWith(d, StringComparison.Ordinal)))
            .ToArray();
        if (orphans.Length == 0)
        {
            return target;
        }

        return new ScanTarget(path, target.MSBuildUnits, [.. target.LooseUnits, new LooseUnit(Path.GetFileName(path), null, orphans)], target.ConfigFiles);
    }

    private static ScanTarget FromProjects(string root, IEnumerable<string> projects)
    {
        var all = projects.Where(File.Exists).Distinct(StringComparer.Ordinal).ToArray();
        var msbuild = new List<MSBuildUnit>();
        var loose = new List<LooseUnit>();
        var projectDirs = all.Select(p => Path.GetDirectoryName(p)! + Path.DirectorySeparatorChar).ToArray();
        foreach (var project in all)
        {
            if (IsRestored(project))
            {
                msbuild.Add(new MSBuildUnit(project));
                continue;
            }

            // The project's own files: those under its folder, less the folders of projects nested inside it.
            var dir = Path.GetDirectoryName(project)! + Path.DirectorySeparatorChar;
            var nested = projectDirs.Where(d => d.Length > dir.Length && d.StartsWith(dir, StringComparison.Ordinal)).ToArray();
            var files = EnumerateFiles(dir, "*.cs").Where(f => !nested.Any(n => f.StartsWith(n, StringComparison.Ordinal))).ToArray();
            loose.Add(new LooseUnit(Path.GetFileNameWithoutExtension(project), project, files));
        }

        var configRoots = all.Select(p => Path.GetDirectoryName(p)!).Append(root).Distinct(StringComparer.Ordinal);
        var configs = configRoots.SelectMany(r => FindConfigFiles(r, recursive: true)).Distinct(StringComparer.Ordinal).ToArray();
        return new ScanTarget(root, msbuild, loose, configs);
    }

    /// <summary>The C# projects of a .sln (Project lines) or .slnx (Project elements).</summary>
    private static IEnumerable<string> SolutionProjects(string solution)
    {
        var directory = Path.GetDirectoryName(solution)!;
        IEnumerable<string> relative;
        if (solution.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
        {
            relative = XDocument.Load(solution).Descendants()
                .Where(e => e.Name.LocalName == "Project")
                .Select(e => (string?)e.Attribute("Path"))
                .OfType<string>();
        }
        else
        {
            relative = File.ReadLines(solution)
                .Select(line => SolutionProjectLine().Match(line))
                .Where(m => m.Success)
                .Select(m => m.Groups["path"].Value);
        }

        return relative
            .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetFullPath(Path.Combine(directory, p.Replace('\\', Path.DirectorySeparatorChar))));
    }

    private static IEnumerable<string> FindConfigFiles(string directory, bool recursive)
        => recursive
            ? EnumerateFiles(directory, ".editorconfig").Concat(EnumerateFiles(directory, ".globalconfig"))
            : new[] { ".editorconfig", ".globalconfig" }.Select(n => Path.Combine(directory, n)).Where(File.Exists);

    /// <summary>Files below <paramref name="directory"/>, skipping build output, VCS and dependency folders.</summary>
    internal static IEnumerable<string> EnumerateFiles(string directory, string pattern)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            string[] files;
            string[] subdirectories;
            try
            {
                files = Directory.GetFiles(current, pattern);
                subdirectories = Directory.GetDirectories(current);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                continue;
            }

            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                yield return file;
            }

            foreach (var sub in subdirectories.OrderByDescending(s => s, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(sub);
                if (!SkippedDirectories.Contains(name, StringComparer.OrdinalIgnoreCase) && !new DirectoryInfo(sub).Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    pending.Push(sub);
                }
            }
        }
    }

    [GeneratedRegex("""^Project\("\{[^}]+\}"\)\s*=\s*"[^"]*",\s*"(?<path>[^"]+)"\s*,""")]
    private static partial Regex SolutionProjectLine();
}
