package dev.supervisor.auth.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One stored audit record, already redacted and escaped. Fields are kept sorted by name, so the text a hash
 * covers is the same in every JVM and after reloading.
 *
 * @param sequence position in the log, from 1
 * @param timestamp when
 * @param event the OWASP vocabulary name, e.g. {@code authn_login_fail}
 * @param correlationId ties the record to a request or run
 * @param actor who (user id, API key id, client address)
 * @param fields further details, redacted (values may be null)
 * @param previousHash the hash of the previous record ("" for the first, or when chaining is off)
 * @param hash this record's hash ("" when chaining is off)
 */
public record AuditRecord(long sequence, Instant timestamp, String event, String correlationId, String actor,
                          Map<String, String> fields, String previousHash, String hash) {

    /** Copies the fields into name order. */
    public AuditRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(event, "event");
        fields = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(fields, "fields")));
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** @return the record as one JSON line: no raw line breaks can appear in it */
    public String toJsonLine() {
        StringBuilder sb = new StringBuilder("{\"seq\":").append(sequence).append(",\"ts\":\"").append(timestamp)
                .append("\",\"event\":").append(Text.json(event)).append(",\"correlationId\":")
                .append(Text.json(correlationId)).append(",\"actor\":").append(Text.json(actor))
                        .append(",\"fields\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            sb.append(first ? "" : ",").append(Text.json(e.getKey())).append(':').append(Text.json(e.getValue()));
            first = false;
        }
        return sb.append("},\"prev\":").append(Text.json(previousHash)).append(",\"hash\":").append(Text.json(hash))
                .append('}').toString();
    }

    /** @return the text the hash covers: everything but the hash itself, fields in name order */
    String canonical() {
        StringBuilder sb = new StringBuilder().append(sequence).append('|').append(timestamp).append('|')
                .append(Text.json(event)).append('|').append(Text.json(correlationId)).append('|')
                .append(Text.json(actor));
        fields.forEach((k, v) -> sb.append('|').append(Text.json(k)).append('=').append(Text.json(v)));
        return sb.append('|').append(Text.json(previousHash)).toString();
    }
}
