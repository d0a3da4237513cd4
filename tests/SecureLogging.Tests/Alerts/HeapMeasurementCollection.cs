namespace SecureLogging.Tests.Alerts;

/// <summary>
/// Tests that read <see cref="GC.GetTotalMemory(bool)"/> run alone: xunit runs other test classes in parallel in
/// the same process, and whatever those allocate would otherwise be counted against the detectors.
/// </summary>
[CollectionDefinition(nameof(HeapMeasurementCollection), DisableParallelization = true)]
public sealed class HeapMeasurementCollection
{
}
