package org.lakepg.server.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lakepg.wire.error.PgException;

/**
 * Whatever the text, the parser answers with statements or a PgException, never another exception:
 * truncated, spliced and character-damaged regression-suite statements, in both string modes.
 */
class ParserRobustnessTest {

    private static final String DAMAGE = "()[],.;:'\"$*+-=<>!@#%^&|?~ \n0aZ_\\";

    @Test
    void damagedStatementsFailOnlyWithPgExceptions() throws IOException {
        List<String> statements = new ArrayList<>();
        for (RegressionCorpus.Entry e : RegressionCorpus.load().entries()) {
            statements.add(e.sql());
        }
        Random random = new Random(20261126);
        List<String> crashes = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String s = statements.get(random.nextInt(statements.size()));
            String damaged = switch (random.nextInt(3)) {
                case 0 -> s.substring(0, random.nextInt(s.length() + 1));
                case 1 -> {
                    String t = statements.get(random.nextInt(statements.size()));
                    yield s.substring(0, random.nextInt(s.length() + 1)) + t.substring(random.nextInt(t.length() + 1));
                }
                default -> {
                    char[] chars = s.toCharArray();
                    if (chars.length > 0) {
                        chars[random.nextInt(chars.length)] = DAMAGE.charAt(random.nextInt(DAMAGE.length()));
                    }
                    yield new String(chars);
                }
            };
            for (boolean standardStrings : new boolean[] {true, false}) {
                try {
                    SqlParser.parse(damaged, standardStrings);
                } catch (PgException expected) {
                    // the only acceptable failure
                } catch (RuntimeException | StackOverflowError e) {
                    crashes.add(e + " on: " + damaged);
                }
            }
        }
        assertThat(crashes).isEmpty();
    }
}
