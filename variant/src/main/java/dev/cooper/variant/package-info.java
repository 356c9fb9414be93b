/**
 * Sealed hierarchies as variant types. {@link dev.cooper.variant.Cases} gives each leaf case of a
 * sealed interface or class a dense tag; {@link dev.cooper.variant.Handler} (and its
 * {@link dev.cooper.variant.PartialHandler} and {@link dev.cooper.variant.CaseConsumer} siblings)
 * dispatch on that tag through a table of branches checked for exhaustiveness when it is built.
 */
package dev.cooper.variant;
