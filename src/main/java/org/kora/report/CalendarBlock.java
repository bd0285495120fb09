package org.kora.report;

import java.util.List;

import org.kora.domain.BlockKind;
import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;
import org.kora.domain.Messages;

/** One dated block of a planned rotation, as the exports show it. */
record CalendarBlock(CalendarEntry entry, BlockKind kind, DateRange dates) {

    /** The off-site then the on-site block of a planned rotation; none for a rotation not planned. */
    static List<CalendarBlock> of(CalendarEntry entry) {
        if (!entry.planned()) {
            return List.of();
        }
        return List.of(new CalendarBlock(entry, BlockKind.OFF_SITE, entry.offSite()),
                new CalendarBlock(entry, BlockKind.ON_SITE, entry.onSite()));
    }

    /** Where or with whom: the partner department off site, the mentor on site. */
    String counterpart(Messages messages) {
        if (kind == BlockKind.OFF_SITE) {
            return entry.hostDepartmentName();
        }
        return entry.mentorName() == null ? messages.get("export.noMentor") : entry.mentorName();
    }

    /** The block kind in words. */
    String kindName(Messages messages) {
        return messages.get(kind == BlockKind.OFF_SITE ? "export.block.offSite" : "export.block.onSite");
    }

    /** Days of the block inside {@code range}, both ends counted; 0 when they do not meet. */
    long daysIn(DateRange range) {
        if (!dates.overlaps(range)) {
            return 0;
        }
        var from = dates.from().isAfter(range.from()) ? dates.from() : range.from();
        var to = dates.to().isBefore(range.to()) ? dates.to() : range.to();
        return DateRange.of(from, to).days();
    }
}
