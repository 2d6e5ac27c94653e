namespace Package.Consumer.Jobs;

/// <summary>One log record, the input of <see cref="IncidentCountJob"/>.</summary>
internal readonly record struct LogRecord(string Service, Severity Severity, string Message);
