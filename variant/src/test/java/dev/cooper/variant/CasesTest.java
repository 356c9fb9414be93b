package dev.cooper.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasesTest {
    private final Cases<Msg> cases = Cases.of(Msg.class);

    @Test
    void typesAreTheLeavesDepthFirstInPermitsOrder() {
        assertEquals(List.of(Msg.A.class, Msg.Start.class, Msg.Stop.class, Msg.Reload.class,
                        Msg.Shutdown.class, Msg.Compute.class, Msg.Custom.class, Msg.Level.class,
                        ImmutableOrder.class),
                cases.types());
        assertEquals(9, cases.count());
        assertSame(Msg.class, cases.root());
    }

    @Test
    void typesIsUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> cases.types().add(Msg.A.class));
    }

    @Test
    void namesAreTheSimpleNamesInTagOrder() {
        List<String> names = new ArrayList<>();
        for (int tag = 0; tag < cases.count(); tag++) {
            names.add(cases.name(tag));
        }
        assertEquals(List.of("A", "Start", "Stop", "Reload", "Shutdown", "Compute", "Custom", "Level",
                "ImmutableOrder"), names);
        assertEquals("Cases[Msg: A, Start, Stop, Reload, Shutdown, Compute, Custom, Level, ImmutableOrder]",
                cases.toString());
    }

    @Test
    void tagsAreDenseAndTagOfTypeIsItsIndex() {
        Set<Integer> tags = new TreeSet<>();
        List<Msg> samples = Samples.oneOfEach();
        for (int i = 0; i < samples.size(); i++) {
            assertEquals(i, cases.tag(samples.get(i)), () -> "tag of " + cases.types());
            tags.add(cases.tag(samples.get(i)));
        }
        assertEquals(cases.count(), tags.size());
        for (int tag = 0; tag < cases.count(); tag++) {
            assertEquals(tag, cases.tagOf(cases.type(tag)));
            assertTrue(cases.isCase(cases.type(tag)));
        }
    }

    @Test
    void ofReturnsTheSameDescriptorWithTheSameTagsEveryTime() {
        Cases<Msg> again = Cases.of(Msg.class);
        assertSame(cases, again);
        for (Msg msg : Samples.all()) {
            assertEquals(cases.tag(msg), again.tag(msg));
            assertEquals(cases.tag(msg), cases.tag(msg));
        }
    }

    @Test
    void subclassesOfANonSealedLeafGetTheLeafTag() {
        int custom = cases.tagOf(Msg.Custom.class);
        assertEquals(6, custom);
        assertEquals(custom, cases.tag(new Msg.Upload()));
        assertEquals(custom, cases.tag(new Msg.Custom() {}));
        assertEquals(custom, cases.tagOf(Msg.Upload.class));
        assertFalse(cases.isCase(Msg.Upload.class));
    }

    @Test
    void enumConstantsGetTheEnumTagIncludingConstantsWithABody() {
        assertNotSame(Msg.Level.class, Msg.Level.HIGH.getClass());
        assertEquals(7, cases.tag(Msg.Level.LOW));
        assertEquals(7, cases.tag(Msg.Level.HIGH));
        assertEquals(7, cases.tagOf(Msg.Level.HIGH.getClass()));
    }

    @Test
    void immutablesInstancesGetTheGeneratedClassTag() {
        Order order = ImmutableOrder.builder().item("book").quantity(2).build();
        assertEquals(8, cases.tag(order));
        assertEquals("ImmutableOrder", cases.name(cases.tag(order)));
    }

    @Test
    void sealedTypesAboveCasesAreNotCases() {
        for (Class<?> branch : List.of(Msg.class, Msg.Sub.class, Msg.Control.class, Msg.Admin.class,
                Msg.Work.class, Order.class)) {
            assertFalse(cases.isCase(branch), branch::getName);
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> cases.tagOf(Msg.Control.class));
        assertEquals("dev.cooper.variant.Msg$Control is a sealed type above cases of dev.cooper.variant.Msg,"
                + " not a case: its instances are tagged by their own class", e.getMessage());
    }

    // A concrete sealed class has instances of its own: it is a leaf as well as a branch.

    static sealed class Shape permits Circle, Polygon {}

    static final class Circle extends Shape {}

    static non-sealed class Polygon extends Shape {}

    static final class Triangle extends Polygon {}

    @Test
    void concreteSealedClassIsALeafForItsOwnInstancesListedBeforeItsSubclasses() {
        Cases<Shape> shapes = Cases.of(Shape.class);
        assertEquals(List.of(Shape.class, Circle.class, Polygon.class), shapes.types());
        assertEquals(0, shapes.tag(new Shape()));
        assertEquals(1, shapes.tag(new Circle()));
        assertEquals(2, shapes.tag(new Polygon()));
    }

    @Test
    void subclassOfANonSealedLeafBelowAConcreteSealedClassGetsTheNearerLeaf() {
        assertEquals(2, Cases.of(Shape.class).tag(new Triangle()));
    }

    // A diamond: Both is permitted by Left and by Right.

    sealed interface Node permits Left, Right {}

    sealed interface Left extends Node permits Both {}

    sealed interface Right extends Node permits Both, Solo {}

    record Both() implements Left, Right {}

    record Solo() implements Right {}

    @Test
    void typePermittedByTwoSealedTypesIsListedOnceWhereFirstReached() {
        assertEquals(List.of(Both.class, Solo.class), Cases.of(Node.class).types());
    }

    // Two non-sealed leaves that one class can implement both of.

    sealed interface Port permits In, Out {}

    non-sealed interface In extends Port {}

    non-sealed interface Out extends Port {}

    record Duplex() implements Out, In {}

    record Sink() implements Out {}

    @Test
    void instanceOfTwoUnrelatedNonSealedLeavesGetsTheFirstInTagOrder() {
        Cases<Port> ports = Cases.of(Port.class);
        assertEquals(List.of(In.class, Out.class), ports.types());
        assertEquals(0, ports.tag(new Duplex()));
        assertEquals(1, ports.tag(new Sink()));
    }

    // Errors.

    interface Plain {}

    record Point(int x, int y) {}

    @Test
    void rootThatIsNotSealedIsRefusedNamingIt() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Cases.of(Plain.class));
        assertEquals("dev.cooper.variant.CasesTest$Plain is not a sealed interface or class;"
                + " Cases needs a sealed root", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Cases.of(Point.class));
        assertEquals("dev.cooper.variant.CasesTest$Point is not a sealed interface or class;"
                + " Cases needs a sealed root", e.getMessage());
    }

    @Test
    void enumRootIsRefusedEvenWhenItsConstantsHaveBodies() {
        assertTrue(Msg.Level.class.isSealed());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Cases.of(Msg.Level.class));
        assertEquals("dev.cooper.variant.Msg$Level is not a sealed interface or class;"
                + " Cases needs a sealed root", e.getMessage());
    }

    @Test
    void nullsAreRefused() {
        assertEquals("root is null",
                assertThrows(NullPointerException.class, () -> Cases.of(null)).getMessage());
        assertEquals("value is null",
                assertThrows(NullPointerException.class, () -> cases.tag(null)).getMessage());
        assertEquals("type is null",
                assertThrows(NullPointerException.class, () -> cases.tagOf(null)).getMessage());
        assertEquals("type is null",
                assertThrows(NullPointerException.class, () -> cases.isCase(null)).getMessage());
    }

    @Test
    void tagsOutsideTheRangeAreRefusedWithTheRange() {
        assertEquals("tag: -1 (expected: >= 0 and < 9)",
                assertThrows(IndexOutOfBoundsException.class, () -> cases.type(-1)).getMessage());
        assertEquals("tag: 9 (expected: >= 0 and < 9)",
                assertThrows(IndexOutOfBoundsException.class, () -> cases.type(9)).getMessage());
        assertEquals("tag: 9 (expected: >= 0 and < 9)",
                assertThrows(IndexOutOfBoundsException.class, () -> cases.name(9)).getMessage());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void instanceOutsideTheHierarchyIsRefusedNamingItsClass() {
        Cases<Object> raw = (Cases) cases;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> raw.tag("text"));
        assertEquals("java.lang.String is not in the sealed hierarchy of dev.cooper.variant.Msg", e.getMessage());
        Class<Object> outside = (Class) Integer.class;
        e = assertThrows(IllegalArgumentException.class, () -> raw.tagOf(outside));
        assertEquals("java.lang.Integer is not in the sealed hierarchy of dev.cooper.variant.Msg", e.getMessage());
        assertFalse(raw.isCase(String.class));
    }

    /**
     * {@code getPermittedSubclasses()} leaves out the permitted classes it cannot load: a root
     * left without any case is refused when described, not later by a handler's build.
     */
    @Test
    void aSealedRootWhosePermittedClassesCannotBeLoadedIsRefused(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("Gone.java");
        Files.writeString(source, "package gen; public sealed interface Gone { record P() implements Gone {} }");
        String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        Process compile = new ProcessBuilder(javac, "-d", dir.toString(), source.toString()).inheritIO().start();
        assertEquals(0, compile.waitFor());
        Files.delete(dir.resolve("gen").resolve("Gone$P.class"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> root = loader.loadClass("gen.Gone");
            var e = assertThrows(IllegalArgumentException.class, () -> Cases.of(root));
            assertEquals("gen.Gone is sealed, but none of its permitted subclasses could be loaded "
                    + "(missing from the class path?): it has no cases", e.getMessage());
        }
    }

    sealed interface Twin {}

    interface North {
        record Leaf() implements Twin {}
    }

    interface South {
        record Leaf() implements Twin {}
    }

    /** Two cases with one simple name are told apart in messages; name() stays the simple name. */
    @Test
    void casesThatShareASimpleNameAreQualifiedInMessages() {
        Cases<Twin> twins = Cases.of(Twin.class);
        assertEquals("Cases[Twin: CasesTest.North.Leaf, CasesTest.South.Leaf]", twins.toString());
        assertEquals("Leaf", twins.name(0));
        var e = assertThrows(MissingCasesException.class,
                () -> Handler.builder(Twin.class).on(North.Leaf.class, leaf -> 1).build());
        assertEquals("handler over Twin misses 1 case: CasesTest.South.Leaf (add a branch for each, or for a "
                + "sealed type above them, or otherwise(...))", e.getMessage());
    }
}
