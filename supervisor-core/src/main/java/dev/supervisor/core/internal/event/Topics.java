package dev.supervisor.core.internal.event;

import dev.supervisor.api.event.TopicEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Named topics: per topic its subscribers and a ring of its latest events. Topics carry plugin traffic (far rarer
 * than lifecycle events), so the ring is written under the topic's monitor; it grows to its capacity only as events
 * arrive, since most topics never see many.
 */
final class Topics {
    static final int MAX_NAME = 200;
    private final int capacity;
    private final ConcurrentHashMap<String, Topic> byName = new ConcurrentHashMap<>();

    Topics(int capacity) {
        this.capacity = capacity;
    }

    private static final class Topic {
        final CopyOnWriteArrayList<DefaultEventBus.Sub<TopicEvent>> subs = new CopyOnWriteArrayList<>();
        TopicEvent[] ring = new TopicEvent[0];
        int next;
        int size;
    }

    /** Accepts {@code [A-Za-z0-9._/-]{1,200}}: plugin topics are {@code <plugin-id>/<name>}. */
    static String check(String name) {
        Objects.requireNonNull(name, "topic");
        boolean ok = !name.isEmpty() && name.length() <= MAX_NAME;
        for (int i = 0; i < name.length() && ok; i++) {
            char c = name.charAt(i);
            ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-' || c == '/';
        }
        if (!ok) {
            throw new IllegalArgumentException("topic '" + name + "' is not valid: use 1-" + MAX_NAME
                    + " characters of [A-Za-z0-9._/-]");
        }
        return name;
    }

    private Topic topic(String name) {
        return byName.computeIfAbsent(check(name), n -> new Topic());
    }

    CopyOnWriteArrayList<DefaultEventBus.Sub<TopicEvent>> subscribers(String name) {
        return topic(name).subs;
    }

    /** Keeps the event in its topic's history; returns the topic's subscribers. */
    List<DefaultEventBus.Sub<TopicEvent>> record(TopicEvent event) {
        Topic t = topic(event.topic());
        if (capacity > 0) {
            synchronized (t) {
                if (t.size == t.ring.length && t.size < capacity) {
                    TopicEvent[] grown = new TopicEvent[Math.min(capacity, Math.max(4, t.size * 2))];
                    for (int i = 0; i < t.size; i++) {
                        grown[i] = t.ring[(t.next - t.size + i + t.ring.length) % t.ring.length];
                    }
                    t.ring = grown;
                    t.next = t.size;
                }
                t.ring[t.next] = event;
                t.next = (t.next + 1) % t.ring.length;
                t.size = Math.min(t.size + 1, t.ring.length);
            }
        }
        return t.subs;
    }

    List<TopicEvent> history(String name) {
        Topic t = byName.get(check(name));
        if (t == null) {
            return List.of();
        }
        synchronized (t) {
            List<TopicEvent> out = new ArrayList<>(t.size);
            for (int i = 0; i < t.size; i++) {
                out.add(t.ring[(t.next - t.size + i + t.ring.length) % t.ring.length]);
            }
            return out;
        }
    }
}
