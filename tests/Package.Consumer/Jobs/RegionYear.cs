namespace Package.Consumer.Jobs;

/// <summary>A record-struct key: value equality and hashing come from the compiler-generated members.</summary>
internal readonly record struct RegionYear(string Region, int Year);
