package org.vigie.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A configuration error (an unreadable certificate file, a bad policy key) whose reason exists in French and in
 * English: {@link #getMessage()} is French, as it always was; {@link #message(Locale)} gives the reason in the
 * language of the caller's user (the command line's {@code --lang}).
 */
public class LocalizedArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String english;

    /**
     * @param french  the reason in French (the message)
     * @param english the same reason in English
     * @param cause   the underlying failure, or null
     */
    public LocalizedArgumentException(String french, String english, Throwable cause) {
        super(french, cause);
        this.english = Objects.requireNonNull(english, "english");
    }

    /** {@link #LocalizedArgumentException(String, String, Throwable)} without a cause. */
    public LocalizedArgumentException(String french, String english) {
        this(french, english, null);
    }

    /** The reason in {@code locale}'s language: English for an English locale, French otherwise. */
    public String message(Locale locale) {
        return Messages.language(locale) == Locale.ENGLISH ? english : getMessage();
    }
}
