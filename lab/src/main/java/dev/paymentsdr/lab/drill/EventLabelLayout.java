package dev.paymentsdr.lab.drill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places the chart's event labels in rows above the plot so that no two overlap: each label goes into the first row
 * where it clears the labels already there, next to its event's line (left of it when it would run off the chart).
 */
final class EventLabelLayout {
    /** Row height of an 11 px label. */
    static final double ROW_HEIGHT = 14;
    /** Width of one character of an 11 px sans-serif label, generous so that wide glyphs still fit. */
    static final double CHAR_WIDTH = 6.6;
    private static final double GAP = 4;

    /**
     * One placed label: its box (top-left corner, width, height) and the event line it belongs to.
     *
     * @param lineX where the event's vertical line is drawn
     */
    record Label(String text, double lineX, double x, double y, double width, double height, int row) {
        boolean overlaps(Label other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }
    }

    private EventLabelLayout() {
    }

    /**
     * Lays out one label per event.
     *
     * @param lineXs   the x of each event's line, in the order of {@code texts}
     * @param minX     the chart's left edge a label may use
     * @param maxX     the chart's right edge a label may use
     * @param topY     the top of the first row
     */
    static List<Label> layout(List<String> texts, List<Double> lineXs, double minX, double maxX, double topY) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(lineXs::get));
        // the labels placed in each row so far; a new one is checked against all of them, since a label pushed left
        // of its line (at the right edge) can reach back over earlier ones
        List<List<Label>> rows = new ArrayList<>();
        Label[] placed = new Label[texts.size()];
        for (int i : order) {
            String text = texts.get(i);
            double lineX = lineXs.get(i);
            double width = text.length() * CHAR_WIDTH;
            double x = lineX + 2 + width <= maxX ? lineX + 2 : Math.max(minX, lineX - 2 - width);
            Label label = null;
            for (int row = 0; label == null; row++) {
                if (row == rows.size()) {
                    rows.add(new ArrayList<>());
                }
                Label candidate = new Label(text, lineX, x, topY + row * ROW_HEIGHT, width, ROW_HEIGHT, row);
                Label padded = new Label(text, lineX, x - GAP, candidate.y(), width + 2 * GAP, ROW_HEIGHT, row);
                if (rows.get(row).stream().noneMatch(padded::overlaps)) {
                    label = candidate;
                    rows.get(row).add(label);
                }
            }
            placed[i] = label;
        }
        return List.of(placed);
    }

    /** How many rows the labels take. */
    static int rows(List<Label> labels) {
        return labels.stream().mapToInt(Label::row).max().orElse(-1) + 1;
    }
}
