using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using FormEngine.Diagnostics;
using FormEngine.Evaluation;

namespace FormEngine.Tests.Loading;

/// <summary>
/// Files that are not what they seem: devices that never end, FIFOs that never open, system files, links
/// that lead out of the template's folder, and bytes that are not text. Each is a diagnostic, never a hang,
/// a crash, an exhausted memory or a file read from outside the folder.
/// </summary>
public class HostileFileTests
{
    private const string Section = "sections:\n  - id: s\n    questions:\n      - { id: q, type: text }\n";

    private string _folder = string.Empty;
    private string _root = string.Empty;

    [SetUp]
    public void CreateFolders()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"formengine-files-{Guid.NewGuid():N}");
        _root = Path.Combine(_folder, "templates");
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(Path.Combine(_folder, "outside", "deep"));
        File.WriteAllText(Path.Combine(_folder, "outside", "secret.yaml"), "choices:\n  secret_outside: [a, b]\n");
        File.WriteAllText(Path.Combine(_folder, "outside", "deep", "secret.yaml"), "choices:\n  secret_deep: [a, b]\n");
    }

    [TearDown]
    public void DeleteFolders() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Dev_zero_as_the_template_is_refused_without_reading_it()
    {
        RequireUnix();
        var diagnostic = FormTemplate.Load("/dev/zero").Diagnostics.Single();
        Assert.That(diagnostic.Message, Does.Contain("not a regular file"));
    }

    [Test]
    public void Dev_zero_as_the_answers_file_is_refused_without_reading_it()
    {
        RequireUnix();
        var result = AnswersDocument.Load("/dev/zero");
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("not a regular file"));
    }

    [Test]
    public void A_proc_file_is_refused_even_though_the_system_calls_it_regular()
    {
        RequireLinux();
        Assert.That(FormTemplate.Load("/proc/self/status").Diagnostics.Single().Message, Does.Contain("not a regular file"));
        Assert.That(AnswersDocument.Load("/proc/self/status").Diagnostics.Single().Message, Does.Contain("not a regular file"));
    }

    [Test]
    public void A_link_to_a_device_inside_the_folder_is_refused()
    {
        RequireUnix();
        File.CreateSymbolicLink(Path.Combine(_root, "zero.yaml"), "/dev/zero");
        var main = Main("include: [zero.yaml]\n");
        var result = FormTemplate.Load(main);
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.IncludeOutsideRoot));
    }

    [Test]
    public void A_fifo_in_the_folder_is_refused_rather_than_waited_on()
    {
        RequireLinux();
        var fifo = Path.Combine(_root, "pipe.yaml");
        Assert.That(MakeFifo(fifo, Convert.ToUInt32("600", 8)), Is.Zero, "mkfifo");
        var main = Main("include: [pipe.yaml]\n");

        // If the loader opened the FIFO it would wait for a writer forever; a bound on the wait turns that into a failure.
        var load = Task.Run(() => FormTemplate.Load(main));
        var finished = load.Wait(TimeSpan.FromSeconds(30));
        if (!finished)
        {
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write); // releases the waiting reader
        }

        Assert.That(finished, Is.True, "the loader waited on the FIFO");
        var diagnostic = load.Result.Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Line, diagnostic.Column), Is.EqualTo((DiagnosticCodes.FileNotFound, 2, 11)));
        Assert.That(diagnostic.Message, Does.Contain("not a regular file"));
        Assert.That(AnswersDocument.Load(fifo).Diagnostics.Single().Message, Does.Contain("not a regular file"));
    }

    [Test]
    public void A_socket_in_the_folder_is_refused()
    {
        RequireUnix();
        var path = Path.Combine(_root, "socket.yaml");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var result = FormTemplate.Load(Main("include: [socket.yaml]\n"));
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("not a regular file"));
    }

    [TestCase("dirlink", "../outside", "dirlink/secret.yaml", TestName = "An_include_through_a_folder_link_that_leads_out_is_refused")]
    [TestCase("dirlink", "../outside/deep", "dirlink/../secret.yaml", TestName = "Dot_dot_after_a_folder_link_is_applied_to_the_link_target_and_refused")]
    [TestCase("proc", "/proc", "proc/self/status", TestName = "An_include_through_a_link_to_proc_is_refused")]
    [TestCase("dev", "/dev", "dev/zero", TestName = "An_include_through_a_link_to_dev_is_refused")]
    public void Links_that_lead_out_of_the_template_folder_are_refused(string link, string target, string include)
    {
        RequireUnix();
        Directory.CreateSymbolicLink(Path.Combine(_root, link), target);
        // A decoy inside the folder where `..` would land if it were applied to the text of the path.
        File.WriteAllText(Path.Combine(_root, "secret.yaml"), "choices:\n  decoy_inside: [a, b]\n");
        var result = FormTemplate.Load(Main($"include: [{include}]\n"));

        Assert.That(result.Success, Is.False);
        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Line), Is.EqualTo((DiagnosticCodes.IncludeOutsideRoot, 2)));
        Assert.That(diagnostic.Message, Does.Not.Contain("secret_").And.Not.Contain("VmRSS"));
    }

    [Test]
    public void A_folder_link_that_stays_inside_the_template_folder_is_followed()
    {
        RequireUnix();
        Directory.CreateDirectory(Path.Combine(_root, "common"));
        File.WriteAllText(Path.Combine(_root, "common", "shared.yaml"), "choices:\n  yes_no: [yes, no]\n");
        Directory.CreateSymbolicLink(Path.Combine(_root, "shared"), "common");
        var result = FormTemplate.Load(Main("include: [shared/shared.yaml]\n"));
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void Links_in_a_loop_are_a_diagnostic()
    {
        RequireUnix();
        Directory.CreateSymbolicLink(Path.Combine(_root, "a"), "b");
        Directory.CreateSymbolicLink(Path.Combine(_root, "b"), "a");
        var result = FormTemplate.Load(Main("include: [a/x.yaml]\n"));
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.IncludeOutsideRoot));
    }

    [Test]
    public void A_nul_in_an_include_path_is_a_diagnostic_at_the_path()
    {
        var result = FormTemplate.Load(Main("include: [\"parts\\0/x.yaml\"]\n"));
        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Line, diagnostic.Column), Is.EqualTo((DiagnosticCodes.InvalidValue, 2, 11)));
        Assert.That(diagnostic.Message, Does.Contain("NUL"));
    }

    [Test]
    public void A_nul_in_a_file_path_is_a_diagnostic()
    {
        Assert.That(FormTemplate.Load("template\0.yaml").Diagnostics.Single().Message, Does.Contain("NUL"));
        Assert.That(AnswersDocument.Load("answers\0.json").Diagnostics.Single().Message, Does.Contain("NUL"));
    }

    [Test]
    public void A_template_that_is_not_utf8_is_a_diagnostic_at_the_bad_byte()
    {
        var path = Path.Combine(_root, "latin1.yaml");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("id: t\ntitle: Caf"), 0xE9, .. Encoding.ASCII.GetBytes(" visit\n" + Section)]);
        var diagnostic = FormTemplate.Load(path).Diagnostics.Single();
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((2, 11)));
        Assert.That(diagnostic.Message, Does.Contain("not UTF-8"));
    }

    [Test]
    public void An_answers_file_that_is_not_utf8_is_a_diagnostic_rather_than_answers_with_replacement_characters()
    {
        var path = Path.Combine(_root, "answers.json");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("{\"s\": {\"q\": \"Caf"), 0xE9, .. Encoding.ASCII.GetBytes("\"}}")]);
        var result = AnswersDocument.Load(path);
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Message, Does.Contain("not UTF-8"));
    }

    [Test]
    public void Utf8_with_a_byte_order_mark_and_utf16_with_one_are_read()
    {
        var path = Path.Combine(_root, "answers.json");
        File.WriteAllText(path, "{\"s\": {\"q\": \"Dŵr\"}}", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.That(AnswersDocument.Load(path).Answers!["s"]!["q"]!.GetValue<string>(), Is.EqualTo("Dŵr"));
        File.WriteAllText(path, "{\"s\": {\"q\": \"Dŵr\"}}", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        Assert.That(AnswersDocument.Load(path).Answers!["s"]!["q"]!.GetValue<string>(), Is.EqualTo("Dŵr"));
    }

    private string Main(string include)
    {
        var path = Path.Combine(_root, "main.yaml");
        File.WriteAllText(path, "id: t\n" + include + Section);
        return path;
    }

    private static void RequireUnix()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Devices, FIFOs and Unix symbolic links are Unix attacks.");
        }
    }

    private static void RequireLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("This attack uses Linux's /proc and mkfifo.");
        }
    }

    [DllImport("libc", EntryPoint = "mkfifo", CharSet = CharSet.Ansi)]
    private static extern int MakeFifo(string path, uint mode);
}
