using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureLogging;

/// <summary>Renders a record as the MSG of a syslog message (JSON, CEF or ECS JSON) and frames it.</summary>
internal sealed class SyslogPayloadFormatter
{
    private const string SeqField = "seq";

    private const string EcsSeqField = "event.sequence";

    // As the record's own ToJson: non-ASCII stays readable; quotes, backslashes and control characters are escaped.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SyslogOptions _options;
    private readonly SyslogMessage _message;
    private readonly CefFormatter _cef;
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private readonly List<KeyValuePair<string, string?>> _sdParams = new(8);

    public SyslogPayloadFormatter(SyslogOptions options, string defaultAppName, string defaultHostName)
    {
        _options = options;
        _message = new SyslogMessage(options.Facility, options.HostName ?? defaultHostName, options.AppName ?? defaultAppName, Environment.ProcessId, options.Utf8Bom);
        var version = options.CefDeviceVersion
            ?? typeof(SyslogPayloadFormatter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? "0";
        _cef = new CefFormatter(options.CefDeviceVendor, options.CefDeviceProduct, version);
    }

    /// <summary>Gets the HOSTNAME every message carries.</summary>
    public string HostName => _message.HostName;

    /// <summary>Gets the APP-NAME every message carries.</summary>
    public string AppName => _message.AppName;

    /// <summary>Returns the framed syslog message (<c>LEN SP SYSLOG-MSG</c>) for <paramref name="record"/>.</summary>
    public byte[] Frame(SecurityEventRecord record, long forwarderSeq)
    {
        var seq = EffectiveSeq(record, forwarderSeq);
        var payload = Payload(record, seq);
        IReadOnlyList<KeyValuePair<string, string?>>? sdParams = null;
        if (_options.StructuredDataId is not null)
        {
            _sdParams.Clear();
            _sdParams.Add(new("event", record.Event));
            _sdParams.Add(new("owasp", record.Owasp));
            _sdParams.Add(new("outcome", record.Outcome));
            _sdParams.Add(new("user_id", record.UserId));
            _sdParams.Add(new("user_name", record.UserName));
            _sdParams.Add(new("ip_address", record.IpAddress));
            _sdParams.Add(new("request_id", record.RequestId));
            sdParams = _sdParams;
        }

        return _message.Build(
            record.Timestamp,
            record.Level,
            record.Event,
            _options.IncludeSequenceId ? seq : null,
            _options.StructuredDataId,
            sdParams,
            payload.Span);
    }

    /// <summary>Returns the MSG bytes (valid until the next call).</summary>
    public ReadOnlyMemory<byte> Payload(SecurityEventRecord record, long seq) => _options.Format switch
    {
        SyslogFormat.Cef => Encoding.UTF8.GetBytes(_cef.Format(record, seq)),
        SyslogFormat.EcsJson => Json(record, seq, SecurityEventFormat.Ecs),
        _ => Json(record, seq, SecurityEventFormat.Canonical),
    };

    /// <summary>The sequence number a record travels with: its own integer <c>seq</c> field when it has one (a record re-read from the store), else the forwarder's.</summary>
    public static long EffectiveSeq(SecurityEventRecord record, long forwarderSeq)
    {
        foreach (var field in record.Fields)
        {
            if (field.Key == SeqField)
            {
                return field.Value switch
                {
                    long l => l,
                    int i => i,
                    _ => forwarderSeq,
                };
            }
        }

        return forwarderSeq;
    }

    private ReadOnlyMemory<byte> Json(SecurityEventRecord record, long seq, SecurityEventFormat format)
    {
        _json.Clear();
        using (var writer = new Utf8JsonWriter(_json, JsonOptions))
        {
            writer.WriteStartObject();
            record.WriteProperties(writer, format);
            if (format == SecurityEventFormat.Ecs)
            {
                // ECS event.sequence; a dotted top-level key is the same field as a nested one to Elasticsearch.
                writer.WriteNumber(EcsSeqField, seq);
            }
            else if (!HasOwnSeq(record))
            {
                writer.WriteNumber(SeqField, seq);
            }

            writer.WriteEndObject();
        }

        return _json.WrittenMemory;
    }

    private static bool HasOwnSeq(SecurityEventRecord record)
    {
        foreach (var field in record.Fields)
        {
            if (field.Key == SeqField)
            {
                return true;
            }
        }

        return false;
    }
}
