package dev.supervisor.analytics.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a NAB-format directory: {@code data/<category>/<file>.csv} and {@code labels/combined_windows.json}. */
public final class NabCorpus {
    private NabCorpus() {
    }

    /**
     * @param root the NAB directory
     * @return every file named in the windows JSON that exists under {@code data/}, in name order
     */
    public static List<NabFile> load(Path root) {
        try {
            JsonNode windows = new ObjectMapper().readTree(root.resolve("labels/combined_windows.json").toFile());
            Map<String, NabFile> files = new TreeMap<>();
            for (Iterator<String> it = windows.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                Path csv = root.resolve("data").resolve(name);
                if (!Files.exists(csv)) {
                    continue;
                }
                files.put(name, read(name, csv, windows.get(name)));
            }
            return List.copyOf(files.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read NAB corpus at " + root, e);
        }
    }

    /**
     * @param root the NAB directory
     * @param file a file name relative to the category directories
     * @param column the column to read (e.g. {@code anomaly_score})
     * @return that column of {@code root/<file>} by row
     */
    public static double[] column(Path root, String file, String column) {
        try (BufferedReader r = Files.newBufferedReader(root.resolve(file))) {
            String header = r.readLine();
            List<String> cols = List.of(header.trim().split(","));
            int c = cols.indexOf(column);
            if (c < 0) {
                throw new IllegalArgumentException(file + " has no column " + column);
            }
            List<Double> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    out.add(Double.parseDouble(line.split(",")[c].trim()));
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static NabFile read(String name, Path csv, JsonNode windowList) throws IOException {
        List<String> ts = new ArrayList<>();
        List<Double> vs = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(csv)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                ts.add(line.substring(0, comma).trim());
                vs.add(Double.parseDouble(line.substring(comma + 1).trim()));
            }
        }
        // NAB finds both ends of a window by the first row with that timestamp (list.index in its sweeper), also
        // when a timestamp repeats.
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < ts.size(); i++) {
            first.putIfAbsent(ts.get(i), i);
        }
        List<int[]> windows = new ArrayList<>();
        for (JsonNode w : windowList) {
            String start = strip(w.get(0).asText());
            String end = strip(w.get(1).asText());
            Integer l = first.get(start);
            Integer rr = first.get(end);
            if (l == null || rr == null || rr < l) {
                throw new IllegalArgumentException(name + ": window " + start + " .. " + end + " not in the data");
            }
            windows.add(new int[] {l, rr});
        }
        return new NabFile(name, List.copyOf(ts), vs.stream().mapToDouble(Double::doubleValue).toArray(),
                List.copyOf(windows));
    }

    private static String strip(String t) {
        int dot = t.indexOf('.');
        return dot < 0 ? t : t.substring(0, dot);
    }
}
