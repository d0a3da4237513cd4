namespace SecureLogging.Cli.Tests;

public class ScanUsageTests
{
    [Theory]
    [InlineData("")]
    [InlineData("frobnicate")]
    [InlineData("scan")]
    [InlineData("scan|a|b")]
    [InlineData("scan|/definitely/not/here")]
    [InlineData("scan|.|--format|xml")]
    [InlineData("scan|.|--min-severity|fatal")]
    [InlineData("scan|.|--rules|SL9999")]
    [InlineData("scan|.|--rules|,")]
    [InlineData("scan|.|--unknown")]
    [InlineData("scan|.|--output")]
    [InlineData("scan|.|--no-color=yes")]
    public void UsageErrors_ExitWithTwoAndHelpOnStderr(string commandLine)
    {
        var (exit, stdout, stderr) = CliRunner.Run(commandLine.Split('|', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("usage: securelog", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_GoesToStdoutWithExitZero()
    {
        var (exit, stdout, _) = CliRunner.Run("scan", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--format text|json|sarif", stdout, StringComparison.Ordinal);
        Assert.Contains("--min-severity", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TopLevelHelp_ListsTheScanCommand()
    {
        var (exit, stdout, _) = CliRunner.Run("--help");

        Assert.Equal(0, exit);
        Assert.Contains("  scan", stdout, StringComparison.Ordinal);
    }
}
