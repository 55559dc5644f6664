package dev.supervisor.core.provider.internal;

import java.io.BufferedReader;
import java.io.IOException;

/** Reads server-sent events: {@code event:} and {@code data:} lines, an event ending at a blank line. */
final class Sse {
    private final BufferedReader in;
    String event;
    String data;

    Sse(BufferedReader in) {
        this.in = in;
    }

    /** @return false at the end of the stream (a partial event at the end is dropped: the stream was cut) */
    boolean next() throws IOException {
        event = null;
        StringBuilder d = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (d != null) {
                    data = d.toString();
                    return true;
                }
                event = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                event = value;
            } else if (field.equals("data")) {
                d = d == null ? new StringBuilder(value) : d.append('\n').append(value);
            }
        }
        return false;
    }
}
