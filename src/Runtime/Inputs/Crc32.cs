using System.Buffers.Binary;

namespace MapReduceGen;

/// <summary>
/// The CRC-32 of gzip (IEEE 802.3, reflected polynomial 0xEDB88320), eight bytes at a time (slicing by 8): what a gzip
/// member's trailer holds, checked by <see cref="GzipReadStream"/>. Written here so the runtime package keeps no
/// dependencies.
/// </summary>
internal sealed class Crc32
{
    private static readonly uint[] Table = CreateTable();

    private uint _state = uint.MaxValue;

    /// <summary>The CRC-32 of the bytes appended so far.</summary>
    public uint Value => ~_state;

    public void Reset() => _state = uint.MaxValue;

    public void Append(ReadOnlySpan<byte> data)
    {
        uint crc = _state;
        ReadOnlySpan<uint> t = Table;
        while (data.Length >= 8)
        {
            uint low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            uint high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t[(7 * 256) + (int)(low & 0xFF)] ^ t[(6 * 256) + (int)((low >> 8) & 0xFF)] ^
                  t[(5 * 256) + (int)((low >> 16) & 0xFF)] ^ t[(4 * 256) + (int)(low >> 24)] ^
                  t[(3 * 256) + (int)(high & 0xFF)] ^ t[(2 * 256) + (int)((high >> 8) & 0xFF)] ^
                  t[256 + (int)((high >> 16) & 0xFF)] ^ t[(int)(high >> 24)];
            data = data[8..];
        }

        foreach (byte b in data)
        {
            crc = t[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        _state = crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            uint crc = i;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }

            table[i] = crc;
        }

        for (int slice = 1; slice < 8; slice++)
        {
            for (int i = 0; i < 256; i++)
            {
                uint previous = table[((slice - 1) * 256) + i];
                table[(slice * 256) + i] = (previous >> 8) ^ table[(int)(previous & 0xFF)];
            }
        }

        return table;
    }
}
