using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using YamlDotNet.RepresentationModel;

namespace SecureLogging.Tests.Alerts;

/// <summary>
/// Every Sigma rule in docs/detection parses, is well-formed per the Sigma rule and correlation specifications, and
/// uses only fields that real SecureLogging JSON records carry and only event names of the vocabulary.
/// </summary>
public class SigmaRuleTests
{
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "contains", "startswith", "endswith", "all", "re", "cidr", "fieldref", "exists", "windash", "base64", "lt", "lte", "gt", "gte",
    };

    private static readonly Lazy<HashSet<string>> RecordFields = new(CollectRecordFields);

    public static IEnumerable<object[]> RuleFiles() =>
        Directory.GetFiles(DetectionDirectory(), "*.yml").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Fact]
    public void There_is_a_rule_file_for_every_detection()
    {
        string[] files = Directory.GetFiles(DetectionDirectory(), "*.yml").Select(Path.GetFileNameWithoutExtension).ToArray()!;
        foreach (string detection in new[] { "brute_force", "brute_force_success_after_failures", "password_spraying", "credential_stuffing", "distributed_brute_force", "privilege_escalation", "unusual_access" })
        {
            Assert.Contains("securelogging_" + detection, files);
        }
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Rule_is_well_formed_and_uses_only_record_fields(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(DetectionDirectory(), file)))
        {
            stream.Load(reader);
        }

        Assert.NotEmpty(stream.Documents);
        var documents = stream.Documents.Select(d => Assert.IsType<YamlMappingNode>(d.RootNode)).ToList();
        var names = documents.Select(d => Scalar(d, "name")).Where(n => n is not null).ToHashSet(StringComparer.Ordinal);
        var usedFields = new List<string>();
        var usedEvents = new List<string>();

        foreach (YamlMappingNode rule in documents)
        {
            Assert.False(string.IsNullOrWhiteSpace(Scalar(rule, "title")), $"{file}: a document has no title");
            Assert.True(Guid.TryParse(Scalar(rule, "id"), out _), $"{file}: '{Scalar(rule, "title")}' has no UUID id");
            Assert.Contains(Scalar(rule, "status"), new[] { "experimental", "test", "stable" });
            string? level = Scalar(rule, "level");
            Assert.True(level is null || level is "informational" or "low" or "medium" or "high" or "critical", $"{file}: bad level {level}");

            if (rule.Children.TryGetValue(new YamlScalarNode("correlation"), out YamlNode? correlationNode))
            {
                CheckCorrelation(file, (YamlMappingNode)correlationNode, names, usedFields);
            }
            else
            {
                CheckDetection(file, rule, usedFields, usedEvents);
            }

            if (rule.Children.TryGetValue(new YamlScalarNode("fields"), out YamlNode? fields))
            {
                usedFields.AddRange(((YamlSequenceNode)fields).Children.Select(f => ((YamlScalarNode)f).Value!));
            }
        }

        Assert.NotEmpty(usedFields);
        foreach (string field in usedFields)
        {
            Assert.True(RecordFields.Value.Contains(field), $"{file}: field '{field}' is not in any SecureLogging record (known: {string.Join(", ", RecordFields.Value.OrderBy(f => f, StringComparer.Ordinal))})");
        }

        foreach (string eventName in usedEvents)
        {
            Assert.True(SecurityEventNames.Find(eventName) is not null, $"{file}: event '{eventName}' is not in the vocabulary");
        }
    }

    private static void CheckCorrelation(string file, YamlMappingNode correlation, HashSet<string?> names, List<string> usedFields)
    {
        string? type = Scalar(correlation, "type");
        Assert.Contains(type, new[] { "event_count", "value_count", "temporal", "temporal_ordered" });

        var rules = (YamlSequenceNode)correlation.Children[new YamlScalarNode("rules")];
        Assert.NotEmpty(rules.Children);
        foreach (YamlNode reference in rules.Children)
        {
            // Every file is self-contained: referenced rules are defined (by name) in the same file.
            Assert.Contains(((YamlScalarNode)reference).Value, names);
        }

        if (type is "temporal" or "temporal_ordered")
        {
            Assert.True(rules.Children.Count >= 2, $"{file}: a {type} correlation needs two rules");
        }

        var groupBy = (YamlSequenceNode)correlation.Children[new YamlScalarNode("group-by")];
        Assert.NotEmpty(groupBy.Children);
        usedFields.AddRange(groupBy.Children.Select(g => ((YamlScalarNode)g).Value!));

        Assert.Matches(new Regex("^[0-9]+[smhd]$"), Scalar(correlation, "timespan"));

        if (type is "event_count" or "value_count")
        {
            var condition = (YamlMappingNode)correlation.Children[new YamlScalarNode("condition")];
            int comparisons = 0;
            foreach (var (key, value) in condition.Children)
            {
                string k = ((YamlScalarNode)key).Value!;
                if (k == "field")
                {
                    usedFields.Add(((YamlScalarNode)value).Value!);
                    continue;
                }

                Assert.Contains(k, new[] { "gt", "gte", "lt", "lte", "eq" });
                Assert.True(int.TryParse(((YamlScalarNode)value).Value, out _), $"{file}: condition {k} is not a number");
                comparisons++;
            }

            Assert.True(comparisons >= 1, $"{file}: correlation condition has no comparison");
            Assert.Equal(type == "value_count", condition.Children.ContainsKey(new YamlScalarNode("field")));
        }
    }

    private static void CheckDetection(string file, YamlMappingNode rule, List<string> usedFields, List<string> usedEvents)
    {
        var logsource = (YamlMappingNode)rule.Children[new YamlScalarNode("logsource")];
        Assert.Equal("securelogging", Scalar(logsource, "product"));

        var detection = (YamlMappingNode)rule.Children[new YamlScalarNode("detection")];
        string condition = Scalar(detection, "condition") ?? throw new Xunit.Sdk.XunitException($"{file}: detection has no condition");
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in detection.Children)
        {
            string identifier = ((YamlScalarNode)key).Value!;
            if (identifier == "condition")
            {
                continue;
            }

            identifiers.Add(identifier);
            IEnumerable<YamlMappingNode> maps = value switch
            {
                YamlMappingNode map => new[] { map },
                YamlSequenceNode list => list.Children.Cast<YamlMappingNode>(),
                _ => throw new Xunit.Sdk.XunitException($"{file}: search identifier {identifier} is neither a map nor a list of maps"),
            };

            foreach (YamlMappingNode map in maps)
            {
                foreach (var (fieldKey, fieldValue) in map.Children)
                {
                    string[] parts = ((YamlScalarNode)fieldKey).Value!.Split('|');
                    usedFields.Add(parts[0]);
                    foreach (string modifier in parts.Skip(1))
                    {
                        Assert.Contains(modifier, Modifiers);
                    }

                    IEnumerable<string?> values = fieldValue switch
                    {
                        YamlScalarNode s => new[] { s.Value },
                        YamlSequenceNode s => s.Children.Select(c => ((YamlScalarNode)c).Value),
                        _ => throw new Xunit.Sdk.XunitException($"{file}: {identifier}.{parts[0]} has a nested value"),
                    };

                    if (parts.Contains("fieldref"))
                    {
                        usedFields.AddRange(values.Select(v => v!));
                    }
                    else if (parts[0] == "event" && parts.Length == 1)
                    {
                        usedEvents.AddRange(values.Select(v => v!));
                    }
                    else if (parts[0] == "event" && parts.Contains("startswith"))
                    {
                        Assert.True(values.All(v => SecurityEventNames.All.Any(d => d.Name.StartsWith(v!, StringComparison.Ordinal))), $"{file}: no event starts with {string.Join(",", values)}");
                    }
                }
            }
        }

        // Every identifier the condition names exists, and every identifier is used.
        var words = Regex.Matches(condition, "[A-Za-z_][A-Za-z0-9_]*").Select(m => m.Value)
            .Where(w => w is not ("and" or "or" or "not" or "of" or "all" or "them")).ToHashSet(StringComparer.Ordinal);
        Assert.True(words.SetEquals(identifiers), $"{file}: condition '{condition}' does not match the search identifiers {string.Join(", ", identifiers)}");
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? (value as YamlScalarNode)?.Value : null;

    private static string DetectionDirectory()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureLogging.Analyzers.sln")))
            {
                return Path.Combine(dir.FullName, "docs", "detection");
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The JSON property names of real records: every SecurityLog event, and every alert the detector raises.</summary>
    private static HashSet<string> CollectRecordFields()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var records = new List<SecurityEventRecord>();
        var collector = new CollectingSink(records);
        var alerts = new CollectingAlertSink();
        var detector = new SecurityAlertDetector(new SecureLoggingAlertOptions(), time, new[] { alerts });
        ILogger logger = new RecordingLogger(new FanOut(collector, detector));

        using (SecurityContext.Begin(ipAddress: "192.0.2.1", requestId: "r", userAgent: "ua"))
        {
            logger.LogLoginSucceeded("id", "name");
            logger.LogRoleGranted("a", "a", "Admin");
            logger.LogPermissionGranted("a", "b", "Admin");
            logger.LogAccessDenied("u", "/r", "GET", "policy");
            logger.LogDataExported("u", "d", 1);
            for (int i = 0; i < 30; i++)
            {
                logger.LogLoginFailed("victim", "bad password");
            }

            logger.LogLoginSucceeded("id", "victim");
        }

        for (int i = 0; i < 30; i++)
        {
            using (SecurityContext.Begin(ipAddress: "198.51.100." + (i % 6)))
            {
                logger.LogLoginFailed("spread", "bad password");
                logger.LogLoginFailed("user" + i, "bad password");
            }
        }

        using (SecurityContext.Begin(ipAddress: "198.51.100.200"))
        {
            for (int i = 0; i < 30; i++)
            {
                logger.LogLoginFailed("stuffed" + i, "bad password");
            }
        }

        using (SecurityContext.Begin(ipAddress: "203.0.113.1", userAgent: "other"))
        {
            logger.LogLoginSucceeded("id", "name");
        }

        records.AddRange(alerts.Alerts);
        Assert.Equal(
            new[] { "alert.brute_force", "alert.credential_stuffing", "alert.distributed_brute_force", "alert.password_spraying", "alert.privilege_escalation", "alert.unusual_access" },
            alerts.Alerts.Select(a => a.Event).Distinct().OrderBy(e => e, StringComparer.Ordinal));

        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (SecurityEventRecord record in records)
        {
            using var json = JsonDocument.Parse(record.ToJson());
            foreach (JsonProperty property in json.RootElement.EnumerateObject())
            {
                fields.Add(property.Name);
            }
        }

        return fields;
    }

    private sealed class CollectingSink(List<SecurityEventRecord> records) : ISecurityEventSink
    {
        public void Write(SecurityEventRecord record) => records.Add(record);
    }

    private sealed class FanOut(params ISecurityEventSink[] sinks) : ISecurityEventSink
    {
        public void Write(SecurityEventRecord record)
        {
            foreach (ISecurityEventSink sink in sinks)
            {
                sink.Write(record);
            }
        }
    }
}
