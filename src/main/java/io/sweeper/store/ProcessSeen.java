package io.sweeper.store;

import java.time.Instant;

/** A process working on a sweep ({@code host:pid:}), and when it last said so ({@link Store#workingOn}). */
public record ProcessSeen(String process, Instant seenAt) {
}
