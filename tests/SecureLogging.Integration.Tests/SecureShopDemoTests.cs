using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using SecureLogging.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SecureLogging.Integration.Tests;

/// <summary>
/// Drives samples/SecureShop as a user would — failed logins, a success, an admin action — over HTTP, stops it
/// gracefully, then shows the records it stored (the brute-force alerts the failures raised among them) and that the
/// store verifies.
/// </summary>
public sealed class SecureShopDemoTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "secureshop-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task DrivenShopStoresVerifiableSecurityEvents()
    {
        var project = Path.Combine(RepositoryPaths.Root, "samples", "SecureShop");
        var bin = Path.Combine(_root, "bin");
        var build = await ProcessRunner.DotnetAsync(project, BuildTimeout, "build", "-o", bin, "-p:UseAppHost=false");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain(" warning SL", build.Output, StringComparison.Ordinal);

        var store = Path.Combine(_root, "store");
        var key = new byte[32];
        Random.Shared.NextBytes(key);
        var port = FreePort();

        using (var shop = StartShop(Path.Combine(bin, "SecureShop.dll"), port, store, key))
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilUpAsync(http, shop);

            for (var i = 0; i < 12; i++)
            {
                using var failed = await http.PostAsJsonAsync("/account/login", new { email = "alice@example.com", password = "guess-" + i, rememberMe = false });
                Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            }

            using var ok = await http.PostAsJsonAsync("/account/login", new { email = "alice@example.com", password = "Demo-Passw0rd!", rememberMe = false });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

            using var key1 = await http.PostAsync("/api/keys?owner=alice", content: null);
            Assert.Equal(HttpStatusCode.OK, key1.StatusCode);

            // SIGTERM: the host shuts down gracefully and disposing the service provider flushes the store.
            using (var kill = Process.Start("kill", ["-TERM", shop.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            Assert.True(shop.WaitForExit(60_000), "SecureShop did not stop within 60 s of SIGTERM");
        }

        var records = Directory.GetFiles(store, "*", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToList();
        foreach (var record in records)
        {
            output.WriteLine(record.GetRawText());
        }

        // The store's own records (store.opened, store.checkpoint, store.closed) share the files and the chain.
        var events = records.Select(r => r.GetProperty("event").GetString()!).Where(e => !e.StartsWith("store.", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, events.Count(e => e == "authentication.failure"));
        Assert.Contains("authentication.success", events);
        Assert.Contains("api_key.created", events);
        Assert.Contains("account.created", events);
        Assert.DoesNotContain(records, r => r.GetRawText().Contains("Demo-Passw0rd!", StringComparison.Ordinal) || r.GetRawText().Contains("guess-", StringComparison.Ordinal));
        var failure = records.First(r => r.TryGetProperty("event", out var e) && e.GetString() == "authentication.failure");
        Assert.Equal("alice@example.com", failure.GetProperty("user_name").GetString());
        Assert.Equal("127.0.0.1", failure.GetProperty("ip_address").GetString());
        Assert.False(string.IsNullOrEmpty(failure.GetProperty("request_id").GetString()));

        // The twelve failures are a brute force (threshold 10 in 20 minutes) and the success after them is the
        // "failures then success" case: the detectors on by default raise both, and the alerts are stored, chained
        // and verified like any other record.
        var bruteForce = records.Where(r => r.TryGetProperty("event", out var e) && e.GetString() == "alert.brute_force").ToList();
        var threshold = Assert.Single(bruteForce, r => r.GetProperty("detection").GetString() == "failure_threshold");
        Assert.Equal("critical", threshold.GetProperty("level").GetString());
        Assert.Equal("alice@example.com", threshold.GetProperty("user_name").GetString());
        Assert.Equal("127.0.0.1", threshold.GetProperty("ip_address").GetString());
        Assert.Equal(10, threshold.GetProperty("failure_count").GetInt64());
        Assert.Contains(bruteForce, r => r.GetProperty("detection").GetString() == "failures_then_success" && r.GetProperty("failure_count").GetInt64() >= 5);
        Assert.True(
            events.IndexOf("alert.brute_force") > events.IndexOf("authentication.failure"),
            "the alert is stored after the failures that raised it");

        var verification = StoreVerifier.Verify(store, key);
        output.WriteLine("verify: " + verification.Summary);
        Assert.True(verification.Ok, verification.Summary);
        Assert.Equal(events.Count, verification.Records);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static Process StartShop(string dll, int port, string store, byte[] key)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["SecureShop__StoreDirectory"] = store;
        start.Environment["SecureShop__ChainKey"] = Convert.ToBase64String(key);
        start.WorkingDirectory = Path.GetDirectoryName(dll)!;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process shop)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(shop.HasExited, "SecureShop exited during startup with code " + (shop.HasExited ? shop.ExitCode : 0));
            try
            {
                using var response = await http.GetAsync("/");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException("SecureShop did not start listening within 2 minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
