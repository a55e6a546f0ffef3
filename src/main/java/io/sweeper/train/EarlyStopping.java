package io.sweeper.train;

/**
 * Keras' {@code EarlyStopping(monitor='val_loss', patience=p, restore_best_weights=True)}: an epoch
 * is better only if its val_loss is strictly lower than the best so far; training stops after
 * {@code patience} epochs in a row without a better one. Patience 0 never stops.
 */
final class EarlyStopping {
    private final int patience;
    private double best;
    private int sinceBest;

    EarlyStopping(int patience) {
        this(patience, Double.POSITIVE_INFINITY, 0);
    }

    /** Where a resumed trial left off: its best val_loss and the epochs since it. */
    EarlyStopping(int patience, double best, int sinceBest) {
        this.patience = patience;
        this.best = best;
        this.sinceBest = sinceBest;
    }

    /** Records an epoch's val_loss; true if it is the best so far (its weights should be kept). */
    boolean improved(double valLoss) {
        if (valLoss < best) {
            best = valLoss;
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        return false;
    }

    boolean shouldStop() {
        return patience > 0 && sinceBest >= patience;
    }

    double best() {
        return best;
    }

    int sinceBest() {
        return sinceBest;
    }
}
