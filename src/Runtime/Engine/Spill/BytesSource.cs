namespace MapReduceGen.Engine.Spill;

/// <summary>
/// A sorted run held in memory as bytes (a map task's output fetched by a reduce task): its rows read front to back; string
/// keys point into the bytes, which are kept.
/// </summary>
internal sealed class BytesSource<TKey, TStored, TSlot, TValue, TResult>(
    byte[] bytes, int start, int length, TypedCodecs<TKey, TValue, TResult> codecs, ValueCodec<TSlot> slotCodec, bool keepsValues, string jobName)
    : MergeSource<TStored, TSlot, TValue>
{
    private readonly List<TValue>? _values = keepsValues ? [] : null;
    private readonly int _end = start + length;
    private int _position = start;

    public override ReadOnlySpan<TValue> CurrentValues => _values is null ? default : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values);

    public override bool MoveNext()
    {
        int end = _end;
        if (_position >= end)
        {
            return false;
        }

        try
        {
            var header = new ValueReader(bytes.AsSpan(_position, end - _position));
            int rowLength = checked((int)header.ReadVarUInt32());
            int rowStart = _position + header.Position;
            var reader = new ValueReader(bytes.AsSpan(rowStart, Math.Min(rowLength, end - rowStart)));
            _values?.Clear();
            RunRows.Read(ref reader, bytes, rowStart, ref Current, _values, codecs, slotCodec);
            if (!reader.End || rowLength > end - rowStart)
            {
                throw new InvalidDataException("A sorted run's row does not match its length.");
            }

            _position = rowStart + rowLength;
            return true;
        }
        catch (Exception e) when (FileSource<TKey, TStored, TSlot, TValue, TResult>.IsCorrupt(e))
        {
            throw MapReduceException.ForSpill(jobName, "(fetched map output)", e, MapReducePhase.Reduce);
        }
    }
}
