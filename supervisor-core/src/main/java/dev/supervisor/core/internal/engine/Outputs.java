package dev.supervisor.core.internal.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supervisor.api.JsonValues;
import dev.supervisor.api.SupervisorException;

/**
 * What a handler returns, as the JSON-compatible value the engine stores: maps, lists, strings, numbers and
 * booleans are copied as they are; anything else Jackson can write (records, beans) is turned into its JSON tree.
 */
final class Outputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Outputs() {
    }

    static Object of(String taskId, Object raw) {
        if (raw == null) {
            return null;
        }
        String what = "output of task '" + taskId + "'";
        try {
            return JsonValues.copy(what, raw);
        } catch (IllegalArgumentException notPlainJson) {
            Object tree;
            try {
                tree = JSON.convertValue(raw, Object.class);
            } catch (IllegalArgumentException e) {
                throw new SupervisorException(what + " is a " + raw.getClass().getName() + ", which cannot be "
                        + "turned into JSON: " + e.getMessage().lines().findFirst().orElse("") + " (return a Map, "
                        + "a List, a String, a number, a boolean, or a record or bean of those)", e);
            }
            return JsonValues.copy(what, tree);
        }
    }
}
