/**
 * Sealed-interface variant types: {@link dev.cooper.variant.Cases} describes a sealed hierarchy
 * (dense tags, names, introspection) and {@link dev.cooper.variant.Handler} builds exhaustive
 * handler tables over it at run time.
 */
module dev.cooper.variant {
    requires transitive io.vavr;

    exports dev.cooper.variant;
}
