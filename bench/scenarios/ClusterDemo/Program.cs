using ClusterDemo;

// The cluster demo: the same Sample.WordCount job on Orleans silos in separate processes. See scripts/cluster-demo.sh.
try
{
    var arguments = DemoArguments.Parse(args);
    return arguments.Command switch
    {
        "silo" => await SiloCommand.RunAsync(arguments),
        "client" => await ClientCommand.RunAsync(arguments),
        _ => throw new ArgumentException($"unknown command '{arguments.Command}': use silo or client"),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"ClusterDemo: {e.Message}");
    return 2;
}
