namespace Sample.WordCount.Tests;

/// <summary>
/// Four short reStructuredText articles in the style of PyMOTW's <c>multiprocessing</c> chapter (the seed's
/// input): section titles, directives and comments (<c>..</c> lines), literal blocks of Python code and of
/// program output, with CRLF line ends in one of them.
/// </summary>
internal static class PyMotwLikeTexts
{
    public const string Basics =
        """
        ==========================
        multiprocessing Basics
        ==========================

        .. module:: multiprocessing
           :synopsis: Manage processes like threads.

        The simplest way to spawn a second process is to instantiate a
        ``Process`` object with a target function and call ``start()``
        to let it begin working.

        .. literalinclude:: multiprocessing_simple.py
           :caption:
           :start-after: #end_pymotw_header

        The output includes the word "Worker" printed five times, although
        it may not be entirely clean, depending on the order of execution,
        because each process is competing for access to the output stream.

        .. {{{cog
        .. cog.out(run_script(cog.inFile, 'multiprocessing_simple.py'))
        .. }}}

        ::

        	$ python3 multiprocessing_simple.py

        	Worker
        	Worker
        	Worker

        .. {{{end}}}

        """;

    public const string Daemons =
        "Daemon Processes\r\n" +
        "================\r\n" +
        "\r\n" +
        "By default, the main program will not exit until all of the children\r\n" +
        "have exited. There are times when starting a background process that\r\n" +
        "runs without blocking the main program from exiting is useful.\r\n" +
        "\r\n" +
        ".. literalinclude:: multiprocessing_daemon.py\r\n" +
        "   :caption:\r\n" +
        "\r\n" +
        "The output does not include the \"Exiting\" message from the daemon\r\n" +
        "process, since all of the non-daemon processes (including the main\r\n" +
        "program) exit before the daemon process wakes up from its two second sleep.\r\n" +
        "\r\n" +
        "::\r\n" +
        "\r\n" +
        "\t$ python3 multiprocessing_daemon.py\r\n" +
        "\r\n" +
        "\tStarting daemon 41838\r\n" +
        "\tStarting non-daemon 41841\r\n" +
        "\tExiting non-daemon 41841\r\n";

    public const string Pool =
        """
        Process Pools
        =============

        The ``Pool`` class can be used to manage a fixed number of workers for
        simple cases where the work to be done can be broken up and distributed
        between workers independently.

        .. literalinclude:: multiprocessing_pool.py
           :caption:

        The return value of ``pool.map()`` is a list: the results of the
        function for every input, in order.

        ::

        	$ python3 multiprocessing_pool.py

        	Input   : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
        	Built-in: [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]
        	Starting ForkPoolWorker-1
        	Starting ForkPoolWorker-2
        	Pool    : [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]

        """;

    public const string MapReduce =
        """
        Implementing MapReduce
        ======================

        The ``Pool`` class can be used to create a simple single-server
        MapReduce implementation. Although it does not give the full benefits
        of distributed processing, it does illustrate how easy it is to break
        some problems down into distributable units of work.

        .. literalinclude:: multiprocessing_wordcount.py
           :caption:
           :start-after: #end_pymotw_header

        The ``file_to_words()`` function converts each input file to a
        sequence of tuples containing the word and the number ``1`` (a single
        occurrence). The data is divided up into partitions by the
        ``partition()`` method of the worker process. Lines starting with
        ``..`` are skipped, because they are comments in reStructuredText.

        ::

        	$ python3 multiprocessing_wordcount.py

        	ForkPoolWorker-1 reading basics.rst
        	ForkPoolWorker-2 reading communication.rst

        	TOP 20 WORDS BY FREQUENCY

        	process         :    83
        	running         :    45

        """;
}
