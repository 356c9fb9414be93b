package dev.cooper.testkit;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.StringJoiner;

/** Values as text for failure messages: arrays spelled out, also inside records; long texts cut. */
final class Show {

    static final int MAX_LENGTH = 2_000;

    private Show() {
    }

    static String value(Object value) {
        String text;
        try {
            text = render(value);
        } catch (RuntimeException e) {
            text = value.getClass().getName() + " (toString threw " + e + ")";
        }
        return text.length() <= MAX_LENGTH ? text
                : text.substring(0, MAX_LENGTH) + "... (" + (text.length() - MAX_LENGTH) + " more chars)";
    }

    private static String render(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        if (value != null && value.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "");
        }
        if (value instanceof Record record && hasArrayComponent(record.getClass())) {
            return renderRecord(record);
        }
        return String.valueOf(value);
    }

    private static boolean hasArrayComponent(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> c = component.getType();
            if (c.isArray() || c.isRecord() && hasArrayComponent(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A record's default {@code toString} form, with each component rendered as above: the
     * default form prints an array component as {@code [I@1b6d3586}. A record that has an
     * array component and its own {@code toString} is shown in this form too.
     */
    private static String renderRecord(Record record) {
        StringJoiner parts = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object v;
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                v = accessor.invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return String.valueOf(record);
            }
            parts.add(component.getName() + "=" + render(v));
        }
        return parts.toString();
    }
}
