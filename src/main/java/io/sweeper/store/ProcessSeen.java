package io.sweeper.store;

import java.time.Instant;

/**
 * A process working on a sweep ({@code host:pid:}), where its pid means it ({@code pidScope}: the
 * host name and pid namespace), and when it last said it works on the sweep ({@link Store#workingOn}).
 */
public record ProcessSeen(String process, String pidScope, Instant seenAt) {
}
