package vn.phaodai.vaccination.due;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.vaccination.doses.Doses;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The 16 priority groups of 21/NQ-CP and 3355/QĐ-BYT (vaccination_priority_group) and the ones recorded on a person
 * (several allowed): the due list and the sessions' invitations go by the lowest rank.
 */
@Service("priorityGroups")
public class PriorityGroups {

    /** A group: its rank (the order of the resolution), its name in the reader's language, the document. */
    public record Group(int rank, String name, String document) {
    }

    /** A person's groups, with every group for a form to tick. */
    public record OfPerson(long personId, List<Group> groups, List<Group> all) {
        public boolean has(int rank) {
            return groups.stream().anyMatch(g -> g.rank() == rank);
        }
    }

    /** What a client sends: the ranks of the person's groups (empty clears them). */
    public record Input(List<Integer> groups) {
    }

    private final JdbcClient jdbc;
    private final Doses doses;
    private final AuditLog audit;
    private final Messages messages;

    PriorityGroups(JdbcClient jdbc, Doses doses, AuditLog audit, Messages messages) {
        this.jdbc = jdbc;
        this.doses = doses;
        this.audit = audit;
        this.messages = messages;
    }

    /** Every group, by rank. */
    public List<Group> all() {
        String name = english() ? "name_en" : "name_vi";
        return jdbc.sql("select rank, " + name + ", document from vaccination_priority_group order by rank")
                .query((rs, i) -> new Group(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    /** A person's groups (404 outside the area), audited as the person's vaccination is. */
    @Transactional
    public OfPerson ofPerson(long personId) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        doses.subject(personId, user.scope());
        audit.recordShown("person_priority_group", AuditLog.criteria("person", personId), List.of(personId));
        return view(personId);
    }

    /** Sets a person's groups to exactly these (the same list again changes nothing): VACCINATION_WRITE, the area. */
    @Transactional
    public OfPerson set(long personId, Input input) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_WRITE);
        doses.subject(personId, user.scope());
        Set<Integer> wanted = checked(input == null || input.groups() == null ? List.of() : input.groups());
        List<Integer> before = ranks(personId);
        if (!before.equals(new ArrayList<>(wanted))) {
            jdbc.sql("delete from person_priority_group where person_id = :p and not (group_rank = any(:keep))")
                    .param("p", personId).param("keep", wanted.toArray(new Integer[0])).update();
            for (Integer rank : wanted) {
                jdbc.sql("""
                        insert into person_priority_group (person_id, group_rank, recorded_by) values (?, ?, ?)
                        on conflict do nothing""").params(personId, rank, user.getUsername()).update();
            }
            audit.record("UPDATE", "person_priority_group", personId, personId,
                    AuditLog.criteria("before", before, "after", List.copyOf(wanted)));
        }
        return view(personId);
    }

    private Set<Integer> checked(Collection<Integer> groups) {
        Set<Integer> known = new TreeSet<>(jdbc.sql("select rank from vaccination_priority_group").query(Integer.class).list());
        Set<Integer> out = new TreeSet<>();
        for (Integer g : groups) {
            if (g == null || !known.contains(g)) throw new InvalidInputException("groups", messages.get("vaccination.due.group.invalid", g));
            out.add(g);
        }
        return out;
    }

    private List<Integer> ranks(long personId) {
        return jdbc.sql("select group_rank from person_priority_group where person_id = ? order by group_rank")
                .param(personId).query(Integer.class).list();
    }

    private OfPerson view(long personId) {
        List<Group> all = all();
        List<Integer> ranks = ranks(personId);
        return new OfPerson(personId, all.stream().filter(g -> ranks.contains(g.rank())).toList(), all);
    }

    private static boolean english() {
        return Messages.locale() != null && Messages.locale().getLanguage().equals(Locale.ENGLISH.getLanguage());
    }
}
