namespace MapReduceGen.Generator.Helpers
{
    /// <summary>Combines hash codes (netstandard2.0 has no System.HashCode).</summary>
    internal static class HashCombiner
    {
        public static int Combine(int first, int second)
        {
            unchecked
            {
                return (first * -1521134295) + second;
            }
        }
    }
}
