package org.kora.report;

import org.kora.domain.Competency;
import org.kora.domain.Language;
import org.kora.domain.Messages;
import org.kora.domain.SignOffLevel;

/** The words a print or export uses for a sign-off's level and a competency's name, in one language. */
final class SignOffTexts {
    private SignOffTexts() {
    }

    /** The level as a word: observed, assisted, performed under supervision, independent. */
    static String level(Messages messages, SignOffLevel level) {
        return messages.get(switch (level) {
            case OBSERVED -> "signoff.level.observed";
            case ASSISTED -> "signoff.level.assisted";
            case SUPERVISED -> "signoff.level.supervised";
            case INDEPENDENT -> "signoff.level.independent";
        });
    }

    /** The competency's name in the language of {@code messages}: a curriculum names each in both. */
    static String competency(Messages messages, Competency competency) {
        return messages.language() == Language.ZH ? competency.nameZh() : competency.nameEn();
    }
}
