// The cluster tests share three in-process silos and the machine's two cores: run the tests one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
