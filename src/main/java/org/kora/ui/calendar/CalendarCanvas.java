package org.kora.ui.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.kora.domain.CalendarEntry;
import org.kora.domain.DateRange;
import org.kora.report.Ink;
import org.kora.ui.calendar.CalendarViewModel.Line;
import org.kora.ui.calendar.CalendarViewModel.Zoom;
import org.kora.ui.print.PagePainter;

/**
 * The rotation calendar drawn on one canvas: only the rows in view are drawn, so it stays smooth
 * with any number of trainees. Names on the left, a header of years and months (or weeks), each
 * rotation's off-site and on-site blocks in the two block colours with the partner department and
 * the mentor, conflicts outlined in red with a mark, unsaved moves dashed, and a line for today.
 * A block is dragged with the mouse or moved with Ctrl+Left/Right; arrows, Page Up/Down, Home and
 * End move the selection; the wheel scrolls (with Shift, sideways).
 */
public final class CalendarCanvas extends Region {
    private static final Color OFF_SITE = PagePainter.color(Ink.OFF_SITE);
    private static final Color ON_SITE = PagePainter.color(Ink.ON_SITE);
    private static final Color CONFLICT = PagePainter.color(Ink.CONFLICT);
    private static final Color GRID = Color.web("#e3e6ea");
    private static final Color HEADING = Color.web("#eef2f6");
    private static final Color SELECTED = Color.web("#dbe9f7");
    private static final Color INK = Color.web("#1d2630");
    private static final Color HEADING_INK = Color.web("#22313f");
    private static final Color MUTED = Color.web("#5c6b77");
    private static final Color MOVED = Color.web("#111111");
    private static final Color WEEK = Color.web("#f0f2f4");
    private static final Color YEAR = Color.web("#9aa5b1");
    private static final Color HEADER_FILL = Color.web("#f7f8fa");
    private static final Color RULE = Color.web("#c5ccd3");
    private static final double NAMES = 210;
    private static final double HEADER = 44;
    private static final double ROW = 26;
    private static final double BAR = 18;

    private final CalendarViewModel viewModel;
    private final Canvas canvas = new Canvas();
    private final ScrollBar down = new ScrollBar();
    private final ScrollBar across = new ScrollBar();
    private final Font font = Font.font(12);
    private final Font bold = Font.font(null, FontWeight.BOLD, 12);
    private final Font small = Font.font(11);

    private CalendarEntry dragged;
    private LocalDate dragDay;

