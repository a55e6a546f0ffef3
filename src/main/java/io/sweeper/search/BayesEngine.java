package io.sweeper.search;

import java.util.SplittableRandom;

/** A model that picks the next point of the {@link UnitCube} from the observations so far. */
interface BayesEngine {

    /**
     * @param observations at least the sweep's start-up number of observed trials
     * @param random       this suggestion's own generator, so the answer is a function of its arguments
     */
    double[] next(UnitCube cube, Observations observations, SplittableRandom random);
}
