namespace SecureLogging.Tests.Events;

public class SecurityContextTests
{
    [Fact]
    public async Task Context_flows_across_await_into_every_event()
    {
        var logger = new CapturingLogger();

        using (SecurityContext.Begin("203.0.113.7", "req-1", "Mozilla/5.0", "u1"))
        {
            await Task.Yield();
            await Task.Delay(1);
            await Task.Run(() => logger.LogLogout("u1"));
            logger.LogLoginFailed("alice", "invalid_credentials");
        }

        foreach (var entry in logger.Entries)
        {
            Assert.Equal("203.0.113.7", entry["ip_address"]);
            Assert.Equal("req-1", entry["request_id"]);
            Assert.Equal("Mozilla/5.0", entry["user_agent"]);
        }

        // The scope's user id fills user_id where the call names none.
        Assert.Equal("u1", logger.Entries[1]["user_id"]);
        Assert.Null(SecurityContext.IpAddress);
    }

    [Fact]
    public void Explicit_arguments_win_over_the_context()
    {
        var logger = new CapturingLogger();
        using (SecurityContext.Begin(ipAddress: "10.0.0.1", userId: "ambient"))
        {
            logger.LogLogout("explicit");
            logger.LogSecurityEvent(new SecurityEvent(SecurityEventNames.AccountUpdated) { IpAddress = "10.9.9.9" });
        }

        Assert.Equal("explicit", logger.Entries[0]["user_id"]);
        Assert.Equal("10.0.0.1", logger.Entries[0]["ip_address"]);
        Assert.Equal("10.9.9.9", logger.Entries[1]["ip_address"]);
        Assert.Equal("ambient", logger.Entries[1]["user_id"]);
    }

    [Fact]
    public void Scopes_nest_inherit_and_restore()
    {
        using (SecurityContext.Begin("10.0.0.1", "outer-req"))
        {
            using (SecurityContext.Begin(requestId: "inner-req", userId: "u2"))
            {
                Assert.Equal("10.0.0.1", SecurityContext.IpAddress);
                Assert.Equal("inner-req", SecurityContext.RequestId);
                Assert.Equal("u2", SecurityContext.UserId);
            }

            Assert.Equal("outer-req", SecurityContext.RequestId);
            Assert.Null(SecurityContext.UserId);
        }

        Assert.Null(SecurityContext.RequestId);
    }

    [Fact]
    public void Out_of_order_and_double_dispose_do_not_resurrect_scopes()
    {
        var outer = SecurityContext.Begin(requestId: "outer");
        var inner = SecurityContext.Begin(requestId: "inner");

        outer.Dispose();
        Assert.Equal("inner", SecurityContext.RequestId);

        inner.Dispose();
        inner.Dispose();
        Assert.Null(SecurityContext.RequestId);
    }

    [Fact]
    public async Task Parallel_flows_do_not_see_each_other()
    {
        async Task<string?> Run(string id)
        {
            using (SecurityContext.Begin(requestId: id))
            {
                await Task.Delay(5);
                return SecurityContext.RequestId;
            }
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Run("r" + i)));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => "r" + i), results);
    }
}
