using System.ComponentModel;
using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Map;

namespace MapReduceGen.Engine;

/// <summary>
/// What a job's intercepted <c>Emit</c> calls become (the generator writes the interceptors). When the emitter is the
/// engine's map sink for the job, the pair goes straight into its table by a direct call (a type check on a sealed
/// class, then no virtual dispatch); any other emitter (a test's collector, a skipped-record stage, another job's sink)
/// gets the ordinary virtual call. The sink's type is named by the job's key, value and map side
/// (<c>TSide</c>: <see cref="FoldMapSide{TJob, TValue}"/>, <see cref="CollectMapSide{TValue}"/>,
/// <see cref="DistinctMapSide{TValue}"/>, with its slot <c>TSlot</c>), so one family of methods serves
/// every reducer shape. String keys have their own methods, not generic over the key, so the call compiles for the
/// exact job rather than as code shared by every reference type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DirectEmit
{
    private static long s_fallbacks;

    /// <summary>
    /// How many calls took the ordinary virtual call since the process started (the emitter was not the engine's sink of
    /// the named type). Tests read it to prove that an intercepted call's type arguments name the sink the job's
    /// definition makes: a call of the engine's own sink never gets here.
    /// </summary>
    internal static long Fallbacks => Interlocked.Read(ref s_fallbacks);

    /// <summary>Emits a pair whose key is not a string.</summary>
    /// <typeparam name="TJob">The job struct (the key's hashing and equality).</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TSlot">The job's slot type.</typeparam>
    /// <typeparam name="TSide">The job's map side.</typeparam>
    /// <param name="emitter">The mapper's emitter.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Emit<TJob, TKey, TValue, TSlot, TSide>(Emitter<TKey, TValue> emitter, TKey key, TValue value)
        where TJob : IKeyEquality<TKey>
        where TSide : IMapSide<TValue, TSlot>
    {
        if (emitter.SinkOrNull is ObjectMapSink<TJob, TKey, TValue, TSlot, TSide> sink)
        {
            sink.Add(key, value);
        }
        else
        {
            Interlocked.Increment(ref s_fallbacks);
            emitter.Emit(key, value);
        }
    }

    /// <summary>Emits a pair whose key is a string.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TSlot">The job's slot type.</typeparam>
    /// <typeparam name="TSide">The job's map side.</typeparam>
    /// <param name="emitter">The mapper's emitter.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EmitString<TValue, TSlot, TSide>(Emitter<string, TValue> emitter, string key, TValue value)
        where TSide : IMapSide<TValue, TSlot>
    {
        if (emitter.SinkOrNull is Utf8MapSink<TValue, TSlot, TSide> sink)
        {
            sink.AddString(key, value);
        }
        else
        {
            Interlocked.Increment(ref s_fallbacks);
            emitter.Emit(key, value);
        }
    }

    /// <summary>Emits a pair whose string key is given as characters.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TSlot">The job's slot type.</typeparam>
    /// <typeparam name="TSide">The job's map side.</typeparam>
    /// <param name="emitter">The mapper's emitter.</param>
    /// <param name="key">The key's characters.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EmitChars<TValue, TSlot, TSide>(Emitter<string, TValue> emitter, ReadOnlySpan<char> key, TValue value)
        where TSide : IMapSide<TValue, TSlot>
    {
        if (emitter.SinkOrNull is Utf8MapSink<TValue, TSlot, TSide> sink)
        {
            sink.AddChars(key, value);
        }
        else
        {
            Interlocked.Increment(ref s_fallbacks);
            emitter.Sink.Emit(key, value);
        }
    }

    /// <summary>Emits a pair whose string key is given as UTF-8 bytes.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <typeparam name="TSlot">The job's slot type.</typeparam>
    /// <typeparam name="TSide">The job's map side.</typeparam>
    /// <param name="emitter">The mapper's emitter.</param>
    /// <param name="key">The key's UTF-8 bytes.</param>
    /// <param name="value">The value.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void EmitUtf8<TValue, TSlot, TSide>(Emitter<string, TValue> emitter, ReadOnlySpan<byte> key, TValue value)
        where TSide : IMapSide<TValue, TSlot>
    {
        if (emitter.SinkOrNull is Utf8MapSink<TValue, TSlot, TSide> sink)
        {
            sink.AddUtf8(key, value);
        }
        else
        {
            Interlocked.Increment(ref s_fallbacks);
            emitter.Sink.EmitUtf8(key, value);
        }
    }
}