    public CalendarCanvas(CalendarViewModel viewModel) {
        this.viewModel = viewModel;
        down.setOrientation(Orientation.VERTICAL);
        getChildren().addAll(canvas, down, across);
        setFocusTraversable(true);
        getStyleClass().add("calendar-canvas");

        viewModel.linesProperty().addListener((property, was, is) -> layoutScrollBars());
        viewModel.spanProperty().addListener((property, was, is) -> layoutScrollBars());
        viewModel.zoomProperty().addListener((property, was, is) -> {
            // keep the day at the left edge of the timeline where it was
            var days = across.getValue() / perDay(was);
            layoutScrollBars();
            across.setValue(clamp(days * perDay(is), 0, across.getMax()));
        });
        viewModel.selectedProperty().addListener((property, was, is) -> paint());
        down.valueProperty().addListener((property, was, is) -> paint());
        across.valueProperty().addListener((property, was, is) -> paint());

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    /** Scrolls so that the line at {@code index} is in view. */
    public void reveal(int index) {
        var top = index * ROW;
        var rows = rowsHeight();
        if (top < down.getValue()) {
            down.setValue(top);
        } else if (top + ROW > down.getValue() + rows) {
            down.setValue(Math.min(down.getMax(), top + ROW - rows));
        }
    }

    /** Scrolls so that the line at {@code index} is at the top of the view. */
    public void revealTop(int index) {
        down.setValue(clamp(index * ROW, 0, down.getMax()));
    }

    /** Scrolls sideways so that {@code day} is near the left of the view. */
    public void revealDay(LocalDate day) {
        across.setValue(clamp(x(day) - 3 * 31 * perDay(), 0, across.getMax()));
    }

    /** Scrolls by {@code pixels} down, as the frame-time benchmark does. */
    public void scrollBy(double pixels) {
        down.setValue(clamp(down.getValue() + pixels, 0, down.getMax()));
    }

    @Override
    protected void layoutChildren() {
        var width = getWidth();
        var height = getHeight();
        var bar = 14;
        canvas.setWidth(Math.max(0, width - bar));
        canvas.setHeight(Math.max(0, height - bar));
        down.resizeRelocate(width - bar, 0, bar, height - bar);
        across.resizeRelocate(NAMES, height - bar, Math.max(0, width - bar - NAMES), bar);
        layoutScrollBars();
    }

    private void layoutScrollBars() {
        var lines = viewModel.linesProperty().get().size();
        var rows = rowsHeight();
        down.setMax(Math.max(0, lines * ROW - rows));
        down.setVisibleAmount(rows);
        down.setBlockIncrement(rows);
        down.setUnitIncrement(ROW);
        var span = viewModel.spanProperty().get();
        var wide = span == null ? 0 : span.days() * perDay();
        var view = Math.max(0, canvas.getWidth() - NAMES);
        across.setMax(Math.max(0, wide - view));
        across.setVisibleAmount(view);
        across.setBlockIncrement(view);
        across.setUnitIncrement(perDay() * 7);
        down.setValue(clamp(down.getValue(), 0, down.getMax()));
        across.setValue(clamp(across.getValue(), 0, across.getMax()));
        paint();
    }

    private double rowsHeight() {
        return Math.max(0, canvas.getHeight() - HEADER);
    }

    private double perDay() {
        return perDay(viewModel.zoomProperty().get());
    }

    /** Pixels per day: a month is 70 pixels wide, or a week 26. */
    private static double perDay(Zoom zoom) {
        return zoom == Zoom.WEEKS ? 26.0 / 7 : 70.0 / 30.44;
    }

    /** The x of the start of {@code day} in the scrolled timeline, without the names column. */
    private double x(LocalDate day) {
        var span = viewModel.spanProperty().get();
        return ChronoUnit.DAYS.between(span.from(), day) * perDay();
    }

    private LocalDate dayAt(double canvasX) {
        var span = viewModel.spanProperty().get();
        return span.from().plusDays((long) Math.floor((canvasX - NAMES + across.getValue()) / perDay()));
    }

    /** Draws what is in view. */
    void paint() {
        var g = canvas.getGraphicsContext2D();
        var width = canvas.getWidth();
        var height = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, height);
        var span = viewModel.spanProperty().get();
        if (span == null || width <= NAMES) {
            return;
        }
        var lines = viewModel.linesProperty().get();
        var first = (int) Math.floor(down.getValue() / ROW);
        var last = Math.min(lines.size() - 1, (int) Math.ceil((down.getValue() + rowsHeight()) / ROW));
        paintGrid(g, span, width, height);
        g.save();
        clip(g, 0, HEADER, width, height - HEADER);
        for (var i = first; i <= last; i++) {
            paintLine(g, lines.get(i), HEADER + i * ROW - down.getValue(), width);
        }
        g.restore();
        paintHeader(g, span, width);
        var today = viewModel.today();
        if (span.contains(today)) {
            var tx = NAMES + x(today) - across.getValue();
            if (tx >= NAMES) {
                line(g, CONFLICT, 1.5, tx, HEADER - 8, tx, height);
            }
        }
    }

    private void paintLine(GraphicsContext g, Line line, double top, double width) {
        if (line.isHeading()) {
            g.setFill(HEADING);
            g.fillRect(0, top, width, ROW);
            g.setFill(HEADING_INK);
            g.setFont(bold);
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(line.heading(), 8, top + ROW / 2);
            return;
        }
        var entry = line.entry();
        var selected = viewModel.selectedProperty().get();
        if (selected != null && selected.rotationId() == entry.rotationId()) {
            g.setFill(SELECTED);
            g.fillRect(0, top, width, ROW);
        }
        line(g, GRID, 1, 0, top + ROW - 0.5, width, top + ROW - 0.5);
        if (entry.planned()) {
            g.save();
            clip(g, NAMES, top, width - NAMES, ROW);
            var y = top + (ROW - BAR) / 2;
            bar(g, entry.offSite(), y, OFF_SITE, Color.WHITE, entry.hostDepartmentName(), entry, line.moved());
            bar(g, entry.onSite(), y, ON_SITE, Color.WHITE, entry.mentorName(), entry, line.moved());
            g.restore();
        }
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(entry.inConflict() ? CONFLICT : INK);
        var name = (entry.inConflict() ? "⚠ " : "") + entry.traineeName();
        g.save();
        clip(g, 0, top, NAMES - 6, ROW);
        g.fillText(name, 8, top + ROW / 2);
        g.restore();
        if (entry.confirmed()) {
            padlock(g, NAMES - 16, top + ROW / 2);
        }
    }

    /**
     * Clips to a rectangle whose edges lie on whole pixels of the canvas (at the window's scale).
     * The canvas applies such a clip directly; any other goes through a mask the size of the whole
     * canvas, which the software renderer (used on machines without a suitable GPU) blends at
     * several milliseconds a clip: with up to four clips a row, each frame took about a second
     * (docs/performance.md, "Rotation calendar").
     */
    private void clip(GraphicsContext g, double x, double y, double w, double h) {
        var left = snapPositionX(x);
        var top = snapPositionY(y);
        g.beginPath();
        g.rect(left, top, snapPositionX(x + w) - left, snapPositionY(y + h) - top);
        g.clip();
    }

