-- "Fully vaccinated" in the sense of the rule that asks (issue 15 §4), in SQL, so a list can join it: the persons
-- of the array who meet, on the day, one of the purpose's definitions in force (vaccination_definition), with the
-- document of the first one met. VaccinationStatuses answers from here, and so does factory testing's exemption.
--   PRIMARY_COMPLETE: the primary course complete, the last dose since (the course's, an additional one or a
--     booster) min_days to max_days before the day;
--   DOSES: at least min_doses doses, the min_doses-th given min_days to max_days before the day.
create function fully_vaccinated(persons bigint[], on_day date, for_purpose text)
    returns table (person_id bigint, document text) language sql stable as $$
    select v.person_id, (array_agg(d.document order by d.id))[1]
    from vaccination_on(on_day) v
    join vaccination_definition d on d.purpose = for_purpose and d.valid_from <= on_day and (d.valid_to is null or d.valid_to >= on_day)
    where v.person_id = any(persons)
      and case d.kind when 'PRIMARY_COMPLETE' then v.primary_complete_on is not null and on_day - v.last_dose_on >= d.min_days
                                                   and (d.max_days is null or on_day - v.last_dose_on <= d.max_days)
                      else v.doses >= d.min_doses and on_day - v.dose_dates[d.min_doses] >= d.min_days
                           and (d.max_days is null or on_day - v.dose_dates[d.min_doses] <= d.max_days) end
    group by v.person_id
$$;
