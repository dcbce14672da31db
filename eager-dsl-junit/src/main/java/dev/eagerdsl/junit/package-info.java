/**
 * JUnit 5 support for users' own suites: {@link dev.eagerdsl.junit.StrictLazyLoads} turns the lazy-load guard's
 * STRICT mode on for a test class or method, and {@link dev.eagerdsl.junit.EagerAssertions#assertStatements(int,
 * org.junit.jupiter.api.function.Executable)} asserts how many SQL statements a piece of code runs, counted by the
 * {@link dev.eagerdsl.junit.StatementCounter} statement inspector.
 *
 * @since 0.1.0
 */
package dev.eagerdsl.junit;
