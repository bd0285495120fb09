package org.kora.service;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import org.kora.domain.HospitalKind;
import org.kora.domain.Profession;
import org.kora.domain.SignOffLevel;
import org.kora.domain.TypedDate;

/** Reads the values of import cells: dates in the forms people type, whole numbers, kinds, professions, levels. */
final class ImportValues {
    private static final Pattern SERIAL = Pattern.compile("\\d{1,7}");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,9}");
    /** Excel's last day, 9999-12-31. */
    private static final int LAST_SERIAL = 2_958_465;
    /** Excel counts a 29 February 1900 that never was: serials from 61 on are one day ahead. */
    private static final LocalDate SERIAL_ORIGIN = LocalDate.of(1899, 12, 30);

    private ImportValues() {
    }

    /**
     * A date as {@code 2026-03-01}, {@code 2026/3/1}, {@code 2026.3.1}, {@code 2026年3月1日}, or an
     * Excel serial day number (what a spreadsheet's date cell holds, and what a CSV saved from a
     * date column formatted as "General" shows); a time of day after the date is ignored.
     * Null when the text is none of these or no real day.
     */
    static LocalDate date(String text) {
        var typed = TypedDate.parse(text);
        if (typed != null) {
            return typed;
        }
        if (SERIAL.matcher(text).matches()) {
            var serial = Integer.parseInt(text);
            if (serial >= 1 && serial <= LAST_SERIAL) {
                return SERIAL_ORIGIN.plusDays(serial < 61 ? serial + 1L : serial);
            }
        }
        return null;
    }

    /** A whole number, or null when the text is not one. */
    static Integer integer(String text) {
        return INTEGER.matcher(text).matches() ? Integer.valueOf(text) : null;
    }

    static HospitalKind kind(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "home", "受援", "受援医院" -> HospitalKind.HOME;
            case "partner", "支援", "支援医院" -> HospitalKind.PARTNER;
            default -> null;
        };
    }

    static Profession profession(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "doctor", "医师", "医生" -> Profession.DOCTOR;
            case "nurse", "护士" -> Profession.NURSE;
            case "technician", "技师" -> Profession.TECHNICIAN;
            case "other", "其他" -> Profession.OTHER;
            default -> null;
        };
    }

    /** A sign-off level by its English or Chinese word, as the curricula screen names them. */
    static SignOffLevel level(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "observed", "观摩" -> SignOffLevel.OBSERVED;
            case "assisted", "协助" -> SignOffLevel.ASSISTED;
            case "supervised", "under supervision", "指导下操作" -> SignOffLevel.SUPERVISED;
            case "independent", "独立操作" -> SignOffLevel.INDEPENDENT;
            default -> null;
        };
    }

    /** Whether {@code text} is all digits and so long that Excel may have cut it to 15 significant digits. */
    static boolean excelMayHaveCut(String text) {
        if (text.length() < 15) {
            return false;
        }
        for (var i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
