using System.Diagnostics;
using Xunit.Abstractions;

namespace SecureLogging.Integration.Tests.Store;

/// <summary>
/// A writer process killed with SIGKILL leaves a store that verifies, and the next start resumes the chain. The
/// torn-write case is forced with a full disk (a size-limited tmpfs, when this machine lets the tests mount one):
/// the kernel accepts part of a batch, the child keeps running and logs the error, and is then killed.
/// </summary>
public sealed class StoreCrashTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "securelog-crash-" + Guid.NewGuid().ToString("N"));
    private readonly string _keyFile;
    private readonly byte[] _key = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();
    private string? _mount;

    public StoreCrashTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_root);
        _keyFile = Path.Combine(_root, "chain.key");
        File.WriteAllBytes(_keyFile, _key);
    }

    [Fact]
    public async Task Killed_writer_leaves_a_verifiable_store_and_the_next_start_resumes_the_chain()
    {
        var store = Path.Combine(_root, "store");
        using (var child = CrashWriterProcess.StartForever(store, _keyFile))
        {
            await child.WaitReadyAsync(TimeSpan.FromMinutes(2));
            await Task.Delay(300);
            Assert.False(child.HasExited, child.Output);
            child.Kill();
        }

        var afterKill = StoreVerifier.Verify(store, _key);
        _output.WriteLine($"after SIGKILL: {afterKill.Summary}; {string.Join("; ", afterKill.Notes)}");
        Assert.True(afterKill.Ok, afterKill.Summary);
        Assert.False(afterKill.Closed);
        Assert.True(afterKill.Records > 1000);

        var (exit, output) = await CrashWriterProcess.RunAsync(store, _keyFile, 25);
        Assert.True(exit == 0, output);

        var afterRestart = StoreVerifier.Verify(store, _key, requireClosed: true);
        Assert.True(afterRestart.Ok, afterRestart.Summary);
        Assert.Equal(afterKill.Records + 25, afterRestart.Records);
        var files = StoreFileName.List(store);
        var header = File.ReadLines(files[^1].Path).First();
        Assert.Contains("\"reason\":\"recovered\"", header, StringComparison.Ordinal);
        Assert.Contains($"\"prev_seq\":{afterKill.LastSeq}", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writer_killed_with_a_torn_write_on_a_full_disk_verifies_with_the_torn_tail_reported_and_resumes()
    {
        _mount = Path.Combine(_root, "tmpfs");
        Directory.CreateDirectory(_mount);
        if (!await TryMountAsync(_mount, "size=2m"))
        {
            _output.WriteLine("tmpfs cannot be mounted here (not root, or no CAP_SYS_ADMIN): the full-disk case was not exercised.");
            return;
        }

        var store = Path.Combine(_mount, "store");
        using (var child = CrashWriterProcess.StartForever(store, _keyFile))
        {
            await child.WaitReadyAsync(TimeSpan.FromMinutes(2));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!child.Output.Contains("cannot write to", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            // The full disk is an error the host survives: the child is still running, and said what to change.
            Assert.False(child.HasExited, child.Output);
            Assert.Contains("cannot write to", child.Output, StringComparison.Ordinal);
            Assert.Contains("Make the directory writable (permissions, free space)", child.Output, StringComparison.Ordinal);
            child.Kill();
        }

        var afterKill = StoreVerifier.Verify(store, _key);
        _output.WriteLine($"after SIGKILL on a full disk: {afterKill.Summary}; {string.Join("; ", afterKill.Notes)}");
        Assert.True(afterKill.Ok, afterKill.Summary);
        Assert.True(afterKill.TornTail, string.Join("; ", afterKill.Notes));
        Assert.Contains(afterKill.Notes, n => n.StartsWith("torn tail: ", StringComparison.Ordinal));

        Assert.True(await TryMountAsync(_mount, "remount,size=64m"), "tmpfs remount");
        var (exit, output) = await CrashWriterProcess.RunAsync(store, _keyFile, 10);
        Assert.True(exit == 0, output);

        var afterRestart = StoreVerifier.Verify(store, _key, requireClosed: true);
        Assert.True(afterRestart.Ok, afterRestart.Summary);
        Assert.False(afterRestart.TornTail);
        Assert.Equal(afterKill.Records + 10, afterRestart.Records);
        var header = File.ReadLines(StoreFileName.List(store)[^1].Path).First();
        Assert.Contains("\"reason\":\"recovered\"", header, StringComparison.Ordinal);
        Assert.DoesNotContain("\"torn_bytes\":0", header, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (_mount is not null)
        {
            using var umount = Process.Start("umount", [_mount]);
            umount?.WaitForExit(30_000);
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<bool> TryMountAsync(string path, string options)
    {
        try
        {
            using var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", options, "tmpfs", path])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            });
            if (mount is null)
            {
                return false;
            }

            await mount.WaitForExitAsync();
            return mount.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
