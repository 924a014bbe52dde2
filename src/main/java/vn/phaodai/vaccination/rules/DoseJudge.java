package vn.phaodai.vaccination.rules;

import org.springframework.stereotype.Component;
import vn.phaodai.shared.Messages;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a dose against the rules in force on the day it was given, and tells which dose is due next. It reads only
 * what it is given (the person's birth, doses and infections, and a snapshot of the rules), so one person's answer
 * costs no query of its own.
 */
@Component
public class DoseJudge {

    public static final List<String> DOSE_KINDS = List.of("PRIMARY_1", "PRIMARY_2", "PRIMARY_3", "ADDITIONAL", "BOOSTER_1", "BOOSTER_2");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A dose already given. */
    public record GivenDose(String kind, String product, LocalDate givenOn) {
    }

    /**
     * What the rules need of a person: the birth day (the first of January of the birth year when only the year is
     * known), the doses given and the days their infections were confirmed.
     */
    public record Facts(LocalDate birth, List<GivenDose> doses, List<LocalDate> infections) {
    }

    /** A rule a dose breaks: its code (kept with the dose), in words, and the document that sets it. */
    public record BrokenRule(String rule, String message, String document) {
    }

    /** Why a dose is due when it is. */
    public record Reason(String text, String document) {
    }

    /** The next dose: its kind, from and until when (open when null), with which products, and why. */
    public record NextDose(String kind, LocalDate from, LocalDate until, List<String> products, List<Reason> why) {
    }

    private final Messages messages;

    DoseJudge(Messages messages) {
        this.messages = messages;
    }

    /** The rules a dose of this product and kind, given on this day, breaks; empty when it keeps them all. */
    public List<BrokenRule> judge(VaccinationRules.Snapshot rules, Facts facts, String product, String kind, LocalDate givenOn) {
        List<BrokenRule> broken = new ArrayList<>();
        age(rules, facts, product, givenOn).ifPresent(broken::add);
        List<GivenDose> before = facts.doses().stream().filter(d -> !d.kind().equals(kind)).toList();
        if (kind.startsWith("PRIMARY_")) {
            primary(rules, before, product, Integer.parseInt(kind.substring(8)), givenOn, broken);
        } else {
            later(rules, before, kind, givenOn, broken);
        }
        for (VaccinationRules.Timing t : rules.timings()) {
            if (!t.after().equals("INFECTION") || !t.inForce(givenOn)) continue;
            for (LocalDate c : facts.infections()) {
                long days = ChronoUnit.DAYS.between(c, givenOn);
                if (days >= 0 && days < t.minDays()) {
                    broken.add(new BrokenRule("INFECTION", messages.get("vaccination.rule.infection", day(c), days, t.minDays(),
                            day(c.plusDays(t.minDays()))), t.document()));
                }
            }
        }
        return broken;
    }

    private Optional<BrokenRule> age(VaccinationRules.Snapshot rules, Facts facts, String product, LocalDate givenOn) {
        int age = Period.between(facts.birth(), givenOn).getYears();
        List<VaccinationRules.Age> rows = rules.ages().stream().filter(a -> a.product().equals(product)).toList();
        if (rows.stream().anyMatch(a -> a.inForce(givenOn) && a.fits(age))) return Optional.empty();
        String name = name(rules, product);
        Optional<VaccinationRules.Age> band = rows.stream().filter(a -> a.fits(age)).findFirst();
        if (band.isPresent()) {
            VaccinationRules.Age b = band.get();
            String key = givenOn.isBefore(b.validFrom()) ? "vaccination.rule.age.notYet" : "vaccination.rule.age.ended";
            return Optional.of(new BrokenRule("AGE", messages.get(key, age, name, day(b.validFrom())), b.document()));
        }
        String bands = String.join(", ", rows.stream().map(a -> a.maxAge() == null ? a.minAge() + "+" : a.minAge() + "–" + (a.maxAge() - 1))
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        String documents = String.join("; ", rows.stream().map(VaccinationRules.Age::document).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        return Optional.of(new BrokenRule("AGE", messages.get("vaccination.rule.age.band", age, name, bands), documents));
    }

    private void primary(VaccinationRules.Snapshot rules, List<GivenDose> before, String product, int n, LocalDate givenOn, List<BrokenRule> broken) {
        int needed = rules.products().get(product).primaryDoses();
        if (n > needed) {
            broken.add(new BrokenRule("ORDER", messages.get("vaccination.rule.primaryCount", name(rules, product), needed), null));
        }
        if (n == 1) return;
        Optional<GivenDose> prev = before.stream().filter(d -> d.kind().equals("PRIMARY_" + (n - 1))).findFirst();
        if (prev.isEmpty()) {
            broken.add(new BrokenRule("ORDER", messages.get("vaccination.rule.order", label("PRIMARY_" + n), label("PRIMARY_" + (n - 1))), null));
            return;
        }
        GivenDose p = prev.get();
        long days = ChronoUnit.DAYS.between(p.givenOn(), givenOn);
        rules.intervals().stream().filter(i -> i.product().equals(p.product()) && i.doseNumber() == n && i.inForce(givenOn)).findFirst()
                .ifPresent(i -> {
                    if (days < i.minDays()) {
                        broken.add(new BrokenRule("INTERVAL", messages.get("vaccination.rule.interval.short", days, label("PRIMARY_" + (n - 1)),
                                day(p.givenOn()), name(rules, p.product()), i.minDays(), day(p.givenOn().plusDays(i.minDays()))), i.document()));
                    } else if (i.maxDays() != null && days > i.maxDays()) {
                        broken.add(new BrokenRule("INTERVAL", messages.get("vaccination.rule.interval.long", days, label("PRIMARY_" + (n - 1)),
                                day(p.givenOn()), name(rules, p.product()), i.maxDays(), day(p.givenOn().plusDays(i.maxDays()))), i.document()));
                    }
                });
        if (!p.product().equals(product)
                && rules.mixes().stream().noneMatch(m -> m.earlier().equals(p.product()) && m.later().equals(product) && m.inForce(givenOn))) {
            Optional<VaccinationRules.Mix> later = rules.mixes().stream()
                    .filter(m -> m.earlier().equals(p.product()) && m.later().equals(product)).findFirst();
            String document = later.map(VaccinationRules.Mix::document)
                    .orElse(rules.mixes().isEmpty() ? null : rules.mixes().get(0).document());
            String message = later.map(m -> messages.get("vaccination.rule.mix.notYet", name(rules, p.product()), name(rules, product), day(m.validFrom())))
                    .orElse(messages.get("vaccination.rule.mix", name(rules, p.product()), name(rules, product)));
            broken.add(new BrokenRule("MIX", message, document));
        }
    }

    private void later(VaccinationRules.Snapshot rules, List<GivenDose> before, String kind, LocalDate givenOn, List<BrokenRule> broken) {
        Optional<Reference> ref = reference(rules, before, kind);
        if (ref.isEmpty()) {
            String needs = kind.equals("BOOSTER_2") ? label("BOOSTER_1") : messages.get("vaccination.primaryCourse");
            broken.add(new BrokenRule("ORDER", messages.get("vaccination.rule.order", label(kind), needs), null));
            return;
        }
        List<VaccinationRules.Timing> rows = rules.timings().stream().filter(t -> t.doseKind().equals(kind)).toList();
        Optional<VaccinationRules.Timing> row = rows.stream().filter(t -> t.inForce(givenOn)).findFirst();
        if (row.isEmpty()) {
            String from = rows.isEmpty() ? "" : day(rows.get(0).validFrom());
            broken.add(new BrokenRule("NOT_IN_FORCE", messages.get("vaccination.rule.notInForce", label(kind), from),
                    rows.isEmpty() ? null : rows.get(0).document()));
            return;
        }
        VaccinationRules.Timing t = row.get();
        long days = ChronoUnit.DAYS.between(ref.get().on(), givenOn);
        if (days < t.minDays()) {
            broken.add(new BrokenRule("TOO_EARLY", messages.get("vaccination.rule.tooEarly", label(kind), days, what(ref.get()),
                    day(ref.get().on()), t.minDays(), day(ref.get().on().plusDays(t.minDays()))), t.document()));
        } else if (t.maxDays() != null && days > t.maxDays()) {
            broken.add(new BrokenRule("TOO_LATE", messages.get("vaccination.rule.tooLate", label(kind), days, what(ref.get()),
                    day(ref.get().on()), t.maxDays(), day(ref.get().on().plusDays(t.maxDays()))), t.document()));
        }
    }

    /** What a dose of a later kind counts from: the primary course, the additional dose, booster 1. */
    /** The dose (or the primary course, null) a later dose is timed from; named only when a reason is written. */
    private record Reference(LocalDate on, String kind) {
    }

    private String what(Reference ref) {
        return ref.kind() == null ? messages.get("vaccination.primaryCourse") : label(ref.kind());
    }

    private Optional<Reference> reference(VaccinationRules.Snapshot rules, List<GivenDose> doses, String kind) {
        Optional<LocalDate> complete = primaryComplete(rules, doses);
        return switch (kind) {
            case "ADDITIONAL" -> complete.map(d -> new Reference(d, null));
            case "BOOSTER_1" -> complete.map(d -> find(doses, "ADDITIONAL")
                    .map(a -> new Reference(a.givenOn(), "ADDITIONAL"))
                    .orElse(new Reference(d, null)));
            case "BOOSTER_2" -> find(doses, "BOOSTER_1").map(b -> new Reference(b.givenOn(), "BOOSTER_1"));
            default -> Optional.empty();
        };
    }

    private static Optional<GivenDose> find(List<GivenDose> doses, String kind) {
        return doses.stream().filter(d -> d.kind().equals(kind)).findFirst();
    }

    /** The day the primary course was complete: as many primary doses as the product of the last one needs. */
    public static Optional<LocalDate> primaryComplete(VaccinationRules.Snapshot rules, List<GivenDose> doses) {
        List<GivenDose> primary = doses.stream().filter(d -> d.kind().startsWith("PRIMARY_")).sorted(Comparator.comparing(GivenDose::kind)).toList();
        if (primary.isEmpty()) return Optional.empty();
        GivenDose last = primary.get(primary.size() - 1);
        VaccinationRules.Product p = rules.products().get(last.product());
        return p != null && primary.size() >= p.primaryDoses() ? Optional.of(last.givenOn()) : Optional.empty();
    }

    /** The dose due next as of a day, or empty when the person has every dose the rules offer. */
    public Optional<NextDose> next(VaccinationRules.Snapshot rules, Facts facts, LocalDate on) {
        return next(rules, facts, on, true);
    }

    /**
     * The same without the reasons in words (an empty why): the due list judges every resident of a commune and
     * shows only the dose and its window, so it does not pay for sentences nobody reads.
     */
    public Optional<NextDose> nextWithoutReasons(VaccinationRules.Snapshot rules, Facts facts, LocalDate on) {
        return next(rules, facts, on, false);
    }

    private Optional<NextDose> next(VaccinationRules.Snapshot rules, Facts facts, LocalDate on, boolean explain) {
        List<GivenDose> doses = facts.doses();
        List<GivenDose> primary = doses.stream().filter(d -> d.kind().startsWith("PRIMARY_")).sorted(Comparator.comparing(GivenDose::kind)).toList();
        Optional<LocalDate> complete = primaryComplete(rules, doses);
        List<Reason> why = new ArrayList<>();
        NextDose next;
        if (primary.isEmpty() && complete.isEmpty() && doses.isEmpty()) {
            next = first(rules, facts, on, why, explain);
            if (next == null) return Optional.empty();
        } else if (complete.isEmpty() && !primary.isEmpty()) {
            GivenDose prev = primary.get(primary.size() - 1);
            int n = primary.size() + 1;
            Optional<VaccinationRules.Interval> i = rules.intervals().stream()
                    .filter(r -> r.product().equals(prev.product()) && r.doseNumber() == n && (r.validTo() == null || !r.validTo().isBefore(prev.givenOn())))
                    .findFirst();
            LocalDate from = prev.givenOn().plusDays(i.map(VaccinationRules.Interval::minDays).orElse(0));
            LocalDate until = i.map(VaccinationRules.Interval::maxDays).map(m -> prev.givenOn().plusDays(m)).orElse(null);
            Set<String> products = new LinkedHashSet<>(List.of(prev.product()));
            LocalDate asOf = from.isAfter(on) ? from : on;
            rules.mixes().stream().filter(m -> m.earlier().equals(prev.product()) && m.inForce(asOf)).forEach(m -> products.add(m.later()));
            if (explain) i.ifPresent(r -> why.add(new Reason(messages.get("vaccination.next.interval", label("PRIMARY_" + n), label(prev.kind()),
                    name(rules, prev.product()), day(prev.givenOn()), r.minDays()), r.document())));
            next = new NextDose("PRIMARY_" + n, from, until, List.copyOf(products), why);
        } else {
            String kind = find(doses, "BOOSTER_1").isPresent() ? "BOOSTER_2" : "BOOSTER_1";
            if (find(doses, kind).isPresent()) return Optional.empty();
            Optional<Reference> ref = reference(rules, doses, kind);
            if (ref.isEmpty()) return Optional.empty();
            List<VaccinationRules.Timing> rows = rules.timings().stream().filter(t -> t.doseKind().equals(kind)).toList();
            if (rows.isEmpty()) return Optional.empty();
            LocalDate from = null;
            VaccinationRules.Timing used = rows.get(0);
            for (VaccinationRules.Timing t : rows) {
                LocalDate candidate = ref.get().on().plusDays(t.minDays());
                if (candidate.isBefore(t.validFrom())) candidate = t.validFrom();
                if (t.validTo() != null && candidate.isAfter(t.validTo())) continue;
                from = candidate;
                used = t;
                break;
            }
            if (from == null) return Optional.empty();
            if (explain) why.add(new Reason(messages.get("vaccination.next.after", label(kind), used.minDays(), what(ref.get()),
                    day(ref.get().on())), used.document()));
            if (explain && from.equals(used.validFrom()) && ref.get().on().plusDays(used.minDays()).isBefore(from)) {
                why.add(new Reason(messages.get("vaccination.next.inForce", label(kind), day(used.validFrom())), used.document()));
            }
            LocalDate asOf = from.isAfter(on) ? from : on;
            int age = Period.between(facts.birth(), asOf).getYears();
            List<String> products = rules.ages().stream().filter(a -> a.inForce(asOf) && a.fits(age)).map(VaccinationRules.Age::product).distinct().toList();
            next = new NextDose(kind, from, null, products, why);
        }
        return Optional.of(afterInfection(rules, facts, next, explain));
    }

    /** The first dose: from the day a band of age opens to the person (by age and the date the band opened). */
    private NextDose first(VaccinationRules.Snapshot rules, Facts facts, LocalDate on, List<Reason> why, boolean explain) {
        record Window(VaccinationRules.Age rule, LocalDate start) {
        }
        List<Window> open = new ArrayList<>();
        List<Window> coming = new ArrayList<>();
        for (VaccinationRules.Age a : rules.ages()) {
            LocalDate start = facts.birth().plusYears(a.minAge());
            if (start.isBefore(a.validFrom())) start = a.validFrom();
            LocalDate end = a.maxAge() == null ? null : facts.birth().plusYears(a.maxAge()).minusDays(1);
            if (a.validTo() != null && (end == null || a.validTo().isBefore(end))) end = a.validTo();
            if (end != null && (start.isAfter(end) || end.isBefore(on))) continue;
            (start.isAfter(on) ? coming : open).add(new Window(a, start));
        }
        List<Window> chosen = open;
        if (open.isEmpty()) {
            LocalDate soonest = coming.stream().map(Window::start).min(Comparator.naturalOrder()).orElse(null);
            if (soonest == null) return null;
            chosen = coming.stream().filter(w -> w.start().equals(soonest)).toList();
        }
        LocalDate from = chosen.stream().map(Window::start).min(Comparator.naturalOrder()).orElseThrow();
        for (Window w : explain ? chosen : List.<Window>of()) {
            Reason r = new Reason(w.rule().note() == null ? name(rules, w.rule().product()) : w.rule().note(), w.rule().document());
            if (!why.contains(r)) why.add(r);
        }
        if (explain && chosen.stream().anyMatch(w -> w.rule().parentalConsent())) why.add(new Reason(messages.get("vaccination.next.consent"), null));
        return new NextDose("PRIMARY_1", from, null, chosen.stream().map(w -> w.rule().product()).distinct().toList(), why);
    }

    private NextDose afterInfection(VaccinationRules.Snapshot rules, Facts facts, NextDose next, boolean explain) {
        LocalDate from = next.from();
        List<Reason> why = new ArrayList<>(next.why());
        for (VaccinationRules.Timing t : rules.timings()) {
            if (!t.after().equals("INFECTION")) continue;
            for (LocalDate c : facts.infections()) {
                LocalDate end = c.plusDays(t.minDays());
                if (end.isAfter(from) && (t.validTo() == null || !t.validTo().isBefore(from)) && !end.isBefore(t.validFrom())) {
                    from = end;
                    if (explain) why.add(new Reason(messages.get("vaccination.next.infection", day(c), t.minDays()), t.document()));
                }
            }
        }
        return new NextDose(next.kind(), from, next.until(), next.products(), why);
    }

    private String label(String kind) {
        return messages.get("vaccination.doseKind." + kind);
    }

    private static String name(VaccinationRules.Snapshot rules, String product) {
        VaccinationRules.Product p = rules.products().get(product);
        return p == null ? product : p.name();
    }

    private static String day(LocalDate d) {
        return d.format(DAY);
    }
}
