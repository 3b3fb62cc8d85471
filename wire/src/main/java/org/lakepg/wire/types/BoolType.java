package org.lakepg.wire.types;

import java.util.Locale;

/** bool: boolin accepts any unambiguous prefix of true/false/yes/no, on/off (2+ letters) and 1/0. */
public final class BoolType extends AbstractPgType<Boolean> {

    public static final BoolType INSTANCE = new BoolType();

    private BoolType() {
        super(16, Boolean.class);
    }

    @Override
    public Boolean parseText(String text, FormatSettings settings) {
        String word = TypeErrors.trimSpace(text).toLowerCase(Locale.ROOT);
        Boolean value = switch (word.length()) {
            case 0 -> null;
            case 1 -> switch (word.charAt(0)) {
                case 't', 'y', '1' -> true;
                case 'f', 'n', '0' -> false;
                default -> null;
            };
            default -> {
                if ("true".startsWith(word) || "yes".startsWith(word) || "on".equals(word)) {
                    yield true;
                }
                if ("false".startsWith(word) || "no".startsWith(word) || "off".startsWith(word) && word.length() >= 2) {
                    yield false;
                }
                yield null;
            }
        };
        if (value == null) {
            throw TypeErrors.invalidSyntax("boolean", text);
        }
        return value;
    }

    @Override
    public String formatText(Boolean value, FormatSettings settings) {
        return value ? "t" : "f";
    }

    @Override
    public Boolean decodeBinary(byte[] bytes) {
        TypeErrors.requireLength(name(), bytes, 1);
        return bytes[0] != 0;
    }

    @Override
    public byte[] encodeBinary(Boolean value) {
        return new byte[] {(byte) (value ? 1 : 0)};
    }
}
