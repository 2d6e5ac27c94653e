namespace Sample.WordCount.Tests;

public class CommandLineTests
{
    private static CommandLineOptions Ok(params string[] args)
    {
        var result = CommandLine.Parse(args);
        Assert.True(result.IsSuccess, result.Error);
        Assert.Null(result.Error);
        return result.Options;
    }

    private static string Fails(params string[] args)
    {
        var result = CommandLine.Parse(args);
        Assert.False(result.IsSuccess);
        Assert.Null(result.Options);
        Assert.DoesNotContain('\n', result.Error);
        return result.Error;
    }

    [Fact]
    public void No_arguments_count_the_default_text_as_the_seed_does()
    {
        var options = Ok();
        Assert.Empty(options.Paths);
        Assert.Equal(20, options.Top);
        Assert.False(options.TopGiven);
        Assert.False(options.Tsv);
        Assert.Null(options.Workers);
        Assert.False(options.ShowHelp);
    }

    [Fact]
    public void Paths_keep_their_order_and_mix_with_options()
    {
        var options = Ok("a.rst", "--top", "5", "docs", "--tsv", "*.txt", "--workers", "3", "-");
        Assert.Equal(["a.rst", "docs", "*.txt", "-"], options.Paths);
        Assert.Equal(5, options.Top);
        Assert.True(options.TopGiven);
        Assert.True(options.Tsv);
        Assert.Equal(3, options.Workers);
    }

    [Fact]
    public void Equals_forms_are_accepted()
    {
        var options = Ok("--top=7", "--workers=2");
        Assert.Equal(7, options.Top);
        Assert.Equal(2, options.Workers);
    }

    [Fact]
    public void The_last_repeated_option_wins()
    {
        var options = Ok("--top", "3", "--top", "9", "--workers", "1", "--workers=4");
        Assert.Equal(9, options.Top);
        Assert.Equal(4, options.Workers);
    }

    [Fact]
    public void Double_dash_ends_options()
    {
        var options = Ok("--tsv", "--", "--top", "-h", "--weird", "x");
        Assert.True(options.Tsv);
        Assert.Equal(["--top", "-h", "--weird", "x"], options.Paths);
        Assert.Equal(20, options.Top);
        Assert.False(options.ShowHelp);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    public void Help_is_recognised(string flag)
    {
        Assert.True(Ok(flag).ShowHelp);
        Assert.True(Ok("file.txt", "--top", "3", flag).ShowHelp);
    }

    [Fact]
    public void Help_wins_over_bad_arguments()
    {
        Assert.True(Ok("--bogus", "--help").ShowHelp);
        Assert.True(Ok("--top", "--help").ShowHelp);
    }

    [Fact]
    public void Usage_names_every_option_and_ends_with_a_line_feed()
    {
        var usage = CommandLine.Usage(CommandLine.DefaultProgramName);
        Assert.StartsWith("usage: wordcount [PATH...] [--top N] [--tsv] [--workers N]\n", usage, StringComparison.Ordinal);
        foreach (var option in new[] { "--top N", "--tsv", "--workers N", "-h, --help", "--version", "--  " })
        {
            Assert.Contains(option, usage, StringComparison.Ordinal);
        }

        Assert.EndsWith("\n", usage, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', usage);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("-x")]
    [InlineData("--TOP")]
    [InlineData("--tsv-all")]
    public void Unknown_options_are_errors(string option)
    {
        Assert.Equal($"unknown option '{option}' (try 'wordcount --help')", Fails("a.txt", option));
    }

    [Theory]
    [InlineData("--top")]
    [InlineData("--workers")]
    public void A_missing_number_is_an_error(string option)
    {
        Assert.Equal($"option '{option}' needs a number", Fails("a.txt", option));
    }

    [Theory]
    [InlineData("--top", "0")]
    [InlineData("--top", "-3")]
    [InlineData("--top", "ten")]
    [InlineData("--top", "1.5")]
    [InlineData("--top", "")]
    [InlineData("--top", " 5")]
    [InlineData("--top", "+5")]
    [InlineData("--top", "99999999999")]
    [InlineData("--workers", "0")]
    [InlineData("--workers", "-1")]
    [InlineData("--workers", "x")]
    [InlineData("--workers", "٣")]
    public void An_invalid_or_non_positive_number_is_an_error(string option, string value)
    {
        var expected = $"option '{option}' needs a positive whole number, not '{value}'";
        Assert.Equal(expected, Fails(option, value));
        Assert.Equal(expected, Fails($"{option}={value}"));
    }

    [Fact]
    public void Tsv_takes_no_value()
    {
        Assert.Equal("option '--tsv' takes no value", Fails("--tsv=yes"));
    }

    [Fact]
    public void Large_but_valid_numbers_are_accepted()
    {
        Assert.Equal(int.MaxValue, Ok("--top", "2147483647").Top);
        Assert.Equal(1, Ok("--workers", "0001").Workers);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => CommandLine.Parse(null!));
    }
}
