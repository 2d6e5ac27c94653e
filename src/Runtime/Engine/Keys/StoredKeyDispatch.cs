namespace MapReduceGen.Engine.Keys;

/// <summary>Code that runs once the stored form of a job's keys is known (see <see cref="StoredKeyDispatch"/>).</summary>
/// <typeparam name="TResult">What the code returns.</typeparam>
internal interface IStoredKeyAction<TResult>
{
    TResult Run<TStored, TOps>()
        where TOps : struct, IKeyOps<TStored>;
}

/// <summary>
/// The one place that chooses how a job's keys are stored in its tables: string keys as UTF-8 (<see cref="Utf8Key"/>,
/// <see cref="Utf8KeyOps"/>), every other key as itself, hashed and compared by the job (<see cref="ObjectKeyOps{TKey, TKeys}"/>).
/// </summary>
internal static class StoredKeyDispatch
{
    public static TResult Run<TJob, TKey, TResult, TAction>(TAction action)
        where TJob : IKeyEquality<TKey>
        where TAction : IStoredKeyAction<TResult> =>
        typeof(TKey) == typeof(string)
            ? action.Run<Utf8Key, Utf8KeyOps>()
            : action.Run<TKey, ObjectKeyOps<TKey, TJob>>();
}
