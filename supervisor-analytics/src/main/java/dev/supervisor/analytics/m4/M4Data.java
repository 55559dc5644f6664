package dev.supervisor.analytics.m4;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * M4 series read from the organisers' wide CSVs (quoted fields, id in the first column, padded rows).
 *
 * @param ids series ids in file order
 * @param train in-sample values
 * @param test out-of-sample values
 */
public record M4Data(List<String> ids, List<double[]> train, List<double[]> test) {

    /**
     * @param dir a directory holding {@code <Stem>-train.csv} and {@code <Stem>-test.csv}, e.g.
     *            {@code Weekly-train.csv}
     * @param frequency the frequency, which names the files
     * @return the series, matched by row
     * @throws IllegalArgumentException if the files disagree
     * @throws UncheckedIOException if a file cannot be read
     */
    public static M4Data read(Path dir, M4Frequency frequency) {
        List<String> ids = new ArrayList<>();
        List<double[]> train = read(dir.resolve(frequency.stem() + "-train.csv"), ids);
        List<String> testIds = new ArrayList<>();
        List<double[]> test = read(dir.resolve(frequency.stem() + "-test.csv"), testIds);
        if (!ids.equals(testIds)) {
            throw new IllegalArgumentException("train and test files list different series");
        }
        return new M4Data(List.copyOf(ids), List.copyOf(train), List.copyOf(test));
    }

    private static List<double[]> read(Path file, List<String> ids) {
        List<double[]> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                ids.add(unquote(cells[0]));
                double[] v = new double[cells.length - 1];
                int n = 0;
                for (int c = 1; c < cells.length; c++) {
                    String s = unquote(cells[c]);
                    if (!s.isEmpty()) {
                        v[n++] = Double.parseDouble(s);
                    }
                }
                out.add(java.util.Arrays.copyOf(v, n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
