namespace MapReduceGen;

/// <summary>
/// Marks the static method of a job that makes a task's state, <c>static TState S()</c>, optionally taking the job's
/// parameters and a <c>Counters</c> (Hadoop's <c>setup()</c>, Spark's <c>mapPartitions</c>): a compiled <c>Regex</c>, a
/// lookup table, an accumulator carried from key to key. A mapper or a reducer that takes a parameter of type
/// <c>TState</c> gets its task's state, made the first time the task's code asks for it and disposed (when it is
/// <see cref="IDisposable"/>) when the task ends, failed or not.
/// </summary>
/// <remarks>
/// A task is one map worker's share of the inputs (locally: a worker over every input; on a cluster: a map task) or one
/// partition's reduce. A task's state is used by one thread at a time, so it needs no lock; tasks never share it. A
/// reducer's keys come to its state in the partition's key order when the job sorts by key (with a
/// <see cref="PartitionerAttribute"/> method, in the partitioner's partitions), else in no particular order. A fold
/// reducer and a combiner run any number of times anywhere, so they take no state.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TaskSetupAttribute : Attribute
{
}