    /**
     * A horizontal or vertical line as {@code strokeLine} draws it {@code lineWidth} wide with the
     * default square caps, filled as the rectangle it covers: the software renderer fills a
     * rectangle in a fraction of the time it takes to stroke a line, and the grid's long lines were
     * most of a frame's drawing there (docs/performance.md, "Rotation calendar").
     */
    private static void line(GraphicsContext g, Color color, double lineWidth, double x0, double y0, double x1, double y1) {
        var half = lineWidth / 2;
        g.setFill(color);
        g.fillRect(Math.min(x0, x1) - half, Math.min(y0, y1) - half, Math.abs(x1 - x0) + lineWidth,
                Math.abs(y1 - y0) + lineWidth);
    }

    /** A small padlock: the rotation is confirmed, and the planner keeps it where it is. */
    private static void padlock(GraphicsContext g, double x, double middle) {
        g.setStroke(MUTED);
        g.setFill(MUTED);
        g.setLineWidth(1.4);
        g.strokeArc(x + 1.5, middle - 7, 6, 8, 0, 180, ArcType.OPEN);
        g.strokeLine(x + 1.5, middle - 3, x + 1.5, middle - 1);
        g.strokeLine(x + 7.5, middle - 3, x + 7.5, middle - 1);
        g.fillRoundRect(x, middle - 1, 9, 7, 2, 2);
    }

    private void bar(GraphicsContext g, DateRange range, double y, Color fill, Color ink, String label,
                     CalendarEntry entry, boolean moved) {
        var left = NAMES + x(range.from()) - across.getValue();
        var wide = range.days() * perDay();
        g.setFill(fill);
        g.fillRect(left, y, wide, BAR);
        if (entry.inConflict()) {
            g.setStroke(CONFLICT);
            g.setLineWidth(2);
            g.strokeRect(left + 1, y + 1, wide - 2, BAR - 2);
        }
        if (moved) {
            g.setStroke(MOVED);
            g.setLineWidth(1.2);
            g.setLineDashes(4, 3);
            g.strokeRect(left - 1, y - 1, wide + 2, BAR + 2);
            g.setLineDashes();
        }
        if (label != null && wide > 24) {
            g.save();
            clip(g, left + 3, y, wide - 6, BAR);
            g.setFill(ink);
            g.setFont(small);
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(label, Math.max(left, NAMES) + 5, y + BAR / 2);
            g.restore();
        }
    }

    /** The month lines (and week lines when zoomed in) behind the rows. */
    private void paintGrid(GraphicsContext g, DateRange span, double width, double height) {
        g.save();
        clip(g, NAMES, HEADER, width - NAMES, height - HEADER);
        for (var month = YearMonth.from(span.from()); !month.isAfter(YearMonth.from(span.to())); month = month.plusMonths(1)) {
            var left = NAMES + x(month.atDay(1)) - across.getValue();
            var right = NAMES + x(month.atEndOfMonth().plusDays(1)) - across.getValue();
            if (right < NAMES || left > width) {
                continue;
            }
            if (viewModel.zoomProperty().get() == Zoom.WEEKS) {
                for (var day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
                    if (day.getDayOfWeek().getValue() == 1) {
                        var wx = NAMES + x(day) - across.getValue();
                        line(g, WEEK, 1, wx + 0.5, HEADER, wx + 0.5, height);
                    }
                }
            }
            line(g, month.getMonthValue() == 1 ? YEAR : GRID, 1, left + 0.5, HEADER, left + 0.5, height);
        }
        g.restore();
    }

    /** The header of years and months over the timeline, and the names column's title. */
    private void paintHeader(GraphicsContext g, DateRange span, double width) {
        g.setFill(HEADER_FILL);
        g.fillRect(0, 0, width, HEADER);
        g.save();
        clip(g, NAMES, 0, width - NAMES, HEADER);
        var locale = viewModel.messages().language().locale();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (var month = YearMonth.from(span.from()); !month.isAfter(YearMonth.from(span.to())); month = month.plusMonths(1)) {
            var left = NAMES + x(month.atDay(1)) - across.getValue();
            var right = NAMES + x(month.atEndOfMonth().plusDays(1)) - across.getValue();
            if (right < NAMES || left > width) {
                continue;
            }
            line(g, GRID, 1, left + 0.5, HEADER / 2, left + 0.5, HEADER);
            g.setFill(INK);
            g.setFont(small);
            g.fillText(month.getMonth().getDisplayName(TextStyle.SHORT, locale), left + 4, HEADER * 3 / 4);
            if (month.getMonthValue() == 1 || month.equals(YearMonth.from(span.from()))) {
                g.setFont(bold);
                g.fillText(String.valueOf(month.getYear()), left + 4, HEADER / 4);
                line(g, YEAR, 1, left + 0.5, 0, left + 0.5, HEADER);
            }
        }
        g.restore();
        line(g, RULE, 1, 0, HEADER - 0.5, width, HEADER - 0.5);
        line(g, RULE, 1, NAMES - 0.5, 0, NAMES - 0.5, canvas.getHeight());
        g.setFill(INK);
        g.setFont(bold);
        g.fillText(viewModel.text("calendar.trainee"), 8, HEADER * 3 / 4);
    }

