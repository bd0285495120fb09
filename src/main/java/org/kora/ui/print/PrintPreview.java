package org.kora.ui.print;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PrinterJob;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Pagination;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.kora.report.Paper;
import org.kora.report.PrintDocument;
import org.kora.ui.Dialogs;
import org.kora.ui.TextCells;

/**
 * The print preview: the real pages of a screen's chosen print on the chosen paper, one at a time and fitted to the window's width,
 * drawn by the same {@link PagePainter} that prints them; then the system's print dialog, or a PDF.
 * With no printer installed it says so and offers the PDF. Keys: Ctrl+P print, Ctrl+S save as
 * PDF, Page Up/Down or the arrows turn the pages, Esc closes.
 */
public final class PrintPreview {
    private static final KeyCombination PRINT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final Printable source;
    private final Dialogs dialogs;
    private final Stage stage = new Stage();
    private final Pagination pages = new Pagination(1);
    private final Label count = new Label();
    private final PagePainter painter;

    /**
     * A preview of {@code source}'s print, with the screen's own {@code choices} (what to print, which
     * months …) at the top beside the paper; a change of a choice should call {@link Printable#layOut()}.
     */
    public PrintPreview(Printable source, List<Node> choices, PagePainter painter, Dialogs dialogs, Window owner) {
        this.source = source;
        this.painter = painter;
        this.dialogs = dialogs;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(text("print.preview.title"));

        var paper = new ComboBox<Paper>();
        paper.setMinWidth(Region.USE_PREF_SIZE);
        paper.getItems().setAll(Paper.values());
        paper.setConverter(TextCells.converter(item -> text(switch (item) {
            case A4_LANDSCAPE -> "print.paper.a4Landscape";
            case A4_PORTRAIT -> "print.paper.a4Portrait";
            case A3_LANDSCAPE -> "print.paper.a3Landscape";
            case A3_PORTRAIT -> "print.paper.a3Portrait";
        })));
        paper.valueProperty().bindBidirectional(source.paperProperty());
        var top = new HBox(8);
        top.getChildren().addAll(choices);
        top.getChildren().addAll(label(text("print.preview.paper")), paper, count);
        HBox.setHgrow(count, Priority.ALWAYS);
        count.setMinWidth(0);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10));

        var print = new Button(text("print.preview.print"));
        print.setDefaultButton(true);
        print.setOnAction(event -> print());
        var pdf = new Button(text("print.preview.pdf"));
        pdf.setOnAction(event -> savePdf());
        var close = new Button(text("print.preview.close"));
        close.setCancelButton(true);
        close.setOnAction(event -> stage.close());
        var busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(source.work().busyProperty());
        var status = new Label();
        status.textProperty().bind(source.work().statusProperty());
        var error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(source.work().errorProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bottom = new HBox(8, busy, status, error, spacer, print, pdf, close);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(10));
        print.disableProperty().bind(source.documentProperty().isNull().or(source.work().busyProperty()));
        pdf.disableProperty().bind(print.disableProperty());

        pages.setPageFactory(this::page);
        pages.getStyleClass().add("print-pages");
        var root = new BorderPane(pages, top, null, bottom, null);
        root.getStyleClass().add("print-preview");
        var scene = new Scene(root, 1040, 800);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        stage.setScene(scene);

        source.documentProperty().addListener((property, was, is) -> showPages(is));
        source.paperProperty().addListener((property, was, is) -> source.layOut());
        pages.widthProperty().addListener((property, was, is) -> showPages(source.documentProperty().get()));
    }

    /** A label that keeps its whole text, for the choices beside the paper. */
    public static Label label(String text) {
        var label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }


    private String text(String key) {
        return source.messages().get(key);
    }

    /** Shows the window and lays out the print. */
    public void show() {
        showPages(null);
        source.layOut();
        stage.show();
        pages.requestFocus();
    }

    private void showPages(PrintDocument document) {
        var total = document == null ? 1 : Math.max(1, document.pages().size());
        var at = Math.min(pages.getCurrentPageIndex(), total - 1);
        pages.setPageCount(total);
        pages.setCurrentPageIndex(at);
        count.setText(document == null ? "" : source.messages().format("print.preview.pages", document.pages().size()));
        // the page factory is asked again only when the index changes: redraw the shown page by hand
        pages.setPageFactory(null);
        pages.setPageFactory(this::page);
    }

    private Node page(int index) {
        var document = source.documentProperty().get();
        var holder = new StackPane();
        holder.getStyleClass().add("print-page-holder");
        holder.setPadding(new Insets(16));
        if (document != null && index < document.pages().size()) {
            var width = Math.max(200, pages.getWidth() - 60);
            var scale = width / document.paper().width();
            var node = painter.paint(document.pages().get(index), document.paper(), scale);
            node.getStyleClass().add("print-page");
            holder.getChildren().add(new Group(node));
        }
        var scroll = new ScrollPane(holder);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void print() {
        var document = source.documentProperty().get();
        if (document == null) {
            return;
        }
        var job = PrinterJob.createPrinterJob();
        if (job == null) {
            if (dialogs.confirm(text("print.noPrinter.title"), text("print.noPrinter.text"),
                    text("print.noPrinter.action"))) {
                savePdf();
            }
            return;
        }
        if (!job.showPrintDialog(stage)) {
            job.cancelJob();
            return;
        }
        if (painter.print(job, document) && job.endJob()) {
            source.printed(document.pages().size());
        } else {
            job.cancelJob();
            source.work().warn(text("print.failed"));
        }
    }

    private void savePdf() {
        dialogs.chooseSaveFile(source.pdfFileName(), "file.filter.pdf", "pdf").ifPresent(source::savePdf);
    }

    private void shortcut(KeyEvent event) {
        if (PRINT.match(event)) {
            print();
        } else if (SAVE.match(event)) {
            savePdf();
        } else if (event.getCode() == KeyCode.PAGE_DOWN || event.getCode() == KeyCode.PAGE_UP) {
            var step = event.getCode() == KeyCode.PAGE_DOWN ? 1 : -1;
            pages.setCurrentPageIndex(Math.max(0, Math.min(pages.getPageCount() - 1, pages.getCurrentPageIndex() + step)));
        } else {
            return;
        }
        event.consume();
    }
}
