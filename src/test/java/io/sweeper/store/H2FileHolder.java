package io.sweeper.store;

/**
 * Another sweeper process, for {@link H2FileLockTest}: opens the store at {@code args[0]}, says
 * "open" on stdout, and keeps it open until its stdin closes.
 */
public final class H2FileHolder {
    private H2FileHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Store store = Store.open(args[0])) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the test to let go
            }
        }
    }
}
