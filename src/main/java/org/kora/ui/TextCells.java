package org.kora.ui;

import java.time.LocalDate;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextInputControl;
import javafx.util.StringConverter;

import org.kora.domain.TypedDate;

/**
 * Text in tables, fields, choice boxes and date pickers as every screen shows it. A cell or field
 * holding Tibetan script gets the {@code :tibetan} pseudo-class, which kora.css draws larger,
 * because the Tibetan fonts draw letters small for their line height to leave room for stacks.
 */
public final class TextCells {
    private static final PseudoClass TIBETAN = PseudoClass.getPseudoClass("tibetan");

    private TextCells() {
    }

    /** Whether a text has Tibetan script. */
    public static boolean hasTibetan(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.TIBETAN);
    }

    /** Fills {@code column} with {@code text} of each row. */
    public static <R> void column(TableColumn<R, String> column, Function<R, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setCellFactory(unused -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                pseudoClassStateChanged(TIBETAN, !empty && hasTibetan(item));
            }
        });
    }

    /** Shows a field larger while it holds Tibetan script. */
    public static void script(TextInputControl field) {
        field.textProperty().addListener((property, was, is) -> field.pseudoClassStateChanged(TIBETAN, hasTibetan(is)));
    }

    /** Shows the items of a choice box by {@code name}; they are chosen from the list, never typed. */
    public static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen from a list, never typed");
            }
        };
    }

    /**
     * Date pickers that show dates as {@code 2026-03-01} and read them as planners type them
     * ({@link TypedDate}), whatever the system's locale; text that names no day leaves the picker empty.
     */
    public static void dates(DatePicker... pickers) {
        var converter = new StringConverter<LocalDate>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : date.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                return TypedDate.parse(text);
            }
        };
        for (var picker : pickers) {
            picker.setConverter(converter);
            picker.setPromptText("2026-03-01");
        }
    }
}
