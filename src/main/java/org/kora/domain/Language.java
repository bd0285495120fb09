package org.kora.domain;

import java.util.Locale;

/** The languages Kora's interface is complete in. */
public enum Language {
    ZH("zh", Locale.SIMPLIFIED_CHINESE, "简体中文"),
    EN("en", Locale.ENGLISH, "English");

    private final String code;
    private final Locale locale;
    private final String nativeName;

    Language(String code, Locale locale, String nativeName) {
        this.code = code;
        this.locale = locale;
        this.nativeName = nativeName;
    }

    /** The code used on the command line and in settings: {@code zh} or {@code en}. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself, as a language chooser shows it. */
    public String nativeName() {
        return nativeName;
    }

    /** Chinese for a Chinese-speaking system, English for any other. */
    public static Language fromLocale(Locale locale) {
        return locale.getLanguage().equals(ZH.locale.getLanguage()) ? ZH : EN;
    }

    public static Language fromCode(String code) {
        for (var language : values()) {
            if (language.code.equalsIgnoreCase(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language '" + code + "': use zh or en");
    }
}
