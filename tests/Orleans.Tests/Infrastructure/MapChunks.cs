using MapReduceGen.Engine;
using MapReduceGen.Engine.Keys;
using MapReduceGen.Engine.Map;
using MapReduceGen.Orleans.Jobs;
using Orleans.Serialization;

namespace MapReduceGen.Orleans.Tests.Infrastructure;

/// <summary>Makes the chunk a map task of a fold job with string keys sends a reduce task: its pairs, combined.</summary>
internal static class MapChunks
{
    public static byte[] Folded<TJob>(Serializer serializer, params (string Key, int Value)[] pairs)
        where TJob : struct, IKeyEquality<string>, ICombiner<int>
    {
        var sink = new Utf8MapSink<int, int, FoldMapSide<TJob, int>>();
        foreach (var (key, value) in pairs)
        {
            sink.AddString(key, value);
        }

        MapOutput<Utf8Key, int, int> output = MapOutputBuilder.Build<Utf8Key, int, int, Utf8KeyOps>(sink.Table<Utf8Key, Utf8KeyOps>(), null, 1);
        var writer = new ValueWriter();
        PieceEncoding.Encode(writer, output.All, keepsValues: false, new TypedCodecs<string, int, int>(null), new OrleansPayloadCodec(serializer));
        return writer.ToArray();
    }
}
