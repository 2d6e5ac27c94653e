using System;
using System.Text;

namespace MapReduceGen.Generator.Helpers
{
    /// <summary>Writes C# text line by line with the current indentation.</summary>
    internal sealed class SourceWriter
    {
        private const string IndentUnit = "    ";
        private readonly StringBuilder _builder = new StringBuilder();
        private int _indent;

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
