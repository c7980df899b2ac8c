/**
 * Benchmarks run by hand ({@code bench/run.sh NAME}), never by the build: ack path, delivery,
 * planning, memory.
 */
package org.tenfour.bench;
