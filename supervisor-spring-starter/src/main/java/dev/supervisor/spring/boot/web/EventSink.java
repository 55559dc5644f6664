package dev.supervisor.spring.boot.web;

import java.io.IOException;

/** Where one client's events are written: an SSE response in production, a recording in tests. */
interface EventSink {
    /**
     * Writes one event; may block while the client is slow.
     *
     * @param id the event id ({@code Last-Event-ID} resumes after it), or null for none
     * @param name the event name
     * @param data the event's JSON, or null for a comment
     * @throws IOException if the client is gone
     */
    void send(String id, String name, String data) throws IOException;

    /**
     * Writes several events; a sink that can should write them together (one flush, not one per event).
     *
     * @param events the events, each with an id (or null), a name and JSON data
     * @throws IOException if the client is gone
     */
    default void sendAll(java.util.List<Event> events) throws IOException {
        for (Event e : events) {
            send(e.id(), e.name(), e.data());
        }
    }

    /**
     * One event of {@link #sendAll}.
     *
     * @param id its id, or null
     * @param name its name
     * @param data its JSON
     */
    record Event(String id, String name, String data) {
    }

    /** Ends the response. */
    void complete();
}
