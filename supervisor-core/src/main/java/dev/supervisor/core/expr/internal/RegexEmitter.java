package dev.supervisor.core.expr.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Regex} program from a checked syntax tree: one instruction per leaf, SPLIT/JMP for choices and
 * loops, counted repetitions expanded.
 */
final class RegexEmitter {
    private final int[] op;
    private final int[] arg;
    private final int[] arg2;
    private final boolean[] fold;
    private final int[][] ranges;
    private final boolean[] negated;
    private int n;

    RegexEmitter(int size) {
        op = new int[size];
        arg = new int[size];
        arg2 = new int[size];
        fold = new boolean[size];
        ranges = new int[size][];
        negated = new boolean[size];
    }

    Regex emitAll(RegexParser.Re re) {
        emit(re);
        op[n++] = Regex.MATCH;
        return new Regex(op, arg, arg2, fold, ranges, negated, n);
    }

    private int add(int o, int a, int b) {
        op[n] = o;
        arg[n] = a;
        arg2[n] = b;
        return n++;
    }

    private void emit(RegexParser.Re re) {
        if (re instanceof RegexParser.Leaf l) {
            int at = add(l.op(), l.arg(), 0);
            fold[at] = l.fold();
            ranges[at] = l.ranges();
            negated[at] = l.negated();
        } else if (re instanceof RegexParser.Cat c) {
            c.items().forEach(this::emit);
        } else if (re instanceof RegexParser.Alt a) {
            List<Integer> jumps = new ArrayList<>();
            int last = a.items().size() - 1;
            for (int k = 0; k < last; k++) {
                int split = add(Regex.SPLIT, 0, 0);
                arg[split] = n;
                emit(a.items().get(k));
                jumps.add(add(Regex.JMP, 0, 0));
                arg2[split] = n; // the next alternative
            }
            emit(a.items().get(last));
            jumps.forEach(j -> arg[j] = n);
        } else if (re instanceof RegexParser.Rep r) {
            for (int k = 0; k < r.min(); k++) {
                emit(r.body());
            }
            if (r.max() < 0) {
                int split = add(Regex.SPLIT, 0, 0);
                arg[split] = n;
                emit(r.body());
                add(Regex.JMP, split, 0);
                arg2[split] = n;
            } else {
                for (int k = r.min(); k < r.max(); k++) {
                    int split = add(Regex.SPLIT, 0, 0);
                    arg[split] = n;
                    emit(r.body());
                    arg2[split] = n;
                }
            }
        }
    }
}
