using System.Diagnostics;
using System.Globalization;
using MapReduceGen;
using MapReduceGen.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sample.WordCount;

namespace ClusterDemo;

/// <summary>
/// <c>client --gateways G1,G2 [--kill-pid PID --kill-at-task N] [--split-bytes B] [--top N] [--verify] [--repeat R] [--measure] PATH...</c>:
/// runs Sample.WordCount's job over the files on the cluster and prints the table. With <c>--kill-pid</c> it kills that
/// silo process (SIGKILL) when the N-th map task starts, mid-run. <c>--verify</c> checks every count against the local
/// runner. <c>--repeat R</c> times R cluster runs and R local runs, alternating (after two warm-ups each), and prints
/// the best and median times. <c>--measure</c> runs the job once on the cluster (and nothing else in this process) and
/// prints the client's peak memory and the bytes it received.
/// </summary>
internal static class ClientCommand
{
    public static async Task<int> RunAsync(DemoArguments args)
    {
        int[] gateways = args.Ints("--gateways");
        int top = args.Int("--top", 20);
        int killPid = args.Int("--kill-pid", 0);
        int killAtTask = args.Int("--kill-at-task", 6);
        int repeat = args.Int("--repeat", 0);
        long splitBytes = args.Long("--split-bytes", 0);
        if (args.Paths.Count == 0)
        {
            throw new ArgumentException("give the files or directories to count");
        }

        using var measure = new ClientMeasure();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(args.Has("--log") ? LogLevel.Information : LogLevel.Critical);
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(gateways, DemoCluster.ServiceId, DemoCluster.ClusterId);
            client.AddMapReduce();
        });
        using var host = builder.Build();
        await host.StartAsync();
        var cluster = host.Services.GetRequiredService<IClusterClient>();

        int started = 0;
        int retried = 0;
        ClusterRunSummary? summary = null;
        var options = new ClusterExecutionOptions
        {
            RunCompleted = s => summary = s,
            TaskEvent = e =>
            {
                if (e.Kind == ClusterTaskEventKind.Retrying)
                {
                    retried++;
                    Console.Error.WriteLine($"re-executing {e.Phase.ToString().ToLowerInvariant()} task {e.TaskId} (attempt {e.Attempt} on {e.Silo ?? "?"}: {e.Detail})");
                }
                else if (e.Kind == ClusterTaskEventKind.OutputLost)
                {
                    retried++;
                    Console.Error.WriteLine($"output of map task {e.TaskId} lost with silo {e.Silo} ({e.Detail}): running it again");
                }
                else if (e.Kind == ClusterTaskEventKind.Started && e.Phase == MapReducePhase.Map)
                {
                    if (repeat == 0 && !args.Has("--measure"))
                    {
                        Console.Error.WriteLine($"map task {e.TaskId} on silo {e.Silo}: {e.Detail}");
                    }

                    if (++started == killAtTask && killPid != 0)
                    {
                        using var victim = Process.GetProcessById(killPid);
                        victim.Kill();
                        Console.Error.WriteLine($"*** killed silo process {killPid} while map task {e.TaskId} was starting ***");
                    }
                }
            },
        };
        var executor = cluster.MapReduce(options);

        if (repeat > 0)
        {
            return await MeasureAsync(executor, args.Paths, splitBytes, repeat);
        }

        long receivedBefore = measure.ReceivedBytes;
        var result = await executor.RunAsync<WordCountJob.MapReduceJob, string, int>(Source(args.Paths, splitBytes));
        long received = measure.ReceivedBytes - receivedBefore;
        if (args.Has("--measure"))
        {
            // One run in a process that does nothing else: its peak memory is the run's.
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"client peak memory {ClientMeasure.PeakResidentBytes() / 1048576.0:F1} MiB (VmHWM), allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F1} MiB; received {received} bytes from the cluster, {summary?.MapOutputBytesToCoordinator ?? -1} bytes of map output, {summary?.ResultBytesToCoordinator ?? -1} bytes of results; {summary?.MapOutputBytes ?? -1} bytes of map output stayed on the silos ({result.Statistics.DistinctKeys} keys, {summary?.MapTasks ?? 0} map tasks)"));
            await host.StopAsync();
            return 0;
        }

        Console.Write(WordTable.Format(top, result.Top(top)));
        Console.Error.WriteLine(result.Statistics.ToString());
        Console.Error.WriteLine($"{started} map task attempts started, {retried} re-executed");
        if (summary is not null)
        {
            Console.Error.WriteLine(
                $"{summary.MapTasks} map tasks, {summary.MapAttempts} attempts, {summary.LostMapOutputs} completed outputs lost and produced again; " +
                $"{summary.MapOutputBytes} bytes of map output kept on the silos, {summary.ShuffleBytes} fetched silo to silo by the reduce tasks");
            Console.WriteLine($"client received {summary.MapOutputBytesToCoordinator} bytes of map output");
            Console.Error.WriteLine($"client received {received} bytes from the cluster in all ({summary.ResultBytesToCoordinator} of them the results)");
        }
        if (args.Has("--verify"))
        {
            var local = WordCountJob.Run(TextSource.FromPaths(args.Paths));
            bool same = local.Count == result.Count && local.All(e => result.TryGetValue(e.Key, out int count) && count == e.Value);
            Console.Error.WriteLine(same
                ? $"verified: all {local.Count} word counts equal the local runner's"
                : "MISMATCH: the cluster's counts differ from the local runner's");
            return same ? 0 : 1;
        }

        await host.StopAsync();
        return 0;
    }

    private static TextSource Source(List<string> paths, long splitBytes)
    {
        var source = TextSource.FromPaths(paths);
        source.SplitBytes = splitBytes;
        return source;
    }

    private static async Task<int> MeasureAsync(MapReduceClusterExecutor executor, List<string> paths, long splitBytes, int repeat)
    {
        // Cluster and local runs alternate, so both see the same background load; the first two of each warm up (every
        // silo compiles the job's code on its own).
        var clusterTimes = new List<double>();
        var localTimes = new List<double>();
        const int WarmUp = 2;
        for (int i = 0; i < repeat + WarmUp; i++)
        {
            var clock = Stopwatch.StartNew();
            await executor.RunAsync<WordCountJob.MapReduceJob, string, int>(Source(paths, splitBytes));
            double cluster = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            WordCountJob.Run(TextSource.FromPaths(paths));
            double local = clock.Elapsed.TotalMilliseconds;
            if (i >= WarmUp)
            {
                clusterTimes.Add(cluster);
                localTimes.Add(local);
            }
        }

        var source = TextSource.FromPaths(paths);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"input {source.TotalBytes / 1048576.0:F1} MiB in {source.Files.Count} files, {repeat} runs: cluster best {clusterTimes.Min():F0} ms, median {Median(clusterTimes):F0} ms; local runner best {localTimes.Min():F0} ms, median {Median(localTimes):F0} ms"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
