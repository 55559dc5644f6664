package dev.supervisor.analytics.series;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes query results (a time range, not a snapshot) as JSON, CSV (RFC 4180) or XLSX. CSV and XLSX have one row
 * per point: metric, the grouped labels, start, value, count. Text cells that a spreadsheet would read as a formula
 * ({@code = + - @}, tab, carriage return) are prefixed with {@code '}. XLSX needs the optional
 * {@code org.dhatim:fastexcel}; without it {@link #write} says so in the log and writes CSV.
 */
public final class MetricExport {
    private static final Logger LOG = LoggerFactory.getLogger(MetricExport.class);

    /** Output formats. */
    public enum Format {
        /** A JSON array of series with their points. */
        JSON,
        /** RFC 4180 CSV, CRLF line ends, UTF-8. */
        CSV,
        /** An Excel workbook with one sheet (needs fastexcel). */
        XLSX
    }

    private MetricExport() {
    }

    /** @return true if fastexcel is on the class path */
    public static boolean xlsxAvailable() {
        try {
            Class.forName("org.dhatim.fastexcel.Workbook", false, MetricExport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * @param results query results
     * @param format wanted format
     * @param out where to write (not closed)
     * @return the format written: XLSX falls back to CSV when fastexcel is absent
     */
    public static Format write(List<SeriesResult> results, Format format, OutputStream out) {
        try {
            switch (format) {
                case JSON -> json(results, out);
                case CSV -> csv(results, out);
                default -> {
                    if (!xlsxAvailable()) {
                        LOG.warn("XLSX export needs org.dhatim:fastexcel on the class path (an optional dependency "
                                + "of supervisor-analytics); writing CSV instead");
                        csv(results, out);
                        return Format.CSV;
                    }
                    Xlsx.write(header(results), rows(results), out);
                }
            }
            return format;
        } catch (IOException e) {
            throw new UncheckedIOException("export failed", e);
        }
    }

    private static void json(List<SeriesResult> results, OutputStream out) throws IOException {
        JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
        g.writeStartArray();
        for (SeriesResult r : results) {
            g.writeStartObject();
            g.writeStringField("metric", r.metric());
            g.writeObjectFieldStart("group");
            for (Map.Entry<String, String> e : r.group().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("points");
            for (SeriesResult.Point p : r.points()) {
                g.writeStartObject();
                g.writeStringField("start", p.start().toString());
                g.writeNumberField("value", p.value());
                g.writeNumberField("count", p.count());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.flush();
    }

    private static void csv(List<SeriesResult> results, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<String> header = header(results);
        w.write(line(header));
        for (List<Object> row : rows(results)) {
            List<String> cells = new ArrayList<>();
            for (Object o : row) {
                cells.add(o instanceof Number ? o.toString() : neutralise(String.valueOf(o)));
            }
            w.write(line(cells));
        }
        w.flush();
    }

    static List<String> header(List<SeriesResult> results) {
        Set<String> labels = new LinkedHashSet<>();
        results.forEach(r -> labels.addAll(r.group().keySet()));
        List<String> h = new ArrayList<>();
        h.add("metric");
        h.addAll(labels);
        h.add("start");
        h.add("value");
        h.add("count");
        return h;
    }

    static List<List<Object>> rows(List<SeriesResult> results) {
        List<String> h = header(results);
        List<String> labels = h.subList(1, h.size() - 3);
        List<List<Object>> rows = new ArrayList<>();
        for (SeriesResult r : results) {
            for (SeriesResult.Point p : r.points()) {
                List<Object> row = new ArrayList<>();
                row.add(r.metric());
                for (String l : labels) {
                    row.add(r.group().getOrDefault(l, ""));
                }
                row.add(p.start().toString());
                row.add(p.value());
                row.add(p.count());
                rows.add(row);
            }
        }
        return rows;
    }

    /** A text cell that a spreadsheet would evaluate is made literal with a leading apostrophe. */
    static String neutralise(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    private static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.append("\r\n").toString();
    }

    /** Kept apart so that fastexcel classes load only when XLSX is asked for and present. */
    private static final class Xlsx {
        static void write(List<String> header, List<List<Object>> rows, OutputStream out) throws IOException {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "Supervisor", "1.0");
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("metrics");
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object o = row.get(c);
                    if (o instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else {
                        ws.value(r + 1, c, neutralise(String.valueOf(o)));
                    }
                }
            }
            wb.finish();
        }
    }
}
