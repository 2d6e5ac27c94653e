using System.Runtime.InteropServices;

namespace CountWordsBaseline;

/// <summary>
/// Native memory for the tables, the arena and the sort entries. Blocks of 4 MiB or more (a table of 262,144 slots or
/// more; never for the 32,187 words of the KJV) are 2 MiB-aligned and, on Linux, advised to use transparent huge pages
/// (<c>madvise(MADV_HUGEPAGE)</c>; the kernel's default mode here is "madvise"): with millions of distinct words every
/// table lookup is a random access to tens of megabytes, and 4 KiB pages add a TLB miss and, on first touch, a page
/// fault to most of them. Measured on the many-keys input: 20% less time. Smaller blocks get nothing special.
/// </summary>
internal static unsafe class LargeMemory
{
    private const nuint HugePage = 2u << 20;
    private const nuint HugeFrom = 4u << 20;
    private const int MadviseHugePage = 14;

    /// <summary>Allocates <paramref name="bytes"/>, zeroed when <paramref name="zero"/>; free with <see cref="Free"/>.</summary>
    public static void* Allocate(nuint bytes, bool zero)
    {
        if (bytes < HugeFrom)
        {
            void* small = NativeMemory.AlignedAlloc(bytes, 64);
            if (zero)
            {
                NativeMemory.Clear(small, bytes);
            }

            return small;
        }

        void* p = NativeMemory.AlignedAlloc(bytes, HugePage);
        if (OperatingSystem.IsLinux())
        {
            _ = Madvise(p, bytes, MadviseHugePage); // advice only: a failure changes nothing
        }

        if (zero)
        {
            NativeMemory.Clear(p, bytes);
        }

        return p;
    }

    /// <summary>A larger block holding the first <paramref name="used"/> bytes of <paramref name="p"/>, which is freed.</summary>
    public static void* Grow(void* p, nuint used, nuint bytes)
    {
        void* grown = Allocate(bytes, zero: false);
        Buffer.MemoryCopy(p, grown, bytes, used);
        Free(p);
        return grown;
    }

    public static void Free(void* p) => NativeMemory.AlignedFree(p);

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(void* address, nuint length, int advice);
}
