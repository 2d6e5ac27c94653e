namespace MapReduceGen.Generator.Model
{
    /// <summary>Which <c>Emit</c> overload a mapper's call site uses, so its interceptor has the same signature.</summary>
    internal enum EmitCallKind
    {
        /// <summary><c>Emitter&lt;TKey, TValue&gt;.Emit(TKey key, TValue value)</c> with a key type other than string.</summary>
        Key,

        /// <summary><c>Emitter&lt;string, TValue&gt;.Emit(string key, TValue value)</c>.</summary>
        StringKey,

        /// <summary><c>EmitterExtensions.Emit(this Emitter&lt;string, TValue&gt;, ReadOnlySpan&lt;char&gt; key, TValue value)</c>.</summary>
        Chars,

        /// <summary><c>EmitterExtensions.EmitUtf8(this Emitter&lt;string, TValue&gt;, ReadOnlySpan&lt;byte&gt; key, TValue value)</c>.</summary>
        Utf8,
    }
}
