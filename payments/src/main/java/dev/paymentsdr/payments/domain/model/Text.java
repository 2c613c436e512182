package dev.paymentsdr.payments.domain.model;

/** Character rules shared by free-text fields. */
final class Text {
    private Text() {
    }

    /** True when the text holds a control character (C0, DEL, C1) or a line/paragraph separator. */
    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
