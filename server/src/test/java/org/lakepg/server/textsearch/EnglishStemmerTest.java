package org.lakepg.server.textsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Stems as PostgreSQL 15's english_stem gives them (ts_lexize('english_stem', word) on the reference server). */
class EnglishStemmerTest {

    private static final String[] WORD_STEM = {
            "caresses", "caress",
            "ponies", "poni",
            "ties", "tie",
            "cats", "cat",
            "feed", "feed",
            "agreed", "agre",
            "plastered", "plaster",
            "bled", "bled",
            "motoring", "motor",
            "sing", "sing",
            "conflated", "conflat",
            "troubled", "troubl",
            "sized", "size",
            "hopping", "hop",
            "tanned", "tan",
            "falling", "fall",
            "hissing", "hiss",
            "fizzed", "fizz",
            "failing", "fail",
            "filing", "file",
            "happy", "happi",
            "sky", "sky",
            "relational", "relat",
            "conditional", "condit",
            "rational", "ration",
            "valenci", "valenc",
            "digitizer", "digit",
            "conformabli", "conform",
            "radicalli", "radic",
            "differentli", "differ",
            "vileli", "vile",
            "analogousli", "analog",
            "vietnamization", "vietnam",
            "predication", "predic",
            "operator", "oper",
            "feudalism", "feudal",
            "decisiveness", "decis",
            "hopefulness", "hope",
            "callousness", "callous",
            "formaliti", "formal",
            "sensitiviti", "sensit",
            "sensibiliti", "sensibl",
            "triplicate", "triplic",
            "formative", "format",
            "formalize", "formal",
            "electriciti", "electr",
            "electrical", "electr",
            "hopeful", "hope",
            "goodness", "good",
            "revival", "reviv",
            "allowance", "allow",
            "inference", "infer",
            "airliner", "airlin",
            "gyroscopic", "gyroscop",
            "adjustable", "adjust",
            "defensible", "defens",
            "irritant", "irrit",
            "replacement", "replac",
            "adjustment", "adjust",
            "dependent", "depend",
            "adoption", "adopt",
            "homologou", "homologou",
            "communism", "communism",
            "activate", "activ",
            "angulariti", "angular",
            "homologous", "homolog",
            "effective", "effect",
            "bowdlerize", "bowdler",
            "probate", "probat",
            "rate", "rate",
            "cease", "ceas",
            "controll", "control",
            "roll", "roll",
            "generously", "generous",
            "communication", "communic",
            "arsenal", "arsenal",
            "skis", "ski",
            "dying", "die",
            "news", "news",
            "inning", "inning",
            "succeeded", "succeed",
            "yelling", "yell",
            "sayings", "say",
            "eyes", "eye",
            "added", "ad",
            "foxes", "fox"
    };

    @Test
    void stemsLikePostgres() {
        for (int i = 0; i < WORD_STEM.length; i += 2) {
            assertEquals(WORD_STEM[i + 1], EnglishStemmer.stem(WORD_STEM[i]), WORD_STEM[i]);
        }
    }

    @Test
    void shortWordsStayAsTheyAre() {
        assertEquals("at", EnglishStemmer.stem("at"));
        assertEquals("is", EnglishStemmer.stem("is"));
    }

    @Test
    void englishStemDropsStopWordsAndLowerCases() {
        assertEquals(java.util.List.of(), Dictionary.ENGLISH_STEM.lexize("The"));
        assertEquals(java.util.List.of("star"), Dictionary.ENGLISH_STEM.lexize("Stars"));
        assertEquals(java.util.List.of("the"), Dictionary.SIMPLE.lexize("The"));
    }
}
