using System.ComponentModel;
using System.Runtime.CompilerServices;
using MapReduceGen.Engine.Map;

namespace MapReduceGen.Engine;

/// <summary>
/// What a job's intercepted <c>Emit</c> calls become (the generator writes the interceptors). When the emitter is the
/// engine's map task for the job, the pair goes straight into its table by a direct, inlinable call (a type check on a
/// sealed class, then no virtual dispatch); any other emitter (a test's collector, a skipped-record stage) gets the
/// ordinary virtual call. <c>Fold</c> methods serve jobs that combine values as they arrive (<c>TJob</c> is the job
/// struct), <c>Collect</c> methods jobs that keep every value. String keys have their own methods, not generic over
/// the key, so the call compiles for the exact job rather than as code shared by every reference type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DirectEmit
{
    /// <summary>Emits a pair of a combining job whose key is not a string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Fold<TJob, TKey, TValue>(Emitter<TKey, TValue> emitter, TKey key, TValue value)
        where TJob : IKeyEquality<TKey>, ICombiner<TValue>
    {
        if (emitter.SinkOrNull is ObjectMapSink<TJob, TKey, TValue, TValue, FoldMapSide<TJob, TValue>> sink)
        {
            sink.Add(key, value);
        }
        else
        {
            emitter.Emit(key, value);
        }
    }

    /// <summary>Emits a pair of a combining job with string keys.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldString<TJob, TValue>(Emitter<string, TValue> emitter, string key, TValue value)
        where TJob : ICombiner<TValue>
    {
        if (emitter.SinkOrNull is Utf8MapSink<TValue, TValue, FoldMapSide<TJob, TValue>> sink)
        {
            sink.AddString(key, value);
        }
        else
        {
            emitter.Emit(key, value);
        }
    }

    /// <summary>Emits a pair of a combining job whose string key is given as characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldChars<TJob, TValue>(Emitter<string, TValue> emitter, ReadOnlySpan<char> key, TValue value)
        where TJob : ICombiner<TValue>
    {
        if (emitter.SinkOrNull is Utf8MapSink<TValue, TValue, FoldMapSide<TJob, TValue>> sink)
        {
            sink.AddChars(key, value);
        }
        else
        {
            emitter.Sink.Emit(key, value);
        }
    }

    /// <summary>Emits a pair of a combining job whose string key is given as UTF-8 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FoldUtf8<TJob, TValue>(Emitter<string, TValue> emitter, ReadOnlySpan<byte> key, TValue value)
        where TJob : ICombiner<TValue>
    {
        if (emitter.SinkOrNull is Utf8MapSink<TValue, TValue, FoldMapSide<TJob, TValue>> sink)
        {
            sink.AddUtf8(key, value);
        }
        else
        {
            emitter.Sink.EmitUtf8(key, value);
        }
    }

    /// <summary>Emits a pair of a job that keeps every value, whose key is not a string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Collect<TJob, TKey, TValue>(Emitter<TKey, TValue> emitter, TKey key, TValue value)
        where TJob : IKeyEquality<TKey>
    {
        if (emitter.SinkOrNull is ObjectMapSink<TJob, TKey, TValue, int, CollectMapSide<TValue>> sink)
        {
            sink.Add(key, value);
        }
        else
        {
            emitter.Emit(key, value);
        }
    }

    /// <summary>Emits a pair of a job that keeps every value, with string keys.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CollectString<TValue>(Emitter<string, TValue> emitter, string key, TValue value)
    {
        if (emitter.SinkOrNull is Utf8MapSink<TValue, int, CollectMapSide<TValue>> sink)
        {
            sink.AddString(key, value);
        }
        else
        {
            emitter.Emit(key, value);
        }
    }

    /// <summary>Emits a pair of a job that keeps every value, its string key given as characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CollectChars<TValue>(Emitter<string, TValue> emitter, ReadOnlySpan<char> key, TValue value)
    {
        if (emitter.SinkOrNull is Utf8MapSink<TValue, int, CollectMapSide<TValue>> sink)
        {
            sink.AddChars(key, value);
        }
        else
        {
            emitter.Sink.Emit(key, value);
        }
    }

    /// <summary>Emits a pair of a job that keeps every value, its string key given as UTF-8 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CollectUtf8<TValue>(Emitter<string, TValue> emitter, ReadOnlySpan<byte> key, TValue value)
    {
        if (emitter.SinkOrNull is Utf8MapSink<TValue, int, CollectMapSide<TValue>> sink)
        {
            sink.AddUtf8(key, value);
        }
        else
        {
            emitter.Sink.EmitUtf8(key, value);
        }
    }
}
