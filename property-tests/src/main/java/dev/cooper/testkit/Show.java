package dev.cooper.testkit;

import java.util.Arrays;

/** Values as text for failure messages: arrays spelled out, long texts cut. */
final class Show {

    static final int MAX_LENGTH = 2_000;

    private Show() {
    }

    static String value(Object value) {
        String text;
        try {
            text = value instanceof Object[] array ? Arrays.deepToString(array)
                    : value != null && value.getClass().isArray() ? Arrays.deepToString(new Object[] {value})
                            .replaceAll("^\\[|\\]$", "")
                    : String.valueOf(value);
        } catch (RuntimeException e) {
            text = value.getClass().getName() + " (toString threw " + e + ")";
        }
        return text.length() <= MAX_LENGTH ? text
                : text.substring(0, MAX_LENGTH) + "... (" + (text.length() - MAX_LENGTH) + " more chars)";
    }
}
