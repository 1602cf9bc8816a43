package org.vigie.doctrine;

import java.util.List;
import java.util.Objects;

/**
 * The ordering procedure for a plan: steps addressed to the right people, and the prerequisites still to meet.
 *
 * @param prerequisites what must be in place before the steps (ANS contract, CPA/CPE cards…)
 * @param steps         the steps, in order
 */
public record Procedure(List<String> prerequisites, List<Step> steps) {

    public Procedure {
        prerequisites = List.copyOf(prerequisites);
        steps = List.copyOf(steps);
    }

    /**
     * One step.
     *
     * @param number    step number, from 1
     * @param title     short title
     * @param addressee who must act
     * @param actions   what to do, one line each
     */
    public record Step(int number, String title, String addressee, List<String> actions) {
        public Step {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(addressee, "addressee");
            actions = List.copyOf(actions);
        }
    }
}
