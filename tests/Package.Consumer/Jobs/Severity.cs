namespace Package.Consumer.Jobs;

/// <summary>How bad a log record is: an enum inside the tuple key of <see cref="IncidentCountJob"/>.</summary>
internal enum Severity
{
    Debug,
    Info,
    Warning,
    Error,
}
