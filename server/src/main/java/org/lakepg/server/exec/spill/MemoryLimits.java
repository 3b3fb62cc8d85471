package org.lakepg.server.exec.spill;

import java.util.Locale;
import org.lakepg.server.function.FunctionContext;

/** The memory an operator may use before it spills: work_mem, times hash_mem_multiplier for hash tables. */
public record MemoryLimits(long workMemBytes, long hashMemBytes) {
    private static final long DEFAULT_WORK_MEM_KB = 4096;

    public static MemoryLimits of(FunctionContext context) {
        long workKb = kilobytes(context.setting("work_mem"), DEFAULT_WORK_MEM_KB);
        double multiplier = 2.0;
        String m = context.setting("hash_mem_multiplier");
        if (m != null) {
            try {
                multiplier = Double.parseDouble(m.trim());
            } catch (NumberFormatException ignored) {
                // the setting is validated when set; keep PostgreSQL's default otherwise
            }
        }
        return new MemoryLimits(workKb * 1024, (long) (workKb * 1024 * multiplier));
    }

    /** A memory setting as shown by SHOW ("4MB", "64kB", "-1") in kB; {@code otherwise} when unset. */
    public static long kilobytes(String shown, long otherwise) {
        if (shown == null || shown.isBlank()) {
            return otherwise;
        }
        String v = shown.trim();
        int end = 0;
        while (end < v.length() && (Character.isDigit(v.charAt(end)) || v.charAt(end) == '-')) {
            end++;
        }
        long number;
        try {
            number = Long.parseLong(v.substring(0, end));
        } catch (NumberFormatException e) {
            return otherwise;
        }
        return switch (v.substring(end).trim().toLowerCase(Locale.ROOT)) {
            case "", "kb" -> number;
            case "b" -> number / 1024;
            case "mb" -> number * 1024;
            case "gb" -> number * 1024 * 1024;
            case "tb" -> number * 1024 * 1024 * 1024;
            default -> otherwise;
        };
    }
}
