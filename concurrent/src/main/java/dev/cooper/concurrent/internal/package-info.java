/**
 * Services one package of this module gives the others without making them public API, in the
 * manner of the JDK's {@code jdk.internal.access}. The module does not export this package;
 * nothing here is meant for users, and nothing here keeps its shape from one release to the
 * next.
 */
package dev.cooper.concurrent.internal;
