package org.kora.report;

import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A glyph's outline as a list of its path segments, which two outlines can be compared by. */
final class Outlines {
    private Outlines() {
    }

    static List<String> of(Shape outline) {
        var segments = new ArrayList<String>();
        var point = new double[6];
        for (var path = outline.getPathIterator(null); !path.isDone(); path.next()) {
            var type = path.currentSegment(point);
            var points = switch (type) {
                case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 2;
                case PathIterator.SEG_QUADTO -> 4;
                case PathIterator.SEG_CUBICTO -> 6;
                default -> 0;
            };
            segments.add(type + Arrays.toString(Arrays.copyOf(point, points)));
        }
        return segments;
    }
}
