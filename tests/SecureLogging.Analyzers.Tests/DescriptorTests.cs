using System.Reflection;
using Microsoft.CodeAnalysis;

namespace SecureLogging.Analyzers.Tests;

public class DescriptorTests
{
    public static TheoryData<string> AllIds()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add((string)field.GetValue(null)!);
        }

        return data;
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors()
        => typeof(Descriptors).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(DiagnosticDescriptor))
            .Select(p => (DiagnosticDescriptor)p.GetValue(null)!);

    [Theory]
    [MemberData(nameof(AllIds))]
    public void EveryIdHasOneDescriptorWithHelpLinkAndCweTag(string id)
    {
        var descriptor = Assert.Single(AllDescriptors(), d => d.Id == id);
        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.StartsWith("https://", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Contains("Security", descriptor.CustomTags);
        Assert.Contains(descriptor.CustomTags, t => t.StartsWith("CWE-", StringComparison.Ordinal));
        Assert.Equal("Security", descriptor.Category);
        Assert.False(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture).EndsWith('.'));
    }

    [Fact]
    public void DefaultSeveritiesFollowTheSpec()
    {
        var errors = new[] { "SL1001", "SL1002", "SL1004" };
        foreach (var descriptor in AllDescriptors())
        {
            var expected = errors.Contains(descriptor.Id) ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            Assert.Equal(expected, descriptor.DefaultSeverity);
        }
    }
}
