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

    /** Ends the response. */
    void complete();
}
