-- Stock by lot (issue 15 §8, "không để vắc xin quá hạn"): the lots received and every movement of their doses as an
-- append-only ledger. No balance is stored: the stock of a holder and lot on a date is computed from the ledger and
-- the doses recorded at the holder's point (vaccine_dose), so it cannot drift from them.

-- A lot as delivered: one product, one lot number, one expiry. Its doses are counted in doses, never in vials.
create table vaccine_lot (
    id             bigint generated always as identity primary key,
    product_code   text     not null references vaccine_product,
    lot_number     text     not null check (lot_number = upper(btrim(lot_number)) and lot_number <> ''),
    expiry         date     not null,
    doses_per_vial smallint not null check (doses_per_vial between 1 and 20),
    created_at     timestamptz not null default now(),
    unique (product_code, lot_number)
);

-- A holder is a level and a unit code: a province, district or commune by its GSO code, or a vaccination point by
-- its id. A movement takes doses from one holder (from_*) and/or gives them to another (to_*):
--   RECEIVE   a delivery to the province or a district, from a supplier (to only);
--   ALLOCATE  down to a holder below; RETURN up to a holder above (both);
--   DISCARD   destroyed with a reason; WASTE the doses of vials opened at a point and not given (from only).
create table vaccine_stock_movement (
    id            bigint generated always as identity primary key,
    lot_id        bigint  not null references vaccine_lot,
    kind          text    not null check (kind in ('RECEIVE', 'ALLOCATE', 'RETURN', 'DISCARD', 'WASTE')),
    on_date       date    not null,
    from_level    text    check (from_level in ('PROVINCE', 'DISTRICT', 'COMMUNE', 'POINT')),
    from_code     text,
    to_level      text    check (to_level in ('PROVINCE', 'DISTRICT', 'COMMUNE', 'POINT')),
    to_code       text,
    doses         integer not null check (doses >= 0),
    supplier      text,                        -- RECEIVE: from whom (Viện Vệ sinh dịch tễ, Bộ Y tế, a donor)
    reason        text    check (reason in ('EXPIRED', 'COLD_CHAIN', 'DAMAGED')),
    opened_vials  integer check (opened_vials >= 0),
    note          text,
    recorded_by   text    not null,
    recorded_at   timestamptz not null default now(),
    check ((from_level is null) = (from_code is null) and (to_level is null) = (to_code is null)),
    check (case kind
        when 'RECEIVE' then from_level is null and to_level is not null and supplier is not null and doses > 0
        when 'ALLOCATE' then from_level is not null and to_level is not null and doses > 0
        when 'RETURN' then from_level is not null and to_level is not null and doses > 0
        when 'DISCARD' then from_level is not null and to_level is null and reason is not null and doses > 0
        else from_level = 'POINT' and to_level is null and opened_vials is not null end)
);
create index vaccine_stock_movement_to on vaccine_stock_movement (to_level, to_code, lot_id, on_date);
create index vaccine_stock_movement_from on vaccine_stock_movement (from_level, from_code, lot_id, on_date);
create index vaccine_stock_movement_lot on vaccine_stock_movement (lot_id);
-- One count of opened vials per point, lot and day: a second would count the same vials twice.
create unique index vaccine_stock_one_count on vaccine_stock_movement (lot_id, from_code, on_date) where kind = 'WASTE';

-- The ledger is append-only: a mistake is mended by a movement back, never by changing history.
create function vaccine_stock_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'vaccine_stock_movement is append-only';
end $$;
create trigger vaccine_stock_movement_append_only before update or delete on vaccine_stock_movement
    for each row execute function vaccine_stock_append_only();
