-- The day a demo installation lives on (inside its outbreak, 2021): the application clock is set to it when the
-- demo is loaded and again at every start, so the lists of "today" show the outbreak.
alter table demo_load add column outbreak_day date;
