package dev.cooper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Derivation reaches every case, bounds recursion, honours overrides and explains refusals. */
class DerivationTest {

    private static final int SAMPLES = 2_000;

    @Test
    void everyCaseOfTheSealedHierarchyIsReached() {
        Set<Class<?>> seen = Gen.of(Msg.class).samples(1, SAMPLES).stream()
                .map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(Msg.Ping.class, Msg.Data.class, Msg.Level.class, Msg.Start.class, Msg.Stop.class,
                Msg.Tree.class, Msg.Lit.class, Msg.Add.class, Msg.Neg.class, ImmutableOrder.class), seen);
    }

    @Test
    void everyEnumConstantIsReached() {
        assertEquals(Set.of(Msg.Reason.values()), new HashSet<>(Gen.of(Msg.Reason.class).samples(2, 200)));
        Set<Msg.Reason> reasons = Gen.of(Msg.Stop.class).samples(3, 200).stream()
                .map(Msg.Stop::reason).collect(Collectors.toSet());
        assertEquals(Set.of(Msg.Reason.values()), reasons);
    }

    @Test
    void recursiveRecordStopsAtTheDepthBound() {
        for (int depth : new int[] {0, 2, 4}) {
            List<Msg.Tree> trees = Derivation.defaults().maxDepth(depth).of(Msg.Tree.class).samples(4, SAMPLES);
            int deepest = trees.stream().mapToInt(Msg.Tree::depth).max().orElseThrow();
            assertEquals(Math.max(depth, 1), deepest, "depth bound " + depth);
        }
    }

    @Test
    void recursiveSealedTypeEndsInItsBaseCase() {
        List<Msg.Expr> exprs = Derivation.defaults().maxDepth(3).of(Msg.Expr.class).samples(5, SAMPLES);
        assertEquals(3, exprs.stream().mapToInt(Msg.Expr::depth).max().orElseThrow(),
                "two levels of Add or Neg, then a literal at the third");
    }

    @Test
    void recordComponentsCoverTheirTypes() {
        List<Msg.Data> data = Gen.of(Msg.Data.class).samples(6, SAMPLES);
        assertTrue(data.stream().anyMatch(d -> d.id() < 0) && data.stream().anyMatch(d -> d.id() > 0));
        assertTrue(data.stream().anyMatch(d -> d.values().size() > 3));
        assertTrue(data.stream().allMatch(d -> d.values().size() <= 8));
        assertEquals(Set.of(Optional.empty(), Optional.of(true), Optional.of(false)),
                data.stream().map(Msg.Data::flag).collect(Collectors.toSet()));
        assertTrue(data.stream().anyMatch(d -> !d.tags().isEmpty()));
        assertTrue(data.stream().anyMatch(d -> !d.text().isEmpty()));
    }

    @Test
    void immutablesSealedCaseIsBuiltThroughItsBuilder() {
        List<Order> orders = Gen.of(Order.class).samples(7, 500);
        assertTrue(orders.stream().allMatch(o -> o instanceof ImmutableOrder));
        assertTrue(orders.stream().anyMatch(o -> o.items().size() > 1));
        assertTrue(orders.stream().anyMatch(o -> !o.id().isEmpty() && o.quantity() != 0));
        assertTrue(orders.stream().flatMap(o -> o.items().stream()).anyMatch(i -> !i.sku().isEmpty()));
    }

    @Test
    void immutablesValueTypeIsDerivedThroughItsGeneratedClassAndItsCheckFilters() {
        List<Customer> customers = Gen.of(Customer.class).samples(8, 500);
        assertTrue(customers.stream().allMatch(c -> c instanceof ImmutableCustomer));
        assertTrue(customers.stream().noneMatch(c -> c.name().isEmpty()), "@Value.Check rejections retried");
        assertTrue(customers.stream().anyMatch(c -> c.email().isPresent()));
        assertTrue(customers.stream().anyMatch(c -> c.email().isEmpty()));
    }

    record Range(int lo, int hi) {
        Range {
            if (lo > hi) {
                throw new IllegalArgumentException("lo > hi");
            }
        }
    }

    @Test
    void constructorRejectionsAreRetried() {
        List<Range> ranges = Gen.of(Range.class).samples(9, 500);
        assertTrue(ranges.stream().allMatch(r -> r.lo() <= r.hi()));
    }

    record Positive(int value) {
        Positive {
            if (value != Integer.MIN_VALUE + 1) {
                throw new IllegalArgumentException("value: " + value);
            }
        }
    }

    @Test
    void constructorThatRejectsEverythingGivesUp() {
        GenerationException e = assertThrows(GenerationException.class, () -> Gen.of(Positive.class).samples(1, 1));
        assertTrue(e.getMessage().startsWith("Positive rejected 100 derived values in a row (last: "
                + "java.lang.IllegalArgumentException: value: "), e.getMessage());
        assertTrue(e.getMessage().contains("Derivation.with(Positive.class, gen)"), e.getMessage());
    }

    @Test
    void typeOverrideReplacesEveryUseOfTheType() {
        Derivation d = Derivation.defaults().with(String.class, Gen.constant("x")).with(int.class, Gen.constant(7));
        for (Msg.Data data : d.of(Msg.Data.class).samples(10, 200)) {
            assertEquals("x", data.text());
            assertEquals(7, data.id());
            assertTrue(data.tags().keySet().stream().allMatch("x"::equals));
            assertTrue(data.tags().values().stream().allMatch(v -> v == 7), "boxed Integer uses the int override");
        }
        Derivation whole = Derivation.defaults().with(Msg.Tree.class, Gen.constant(new Msg.Tree(1, List.of())));
        assertTrue(whole.of(Msg.class).samples(11, 500).stream()
                .filter(m -> m instanceof Msg.Tree).allMatch(t -> t.equals(new Msg.Tree(1, List.of()))));
    }

    @Test
    void componentOverrideReplacesOneComponent() {
        Derivation d = Derivation.defaults()
                .withComponent(Msg.Data.class, "text", Gen.constant("fixed"))
                .withComponent(Order.class, "quantity", Gen.ints(1, 3))
                .withComponent(Order.Item.class, "sku", Gen.elements("A", "B"));
        for (Msg.Data data : d.of(Msg.Data.class).samples(12, 200)) {
            assertEquals("fixed", data.text());
            assertFalse(data.tags().keySet().stream().allMatch("fixed"::equals) && !data.tags().isEmpty(),
                    "other strings untouched");
        }
        for (Order order : d.of(Order.class).samples(13, 200)) {
            assertTrue(order.quantity() >= 1 && order.quantity() <= 3);
            assertTrue(order.items().stream().allMatch(i -> Set.of("A", "B").contains(i.sku())));
        }
        Derivation generated = Derivation.defaults().withComponent(ImmutableOrder.class, "id", Gen.constant("o-1"));
        assertTrue(generated.of(Order.class).samples(14, 50).stream().allMatch(o -> o.id().equals("o-1")));
    }

    @Test
    void componentOverrideOfAnUnknownComponentIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Derivation.defaults().withComponent(Msg.Data.class, "txt", Gen.constant("")));
        assertEquals("component: \"txt\" (expected: one of Data's components [id, text, values, flag, tags])",
                e.getMessage());
        IllegalArgumentException attribute = assertThrows(IllegalArgumentException.class,
                () -> Derivation.defaults().withComponent(Order.class, "qty", Gen.constant(1)));
        assertEquals("component: \"qty\" (expected: one of Order's components [id, items, quantity])",
                attribute.getMessage());
    }

    interface Foo {}

    record Line(Foo foo) {}

    record Basket(Map<String, List<Line>> lines) {}

    @Test
    void underivableTypeIsNamedWithItsPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gen.of(Basket.class));
        assertEquals("Basket.lines{value}[].foo -> Foo: no generator (an interface that is neither sealed nor an "
                + "Immutables type); register one with Derivation.with(Foo.class, gen) or "
                + "Derivation.withComponent(Line.class, \"foo\", gen)", e.getMessage());
        Derivation fixed = Derivation.defaults().with(Foo.class, Gen.constant(new Foo() { }));
        assertFalse(fixed.of(Basket.class).samples(1, 20).isEmpty());
    }

    record Chain(int value, Chain next) {}

    @Test
    void recursionWithoutAWayToStopIsReported() {
        GenerationException e = assertThrows(GenerationException.class, () -> Gen.of(Chain.class).samples(1, 1));
        assertTrue(e.getMessage().startsWith("Chain nests itself without end"), e.getMessage());
    }

    record Box<T>(T value, List<T> more) {}

    record Boxes(Box<String> strings, Box<Msg.Level> levels, int[] numbers, Msg.Ping[] pings) {}

    @Test
    void genericRecordsAndArraysAreDerived() {
        for (Boxes b : Gen.of(Boxes.class).samples(15, 100)) {
            assertTrue(b.strings().value() instanceof String);
            assertTrue(b.strings().more().stream().allMatch(s -> s instanceof String));
            assertTrue(b.levels().value() instanceof Msg.Level);
            assertTrue(b.numbers().length <= 8);
            assertTrue(Arrays.stream(b.pings()).allMatch(p -> p.equals(new Msg.Ping())));
        }
        IllegalArgumentException raw = assertThrows(IllegalArgumentException.class, () -> Gen.of(Box.class));
        assertEquals("Box -> Box: no generator (a raw type: its type arguments are not known); register one with "
                + "Derivation.with(Box.class, gen)", raw.getMessage());
    }

    enum Nothing {}

    record HasEmptyEnum(int a, Nothing nothing) {}

    @Test
    void anEnumWithoutConstantsIsRefusedWithItsPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gen.of(HasEmptyEnum.class));
        assertTrue(e.getMessage().startsWith("HasEmptyEnum.nothing -> Nothing: no generator (an enum without constants)"),
                e.getMessage());
    }

    record Point(int x, int y) {}

    @Test
    void aComponentOverrideOfTheWrongTypeIsNamedWhenItMakesAValue() {
        Gen<Point> points = Derivation.defaults().withComponent(Point.class, "x", Gen.constant("not an int")).of(Point.class);
        GenerationException e = assertThrows(GenerationException.class, () -> points.samples(1, 1));
        assertEquals("the generator for Point.x made a java.lang.String, not a java.lang.Integer", e.getMessage());
    }

    record GenericArray<T>(T[] items) {}

    record GenericArrayHolder(GenericArray<String> strings) {}

    @Test
    void aGenericArrayComponentIsDerivedFromTheTypeArgument() {
        List<GenericArrayHolder> holders = Gen.of(GenericArrayHolder.class).samples(3, 50);
        assertTrue(holders.stream().allMatch(h -> h.strings().items() instanceof String[]));
        assertTrue(holders.stream().anyMatch(h -> h.strings().items().length > 0));
    }

    record Plain(List<Integer> xs, Optional<String> s) {}

    /** Depth 0 cuts recursive types off; a type that does not recur keeps its collections. */
    @Test
    void depthZeroLeavesTheCollectionsOfANonRecursiveTypeAlone() {
        List<Plain> plains = Derivation.defaults().maxDepth(0).of(Plain.class).samples(4, 200);
        assertTrue(plains.stream().anyMatch(p -> !p.xs().isEmpty()));
        assertTrue(plains.stream().anyMatch(p -> p.s().isPresent()));
    }

    sealed interface Result<T> permits Ok, Err {}

    record Ok<T>(T value) implements Result<T> {}

    record Err<T>(String message) implements Result<T> {}

    record Reply(Result<Integer> result, Result<List<String>> names) {}

    @Test
    void aGenericSealedHierarchyGetsItsTypeArgumentsInEachCase() {
        List<Reply> replies = Gen.of(Reply.class).samples(2, 200);
        assertTrue(replies.stream().anyMatch(r -> r.result() instanceof Ok<Integer> ok && ((Object) ok.value()) instanceof Integer));
        assertTrue(replies.stream().anyMatch(r -> r.result() instanceof Err));
        assertTrue(replies.stream().anyMatch(r -> r.names() instanceof Ok<List<String>> ok
                && ok.value().stream().anyMatch(name -> ((Object) name) instanceof String)));
    }

    sealed interface Shape permits Round, Angular {}

    sealed interface Round extends Shape permits Circle, Ellipse {}

    record Circle(int r) implements Round {}

    record Ellipse(int a, int b) implements Round {}

    sealed interface Angular extends Shape permits Square {}

    record Square(int side) implements Angular {}

    @Test
    void anOverrideOfASealedTypeInsideAHierarchyMakesItsCasesThere() {
        List<Shape> shapes = Derivation.defaults().with(Round.class, Gen.constant(new Circle(1)))
                .of(Shape.class).samples(6, 400);
        assertFalse(shapes.stream().anyMatch(shape -> shape instanceof Ellipse));
        assertTrue(shapes.stream().anyMatch(shape -> shape.equals(new Circle(1))));
        assertTrue(shapes.stream().anyMatch(shape -> shape instanceof Square));
        assertFalse(shapes.stream().anyMatch(shape -> shape instanceof Circle c && c.r() != 1));
    }

    record Cons<T>(T head, Optional<Cons<T>> tail) {
        int length() {
            return 1 + tail.map(Cons::length).orElse(0);
        }
    }

    record ConsHolder(Cons<Integer> list) {}

    sealed interface GTree<T> permits GLeaf, GNode {}

    record GLeaf<T>(T value) implements GTree<T> {}

    record GNode<T>(GTree<T> left, GTree<T> right) implements GTree<T> {}

    record Forest(GTree<String> tree) {}

    static int depth(GTree<?> tree) {
        return tree instanceof GNode<?> n ? 1 + Math.max(depth(n.left()), depth(n.right())) : 1;
    }

    /** Generic types that refer to themselves are cut off at the depth, as plain ones are. */
    @Test
    void genericTypesThatReferToThemselvesAreCutOffAtTheDepth() {
        List<ConsHolder> lists = Gen.of(ConsHolder.class).samples(1, 300);
        assertTrue(lists.stream().allMatch(h -> h.list().length() <= 3));
        assertTrue(lists.stream().anyMatch(h -> h.list().length() == 3));
        assertTrue(lists.stream().allMatch(h -> ((Object) h.list().head()) instanceof Integer));

        List<Forest> forests = Gen.of(Forest.class).samples(2, 300);
        assertTrue(forests.stream().allMatch(f -> depth(f.tree()) <= 4), "at most 3 nodes deep, then a leaf");
        assertTrue(forests.stream().anyMatch(f -> f.tree() instanceof GNode));
        assertTrue(forests.stream().anyMatch(f -> f.tree() instanceof GLeaf<String> leaf
                && ((Object) leaf.value()) instanceof String));
    }
}
