package io.sweeper.sweep;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A YAML event parser that remembers where the last event it handed out started. SnakeYAML's
 * composer refuses an alias bomb or a too-deep document with an exception that carries no
 * position; the event it was composing when it gave up tells the user which line to look at.
 */
final class MarkTrackingParser implements Parser {
    private final Parser delegate;
    private Mark lastMark;

    MarkTrackingParser(Parser delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return remember(delegate.peekEvent());
    }

    @Override
    public Event getEvent() {
        return remember(delegate.getEvent());
    }

    private Event remember(Event event) {
        if (event != null) {
            lastMark = event.getStartMark();
        }
        return event;
    }

    /** The 1-based line of the last event handed out, or 1 before the first. */
    int lastLine() {
        return lastMark == null ? 1 : lastMark.getLine() + 1;
    }
}
