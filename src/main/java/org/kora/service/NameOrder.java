package org.kora.service;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * The order of people's and places' names in every list: names in Latin and other scripts first,
 * then Han names by pinyin (the Chinese collator), then Tibetan-script names; inside the Latin and
 * Han groups the collator of {@link Locale#CHINA} decides, inside the Tibetan group too, which puts
 * them in the order of the first letters' code points (ཀ ཁ ག …) — not the traditional dictionary
 * order, which sorts by root letter after prefixes, but stable and predictable.
 */
public final class NameOrder {
    private static final Comparator<String> ORDER = Comparator.<String>comparingInt(NameOrder::group)
            .thenComparing(collator());

    private NameOrder() {
    }

    public static Comparator<String> names() {
        return ORDER;
    }

    private static Comparator<Object> collator() {
        var collator = Collator.getInstance(Locale.CHINA);
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }

    /** 0 for Latin and others, 1 for Han, 2 for Tibetan, by the first letter of the name. */
    private static int group(String name) {
        for (var i = 0; i < name.length(); ) {
            var codePoint = name.codePointAt(i);
            if (Character.isLetter(codePoint)) {
                var script = Character.UnicodeScript.of(codePoint);
                if (script == Character.UnicodeScript.HAN) {
                    return 1;
                }
                return script == Character.UnicodeScript.TIBETAN ? 2 : 0;
            }
            i += Character.charCount(codePoint);
        }
        return 0;
    }
}
