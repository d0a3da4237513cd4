namespace SecureLogging.Cli.Tests;

/// <summary>A project restored in the fixture is loaded with MSBuild (never restored or written to by the scan).</summary>
public sealed class ScanMSBuildProjectTests : IClassFixture<ScanMSBuildProjectTests.RestoredProject>
{
    private readonly RestoredProject _project;

    public ScanMSBuildProjectTests(RestoredProject project) => _project = project;

    [Fact]
    public void RestoredProject_IsLoadedWithMSBuild_AndNotWrittenTo()
    {
        var before = Snapshot(_project.Tree.Root);

        var (exit, findings, report) = CliRunner.ScanJson(Path.Combine(_project.Tree.Root, "Shop.csproj"), "--rules", "SL4001");

        Assert.Equal(0, exit);
        Assert.Equal([("SL4001", "Program.cs", 1, 68, "warning")], findings);
        var notes = report.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToArray();
        Assert.Contains(notes, n => n!.StartsWith("Shop: loaded with MSBuild, ", StringComparison.Ordinal));
        Assert.Equal(before, Snapshot(_project.Tree.Root));
    }

    [Fact]
    public void RestoredProjectFolder_HonoursItsEditorConfig()
    {
        File.WriteAllText(Path.Combine(_project.Tree.Root, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.SL4001.severity = error\n");
        try
        {
            var (exit, findings, _) = CliRunner.ScanJson(_project.Tree.Root, "--rules", "SL4001");

            Assert.Equal(1, exit);
            Assert.Equal([("SL4001", "Program.cs", 1, 68, "error")], findings);
        }
        finally
        {
            File.Delete(Path.Combine(_project.Tree.Root, ".editorconfig"));
        }
    }

    private static string Snapshot(string root)
        => string.Join("\n", Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(root, f)} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}"));

    public sealed class RestoredProject : IDisposable
    {
        public RestoredProject()
        {
            Tree = DotnetCli.CreateProject();
            var (exit, output) = DotnetCli.Run(Tree.Root, "restore");
            Assert.True(exit == 0, output);
            Assert.True(File.Exists(Path.Combine(Tree.Root, "obj", "project.assets.json")), output);
        }

        public TempTree Tree { get; }

        public void Dispose() => Tree.Dispose();
    }
}
