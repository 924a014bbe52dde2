package vn.phaodai.quarantine.stays;

import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Scope;

import java.util.HashMap;
import java.util.Map;

/**
 * Which stays and arrivals a user sees: those of the communes and villages of the jurisdiction (the person's
 * place at admission) and, for a facility manager (jurisdiction level FACILITY), the stays of its own
 * facilities, whose codes are the jurisdiction's codes.
 */
public record Access(String condition, Map<String, Object> params) {

    public static boolean facilityLevel(PhaodaiUser user) {
        return "FACILITY".equals(user.jurisdictionLevel());
    }

    /** The condition on a stay row (alias s) with its commune_code, village_id and facility_id. */
    public static Access stays(PhaodaiUser user, String alias) {
        Scope scope = user.scope();
        Map<String, Object> p = new HashMap<>(scope.params());
        String condition = scope.condition(alias + ".commune_code", alias + ".village_id");
        if (facilityLevel(user)) {
            p.put("facilityCodes", user.jurisdictionCodes().toArray(String[]::new));
            condition = "(" + condition + " or " + alias + ".facility_id in "
                    + "(select id from quarantine_facility where code = any(:facilityCodes)))";
        }
        return new Access(condition, p);
    }

    /** The condition on an arrival row (alias a): its commune and village, or the user's checkpoint. */
    public static Access arrivals(PhaodaiUser user, String alias) {
        Scope scope = user.scope();
        Map<String, Object> p = new HashMap<>(scope.params());
        String condition = scope.condition(alias + ".commune_code", alias + ".village_id");
        if (facilityLevel(user)) {
            p.put("checkpoints", user.jurisdictionCodes().toArray(String[]::new));
            condition = "(" + condition + " or " + alias + ".checkpoint = any(:checkpoints))";
        }
        return new Access(condition, p);
    }
}
