# Writes `lines` lines of pseudo-random text for CI's native-versus-JIT comparison of Sample.WordCount.
# Variables: seed, lines, ending (the line terminator). The same seed gives the same text (for one awk).
# Words come from a fixed vocabulary (frequent words, ties) or are made of random letters (thousands of rare
# words, some non-ASCII); multi-byte letters are whole array elements, so any awk writes valid UTF-8.
BEGIN {
    n = split("map reduce Worker PROCESS pool the a an of and to is in it data file word count café naïve " \
              "Straße ÜBER Ωmega don't multiprocessing.Pool x y z lorem ipsum dolor sit amet 42 3rd e-mail " \
              "(python) [list] {dict} end. first, last; what? yes! tab\there", vocabulary, " ")
    m = split("a b c d e f g h i j k l m n o p q r s t u v w x y z A E K Q Z é ß ü ç Ω ж 7 _", letters, " ")
    srand(seed)
    for (i = 0; i < lines; i++) {
        if (i % 50 == 0) { printf "   .. directive: skipped words %s%s", vocabulary[1 + int(rand() * n)], ending; continue }
        words = int(rand() * 16)
        line = ""
        for (w = 0; w < words; w++) {
            if (rand() < 0.3) {
                word = ""
                length_ = 1 + int(rand() * 6)
                for (c = 0; c < length_; c++) word = word letters[1 + int(rand() * m)]
            } else {
                word = vocabulary[1 + int(rand() * n)]
            }
            line = line (w ? (rand() < 0.1 ? "  " : " ") : "") word
        }
        printf "%s%s", line, ending
    }
}
