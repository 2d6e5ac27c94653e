using MapReduceGen;

namespace Package.Consumer.Jobs;

/// <summary>
/// Tuple key holding a string and an enum, emitter mapper, fold reducer: counts warnings and errors per service
/// (debug and info records emit nothing).
/// </summary>
internal static partial class IncidentCountJob
{
    [Mapper]
    public static void Map(LogRecord record, Emitter<(string Service, Severity Severity), int> emit)
    {
        if (record.Severity >= Severity.Warning)
        {
            emit.Emit((record.Service, record.Severity), 1);
        }
    }

    [Reducer]
    public static int Reduce(int left, int right) => left + right;
}
