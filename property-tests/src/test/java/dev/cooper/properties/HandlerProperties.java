package dev.cooper.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cooper.testkit.Gen;
import dev.cooper.testkit.Property;
import dev.cooper.variant.Cases;
import dev.cooper.variant.Handler;
import dev.cooper.variant.MissingCasesException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A {@link Handler} table dispatches every derived event to the branch a {@code switch} would
 * take, whatever order the branches were registered in: a leaf's branch wins over the branch of
 * a sealed sub-interface, which wins over the root's. A table missing cases names exactly them.
 */
class HandlerProperties {

    /** One branch of a table: the type it is registered for, and what it answers. */
    record Branch<S extends Event>(Class<S> type, Function<? super S, String> body) {

        Handler.Builder<Event, String> registerFirst(Handler.Start<Event> start) {
            return start.<S, String>on(type, body);
        }

        void register(Handler.Builder<Event, String> builder) {
            builder.on(type, body);
        }

        String answer(Event event) {
            return body.apply(type.cast(event));
        }

        @Override
        public String toString() {
            return type.getSimpleName();
        }
    }

    /**
     * The branches of the full table: every case but Start, which only the Control branch
     * covers, and a Stop branch more specific than the Control one; the Immutables case through
     * its sealed interface.
     */
    static final List<Branch<?>> BRANCHES = List.of(
            new Branch<>(Event.Ping.class, p -> "ping"),
            new Branch<>(Event.Text.class, t -> "text " + t.body()),
            new Branch<>(Event.Reading.class, r -> "reading " + r.sensor()),
            new Branch<>(Event.Level.class, l -> "level " + l.name()),
            new Branch<>(Event.Control.class, c -> "control"),
            new Branch<>(Event.Stop.class, s -> "stop " + s.reason()),
            new Branch<>(Shipment.class, s -> "shipment " + s.id()));

    /** The root's branch. */
    static final Branch<Event> ROOT = new Branch<>(Event.class, e -> "event");

    /** What the full table must answer: the same branches as a {@code switch}. */
    static String describe(Event event) {
        return switch (event) {
            case Event.Ping p -> "ping";
            case Event.Text t -> "text " + t.body();
            case Event.Reading r -> "reading " + r.sensor();
            case Event.Level l -> "level " + l.name();
            case Event.Stop s -> "stop " + s.reason();
            case Event.Control c -> "control";
            case Shipment s -> "shipment " + s.id();
        };
    }

    /** The types a branch may be registered for that cover {@code event}, the nearest first. */
    static List<Class<?>> coveringTypes(Event event) {
        return switch (event) {
            case Event.Start s -> List.of(Event.Start.class, Event.Control.class, Event.class);
            case Event.Stop s -> List.of(Event.Stop.class, Event.Control.class, Event.class);
            case Shipment s -> List.of(s.getClass(), Shipment.class, Event.class);
            default -> List.of(event.getClass(), Event.class);
        };
    }

    /** {@code all} in a random order; shrinks towards the given order. */
    static <T> Gen<List<T>> permutations(List<T> all) {
        return src -> {
            List<T> left = new ArrayList<>(all);
            List<T> out = new ArrayList<>(all.size());
            while (!left.isEmpty()) {
                out.add(left.remove((int) Gen.ints(0, left.size() - 1).generate(src)));
            }
            return out;
        };
    }

    /** A table of {@code order}'s branches, registered in that order (at least one). */
    static Handler<Event, String> build(List<Branch<?>> order) {
        Handler.Builder<Event, String> builder = order.get(0).registerFirst(Handler.builder(Event.class));
        for (Branch<?> branch : order.subList(1, order.size())) {
            branch.register(builder);
        }
        return builder.build();
    }

    /** A registration order, and the event to dispatch. */
    record Dispatch(List<Branch<?>> order, Event event) {}

    @Test
    void dispatchEqualsTheSwitchWhateverTheRegistrationOrder() {
        Property.forAll(Gen.zip(permutations(BRANCHES), Gen.of(Event.class), Dispatch::new)).check(d -> {
            Handler<Event, String> handler = build(d.order());
            assertEquals(describe(d.event()), handler.apply(d.event()));
            assertEquals(describe(d.event()), handler.tryApply(d.event()).get());
        });
    }

    @Test
    void anEventGoesToTheNearestRegisteredSupertypeOfItsCase() {
        Gen<List<Branch<?>>> withRoot = Gen.elements(BRANCHES).set(0, BRANCHES.size()).flatMap(chosen -> {
            List<Branch<?>> branches = new ArrayList<>(chosen);
            branches.add(ROOT);
            return permutations(branches);
        });
        Property.forAll(Gen.zip(withRoot, Gen.of(Event.class), Dispatch::new)).check(d -> {
            Branch<?> nearest = coveringTypes(d.event()).stream()
                    .flatMap(type -> d.order().stream().filter(b -> b.type() == type))
                    .findFirst().orElseThrow();
            assertEquals(nearest.answer(d.event()), build(d.order()).apply(d.event()));
        });
    }

    @Test
    void aTableMissingCasesNamesExactlyThem() {
        List<Branch<?>> leaves = Cases.of(Event.class).types().stream().<Branch<?>>map(HandlerProperties::named).toList();
        // A builder needs one branch before it can build: between 1 and all but one case.
        Gen<List<Branch<?>>> strictSubsets = Gen.elements(leaves).set(1, leaves.size() - 1)
                .flatMap(chosen -> permutations(List.copyOf(chosen)));
        Property.forAll(strictSubsets).check(order -> {
            Set<Class<?>> missing = new HashSet<>(Cases.of(Event.class).types());
            order.forEach(b -> missing.remove(b.type()));
            MissingCasesException e = assertThrows(MissingCasesException.class, () -> build(order));
            assertEquals(missing, Set.copyOf(e.missing()));
        });
    }

    private static <S extends Event> Branch<S> named(Class<S> type) {
        return new Branch<>(type, s -> type.getSimpleName());
    }
}
