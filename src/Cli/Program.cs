namespace SecureLogging.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        System.Console.Error.WriteLine("usage: securelog <verify|tail|stats|scan> ...");
        return 2;
    }
}
