using System.Text;
using FormEngine.Cli;

// Standard input is read as strict UTF-8, so a body that is not UTF-8 is refused rather than changed.
using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
return CommandLine.Run(args, stdin, Console.Out, Console.Error);
