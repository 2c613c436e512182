package dev.paymentsdr.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one figure: their median and their range. */
public record Spread(double median, double min, double max, int count) {

    /** Negative values mean "not measured" and are left out; with none left the spread is empty (count 0). */
    public static Spread of(List<Double> values) {
        List<Double> sorted = new ArrayList<>();
        for (Double value : values) {
            if (value != null && value >= 0 && !value.isNaN()) {
                sorted.add(value);
            }
        }
        if (sorted.isEmpty()) {
            return new Spread(-1, -1, -1, 0);
        }
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), n);
    }

    public boolean measured() {
        return count > 0;
    }

    /** "4589 (4410-4702)": the median, then the range when there was more than one measurement. */
    public String format(int decimals) {
        if (!measured()) {
            return "n/a";
        }
        String median = number(this.median, decimals);
        return count == 1 ? median : median + " (" + number(min, decimals) + "-" + number(max, decimals) + ")";
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
