namespace FormEngine.Fuzz;

/// <summary>One kind of input that FormEngine reads from people it does not trust.</summary>
internal interface IFuzzTarget
{
    /// <summary>The name given on the command line.</summary>
    string Name { get; }

    /// <summary>Loads what every run shares (example templates, symbols), once per process.</summary>
    void Prepare();

    /// <summary>Feeds one input to FormEngine. Diagnostics are success; an exception is a finding.</summary>
    void Run(string input);

    /// <summary>Seed inputs taken from the repository: examples and the test suites' cases.</summary>
    IEnumerable<(string Name, string Text)> Seeds(string repoRoot);

    /// <summary>Words that only make sense whole (keys, keywords, function names), to help afl-fuzz splice them in.</summary>
    IEnumerable<string> DictionaryWords(string repoRoot);
}