    // --- mouse and keys ---

    private int lineAt(double y) {
        if (y < HEADER) {
            return -1;
        }
        var index = (int) Math.floor((y - HEADER + down.getValue()) / ROW);
        return index < viewModel.linesProperty().get().size() ? index : -1;
    }

    private void pressed(MouseEvent event) {
        requestFocus();
        var index = lineAt(event.getY());
        if (index < 0) {
            return;
        }
        var line = viewModel.linesProperty().get().get(index);
        if (line.isHeading()) {
            return;
        }
        var entry = line.entry();
        viewModel.select(entry);
        if (entry.planned() && event.getX() > NAMES) {
            var day = dayAt(event.getX());
            if (entry.span().contains(day)) {
                var refusal = viewModel.moveRefusal(entry);
                if (refusal == null) {
                    dragged = entry;
                    dragDay = day;
                } else {
                    viewModel.work().warn(refusal);
                }
            }
        }
    }

    private void dragged(MouseEvent event) {
        if (dragged != null) {
            var shift = ChronoUnit.DAYS.between(dragDay, dayAt(event.getX()));
            viewModel.dragTo(dragged, dragged.offSite().from().plusDays(shift));
            paint();
        }
    }

    private void released(MouseEvent event) {
        if (dragged != null) {
            viewModel.drop(dragged);
            dragged = null;
            paint();
        }
    }

    private void scrolled(ScrollEvent event) {
        if (event.isShiftDown() || Math.abs(event.getDeltaX()) > Math.abs(event.getDeltaY())) {
            var delta = event.getDeltaX() != 0 ? event.getDeltaX() : event.getDeltaY();
            across.setValue(clamp(across.getValue() - delta, 0, across.getMax()));
        } else {
            scrollBy(-event.getDeltaY());
        }
        event.consume();
    }

    private void keyPressed(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE && dragged != null) {
            viewModel.cancelMove(dragged);
            dragged = null;
        } else if (event.isShortcutDown() && (event.getCode() == KeyCode.LEFT || event.getCode() == KeyCode.RIGHT)) {
            viewModel.nudge(event.getCode() == KeyCode.LEFT ? -1 : 1);
        } else if (event.getCode() == KeyCode.UP || event.getCode() == KeyCode.DOWN) {
            selectBy(event.getCode() == KeyCode.UP ? -1 : 1);
        } else if (event.getCode() == KeyCode.PAGE_UP || event.getCode() == KeyCode.PAGE_DOWN) {
            selectBy((event.getCode() == KeyCode.PAGE_UP ? -1 : 1) * Math.max(1, (int) (rowsHeight() / ROW) - 1));
        } else if (event.getCode() == KeyCode.HOME || event.getCode() == KeyCode.END) {
            selectBy(event.getCode() == KeyCode.HOME ? -Integer.MAX_VALUE / 2 : Integer.MAX_VALUE / 2);
        } else if (event.getCode() == KeyCode.LEFT || event.getCode() == KeyCode.RIGHT) {
            across.setValue(clamp(across.getValue() + (event.getCode() == KeyCode.LEFT ? -1 : 1) * 31 * perDay(), 0, across.getMax()));
        } else {
            return;
        }
        paint();
        event.consume();
    }

    /** Moves the selection by {@code steps} rotations (headings skipped), keeping it in view. */
    private void selectBy(int steps) {
        List<Line> lines = viewModel.linesProperty().get();
        if (lines.isEmpty()) {
            return;
        }
        var selected = viewModel.selectedProperty().get();
        var at = -1;
        for (var i = 0; i < lines.size() && selected != null; i++) {
            if (!lines.get(i).isHeading() && lines.get(i).entry().rotationId() == selected.rotationId()) {
                at = i;
            }
        }
        var target = (int) clamp((long) at + steps, 0, lines.size() - 1);
        var direction = steps < 0 ? -1 : 1;
        while (target >= 0 && target < lines.size() && lines.get(target).isHeading()) {
            target += direction;
        }
        if (target < 0 || target >= lines.size()) {
            return;
        }
        viewModel.select(lines.get(target).entry());
        reveal(target);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
