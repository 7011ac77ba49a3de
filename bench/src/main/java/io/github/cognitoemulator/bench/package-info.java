/** Benchmarks of the emulator's costly paths. */
package io.github.cognitoemulator.bench;
