package dev.cooper.testkit;

import java.lang.reflect.Type;

/**
 * Where derivation is, for error messages: {@code Msg(Order).items[]}. Remembers the last
 * record component or attribute on the way, to suggest a {@code withComponent} override.
 */
record Path(String text, Class<?> owner, String component) {

    static Path root(Class<?> type) {
        return new Path(type.getSimpleName(), null, null);
    }

    Path component(Class<?> type, String name) {
        return new Path(text + "." + name, type, name);
    }

    Path element() {
        return new Path(text + "[]", owner, component);
    }

    Path key() {
        return new Path(text + "{key}", owner, component);
    }

    Path value() {
        return new Path(text + "{value}", owner, component);
    }

    Path present() {
        return new Path(text + "?", owner, component);
    }

    Path sealedCase(Class<?> leaf) {
        return new Path(text + "(" + leaf.getSimpleName() + ")", owner, component);
    }

    /** An error saying that {@code type}, reached along this path, cannot be derived and why. */
    IllegalArgumentException cannot(Type type, String why) {
        String name = type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
        String register = type instanceof Class<?> c ? "Derivation.with(" + c.getSimpleName() + ".class, gen)"
                : "Derivation.with(..)";
        String suggestion = owner == null ? register
                : register + " or Derivation.withComponent(" + owner.getSimpleName() + ".class, \"" + component + "\", gen)";
        return new IllegalArgumentException(text + " -> " + name + ": no generator (" + why + "); register one with "
                + suggestion);
    }
}
