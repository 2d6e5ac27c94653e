// The cluster tests share in-process silos, static gates in the test jobs and the machine's two cores: run them
// one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
