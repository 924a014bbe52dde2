package vn.phaodai.shared;

import java.util.Set;

/**
 * The places the acting user works in, for capabilities below security (geography's pickers) that must keep their
 * answers inside the user's jurisdiction without knowing how users are kept. Security provides it.
 */
public interface UserArea {

    /** The communes of the user's jurisdiction (those of their villages for a village jurisdiction); null: everywhere. */
    Set<String> communes();

    /** The villages of a village jurisdiction; empty otherwise (then whole communes count). */
    Set<Long> villages();
}
