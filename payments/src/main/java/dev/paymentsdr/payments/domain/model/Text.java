package dev.paymentsdr.payments.domain.model;

/** Character rules shared by free-text fields. */
final class Text {
    private Text() {
    }

    /**
     * True when the text holds a control character (C0, DEL, C1), a line/paragraph separator, or half of a
     * surrogate pair (JSON "\\ud800" escapes can produce one; it has no UTF-8 form and would be stored as '?').
     */
    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a proper pair: one supplementary character such as an emoji
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
