package dev.cooper.bench;

/**
 * What a forked benchmark JVM needs for Agrona's queues: Agrona 2 reaches
 * {@code jdk.internal.misc.Unsafe}, which {@code java.base} does not export, so the class fails
 * to initialise without this flag. Benchmarks that include an Agrona baseline append it to
 * their forks; it changes nothing for the other implementations.
 */
final class Agrona {
    static final String ADD_EXPORTS = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";

    private Agrona() {
    }
}
