package org.kora.domain;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Kora's texts in one language: the {@code org.kora.i18n.messages} bundle, formatted with
 * {@link MessageFormat}, and dates in the locale's format. One instance per language; immutable.
 */
public final class Messages {
    public static final String BUNDLE = "org.kora.i18n.messages";

    private static final Messages ENGLISH = new Messages(Language.EN);

    private final Language language;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dateFormat;

    public Messages(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        this.dateFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale());
    }

    /** The English texts, used for log lines and exception messages. */
    public static Messages english() {
        return ENGLISH;
    }

    public Language language() {
        return language;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    public String format(String key, Object... args) {
        var format = new MessageFormat(bundle.getString(key), language.locale());
        return format.format(args);
    }

    public String format(Localized message) {
        return format(message.messageKey(), message.messageArgs());
    }

    public String date(LocalDate date) {
        return date == null ? "" : dateFormat.format(date);
    }
}
