package io.github.cognitoemulator.core.fuzz;

import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCases;
import net.jqwik.api.ExhaustiveGenerator;
import net.jqwik.api.RandomGenerator;

/**
 * An arbitrary that generates what another does but is equal only to itself. jqwik looks a generator up by its
 * arbitrary each time {@code frequencyOf} or {@code oneOf} picks one, and an arbitrary's hash code walks all of its
 * parts, lists of values and captured lambdas included; for the nested choices of the fuzz that walk cost more than
 * generating the value. An identity hash makes the look-up free.
 *
 * @param <T> the type of the values
 */
final class IdentityArbitrary<T> implements Arbitrary<T> {

    private final Arbitrary<T> delegate;

    private IdentityArbitrary(Arbitrary<T> delegate) {
        this.delegate = delegate;
    }

    /** {@code arbitrary}, hashed and compared by identity. */
    static <T> Arbitrary<T> of(Arbitrary<T> arbitrary) {
        return (arbitrary instanceof IdentityArbitrary<T>) ? arbitrary : new IdentityArbitrary<>(arbitrary);
    }

    @Override
    public RandomGenerator<T> generator(int genSize) {
        return this.delegate.generator(genSize);
    }

    @Override
    public RandomGenerator<T> generatorWithEmbeddedEdgeCases(int genSize) {
        return this.delegate.generatorWithEmbeddedEdgeCases(genSize);
    }

    @Override
    public Optional<ExhaustiveGenerator<T>> exhaustive(long maxNumberOfSamples) {
        return this.delegate.exhaustive(maxNumberOfSamples);
    }

    @Override
    public EdgeCases<T> edgeCases(int maxEdgeCases) {
        return this.delegate.edgeCases(maxEdgeCases);
    }
}
