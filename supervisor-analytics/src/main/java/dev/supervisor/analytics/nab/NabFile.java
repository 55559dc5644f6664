package dev.supervisor.analytics.nab;

import java.util.List;

/**
 * One NAB data file: values by row and its scoring windows as inclusive row ranges.
 *
 * @param name path relative to {@code data/}, e.g. {@code realTraffic/speed_7578.csv}
 * @param timestamps row timestamps as written
 * @param values row values
 * @param windows inclusive [first, last] row index pairs, in order
 */
public record NabFile(String name, List<String> timestamps, double[] values, List<int[]> windows) {
    /** @return the category (the directory) */
    public String category() {
        int slash = name.indexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** @return rows ignored at the start: min(floor(0.15 N), 750) */
    public int probation() {
        return Math.min((int) Math.floor(0.15 * values.length), 750);
    }
}
