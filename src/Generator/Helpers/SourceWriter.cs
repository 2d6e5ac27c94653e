using System;
using System.Text;

namespace MapReduceGen.Generator.Helpers
{
    /// <summary>
    /// Writes C# text with the current indentation: a line at a time, or a block of lines (a raw string literal) whose
    /// every line is indented, so generated members are written as they read.
    /// </summary>
    internal sealed class SourceWriter
    {
        private const string IndentUnit = "    ";
        private readonly StringBuilder _builder = new StringBuilder();
        private int _indent;

        /// <summary>Writes one line at the current indentation (an empty line stays empty).</summary>
        public void WriteLine(string line)
        {
            if (line.Length > 0)
            {
                for (int i = 0; i < _indent; i++)
                {
                    _builder.Append(IndentUnit);
                }

                _builder.Append(line);
            }

            _builder.Append('\n');
        }

        public void WriteLine() => _builder.Append('\n');

        /// <summary>
        /// Writes every line of <paramref name="lines"/> at the current indentation: a raw string literal's lines keep
        /// their relative indentation and all move with the block they are written in. A final line break is ignored.
        /// </summary>
        public void WriteLines(string lines)
        {
            int start = 0;
            while (start < lines.Length)
            {
                int end = lines.IndexOf('\n', start);
                if (end < 0)
                {
                    end = lines.Length;
                }

                int length = end - start;
                if (length > 0 && lines[end - 1] == '\r')
                {
                    length--;
                }

                WriteLine(lines.Substring(start, length));
                start = end + 1;
            }
        }

        public void OpenBlock()
        {
            WriteLine("{");
            _indent++;
        }

        public void CloseBlock(string suffix = "")
        {
            if (_indent == 0)
            {
                throw new InvalidOperationException("No block is open.");
            }

            _indent--;
            WriteLine("}" + suffix);
        }

        public override string ToString() => _builder.ToString();
    }
}
