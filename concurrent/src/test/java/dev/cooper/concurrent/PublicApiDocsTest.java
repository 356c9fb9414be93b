package dev.cooper.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's public API ({@code variant} and {@code concurrent}, the modules users compile
 * against) is documented in full: javac's doclint, at the level of public and protected
 * members, finds no missing comment, {@code @param}, {@code @return} or {@code @throws}, and no
 * broken reference or HTML. Compiles the main sources of both modules into a scratch directory;
 * the surefire working directory is this module's, so {@code variant}'s sources are its sibling.
 */
class PublicApiDocsTest {

    private static final List<Path> SOURCE_ROOTS = List.of(
            Path.of("src/main/java"), Path.of("../variant/src/main/java"));

    @Test
    void doclintFindsNothingInThePublicApi(@TempDir Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "needs a JDK (javac), not a runtime alone");
        List<Path> sources = sources();
        assertTrue(sources.size() > 50, "found the sources: " + sources.size() + " files");

        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-Xdoclint:all/protected", "-Xmaxwarns", "10000",
                    "-Xmaxerrs", "10000", "-proc:none", "-d", classes.toString(),
                    "-classpath", System.getProperty("java.class.path"));
            compiled = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
        }
        List<String> problems = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .toList();
        assertEquals(List.of(), problems, problems.size() + " doclint findings");
        assertTrue(compiled, "the sources compile");
    }

    private static List<Path> sources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path root : SOURCE_ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> !p.getFileName().toString().equals("module-info.java"))
                        .forEach(sources::add);
            }
        }
        return sources;
    }
}
