package org.kora.domain;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sign-off's optional case reference (住院号, 门诊号 …). It must never carry a patient's name;
 * {@link #looksLikeName} is the warning the mentor sees before signing. It is a warning, not a
 * refusal: the rule is a guess and a mentor may know better.
 */
public final class CaseReference {
    /** The column's length in the store. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern DIGIT = Pattern.compile("\\p{Nd}");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern TIBETAN = Pattern.compile("\\p{IsTibetan}");
    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}+");
    private static final Pattern LATIN_NAME = Pattern.compile("\\b\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+\\b");
    /** The words a case reference is made of, which are not names. */
    private static final Set<String> RECORD_WORDS = Set.of("住院号", "门诊号", "病案号", "病历号", "手术号", "急诊号",
            "床号", "住院", "门诊", "病案", "病历", "手术", "急诊", "床", "号", "第", "例", "次", "编号", "登记号");

    private CaseReference() {
    }

    /**
     * Whether {@code text} looks as if it names a patient: letters but no digits (a case number has
     * digits), any Tibetan letters, a run of Chinese characters that is not a record word, or two
     * capitalised Latin words.
     */
    public static boolean looksLikeName(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        if (LETTER.matcher(text).find() && !DIGIT.matcher(text).find()) {
            return true;
        }
        if (TIBETAN.matcher(text).find() || LATIN_NAME.matcher(text).find()) {
            return true;
        }
        var han = HAN_RUN.matcher(text);
        while (han.find()) {
            if (!RECORD_WORDS.contains(han.group())) {
                return true;
            }
        }
        return false;
    }
}
