package org.vigie.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a finding was made: a path of steps, each a name with an optional key and an optional index, written
 * {@code VIHF/Attribute[Identifiant_Structure]/AttributeValue}, {@code DocumentEntry[2]/authorInstitution[0]} or
 * {@code organisation/members[3]/finess}. Immutable; the text form is the one of the JSON report and of the text
 * reports, and {@link #parse(String)} reads it back ({@code parse(l.toString()).equals(l)}), so a reader of a
 * saved report gets the same steps the check built.
 */
public final class Location {

    /** The location of a finding that is about the whole input. Written as the empty string. */
    public static final Location NONE = new Location(List.of());

    /**
     * One step of a path.
     *
     * @param name  the element, attribute ({@code @name}) or field name; never empty
     * @param key   the key that picks one of several siblings (an attribute name, a document id), or null
     * @param index the 0-based position among siblings, or -1
     */
    public record Step(String name, String key, int index) {
        public Step {
            Objects.requireNonNull(name, "name");
            if (index < -1) {
                throw new IllegalArgumentException("index < -1: " + index);
            }
        }

        /** The key, when this step has one. */
        public Optional<String> keyValue() {
            return Optional.ofNullable(key);
        }

        /** The index, when this step has one. */
        public OptionalInt indexValue() {
            return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
        }

        void appendTo(StringBuilder sb) {
            sb.append(name);
            if (key != null) {
                sb.append('[').append(key).append(']');
            }
            if (index >= 0) {
                sb.append('[').append(index).append(']');
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            appendTo(sb);
            return sb.toString();
        }
    }

    private final List<Step> steps;
    private String text;

    private Location(List<Step> steps) {
        this.steps = steps;
    }

    /** A one-step location. */
    public static Location of(String name) {
        return NONE.child(name);
    }

    /** A one-step location with a key. */
    public static Location of(String name, String key) {
        return NONE.child(name, key);
    }

    /** A one-step location with an index. */
    public static Location of(String name, int index) {
        return NONE.child(name, index);
    }

    /** This path followed by {@code name}. */
    public Location child(String name) {
        return with(new Step(name, null, -1));
    }

    /** This path followed by {@code name[key]}. */
    public Location child(String name, String key) {
        return with(new Step(name, Objects.requireNonNull(key, "key"), -1));
    }

    /** This path followed by {@code name[index]}. */
    public Location child(String name, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index < 0: " + index);
        }
        return with(new Step(name, null, index));
    }

    /** This path followed by the attribute {@code @name}. */
    public Location attribute(String name) {
        return child("@" + name);
    }

    /** This path followed by every step of {@code tail}. */
    public Location then(Location tail) {
        if (tail.steps.isEmpty()) {
            return this;
        }
        List<Step> all = new ArrayList<>(steps.size() + tail.steps.size());
        all.addAll(steps);
        all.addAll(tail.steps);
        return new Location(Collections.unmodifiableList(all));
    }

    private Location with(Step step) {
        if (step.name.isEmpty()) {
            throw new IllegalArgumentException("empty step name");
        }
        List<Step> all = new ArrayList<>(steps.size() + 1);
        all.addAll(steps);
        all.add(step);
        return new Location(Collections.unmodifiableList(all));
    }

    /** The steps, from the outermost. */
    public List<Step> steps() {
        return steps;
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The first step called {@code name}, if any. */
    public Optional<Step> step(String name) {
        for (Step s : steps) {
            if (s.name.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The index of the first step called {@code name}, when that step has one. */
    public OptionalInt index(String name) {
        return step(name).map(Step::indexValue).orElse(OptionalInt.empty());
    }

    /** The key of the first step called {@code name}, when that step has one. */
    public Optional<String> key(String name) {
        return step(name).flatMap(Step::keyValue);
    }

    /**
     * Reads the text form back. Steps are split on {@code /} outside brackets; in a step, a bracketed number is the
     * index and any other bracketed text the key. A text that does not follow that grammar (a file path, say) is
     * kept as it is in steps of its own, so that {@code parse(s).toString().equals(s)} always holds.
     */
    public static Location parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return NONE;
        }
        List<Step> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '/';
            if (c == '[') {
                depth++;
            } else if (c == ']' && depth > 0) {
                depth--;
            } else if (c == '/' && (depth == 0 || i == text.length())) {
                out.add(parseStep(text.substring(start, i)));
                start = i + 1;
                depth = 0;
            }
        }
        Location parsed = new Location(Collections.unmodifiableList(out));
        return parsed.toString().equals(text) ? parsed : opaque(text);
    }

    private static Location opaque(String text) {
        return new Location(List.of(new Step(text, null, -1)));
    }

    private static Step parseStep(String s) {
        int open = s.indexOf('[');
        if (open <= 0 || !s.endsWith("]")) {
            return new Step(s, null, -1);
        }
        String name = s.substring(0, open);
        String rest = s.substring(open);
        // at most [key][index], [key] or [index]; brackets inside a key are kept by falling back to the whole step
        String key = null;
        int index = -1;
        int close = rest.indexOf(']');
        String first = rest.substring(1, close);
        String after = rest.substring(close + 1);
        if (after.isEmpty()) {
            if (isIndex(first)) {
                index = Integer.parseInt(first);
            } else {
                key = first;
            }
        } else if (after.startsWith("[") && after.endsWith("]") && isIndex(after.substring(1, after.length() - 1))
                && first.indexOf('[') < 0) {
            key = first;
            index = Integer.parseInt(after.substring(1, after.length() - 1));
        } else {
            return new Step(s, null, -1);
        }
        if (key != null && (key.indexOf('[') >= 0 || key.indexOf(']') >= 0)) {
            return new Step(s, null, -1);
        }
        return new Step(name, key, index);
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty() || s.length() > 9 || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Location l && l.steps.equals(steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }

    /** The text form, e.g. {@code VIHF/Attribute[Identifiant_Structure]}; empty for {@link #NONE}. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < steps.size(); i++) {
                if (i > 0) {
                    sb.append('/');
                }
                steps.get(i).appendTo(sb);
            }
            text = t = sb.toString();
        }
        return t;
    }
}
