using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace MapReduceGen.Generator.Tests.Infrastructure;

/// <summary>
/// Emits a compilation to memory, loads it into a collectible <see cref="AssemblyLoadContext"/> (MapReduceGen itself
/// resolves to the test's own copy) and calls a static method of it.
/// </summary>
internal static class JobRunner
{
    public static object? Invoke(Compilation compilation, string typeName, string methodName)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, "Emit failed:\n" + string.Join("\n", emit.Diagnostics));
        stream.Position = 0;

        var context = new AssemblyLoadContext("MapReduceGenTest", isCollectible: true);
        try
        {
            Assembly assembly = context.LoadFromStream(stream);
            // By simple name: the probe may sit in the scenario's namespace.
            Type type = assembly.GetTypes().Single(t => t.Name == typeName);
            MethodInfo method = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new InvalidOperationException($"{typeName}.{methodName} not found.");
            try
            {
                return method.Invoke(null, null);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException("The compiled job threw: " + e.InnerException, e.InnerException);
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
