-- Custom SQL migration file, put your code below! --
-- The data feed's notifications name the kab/kota they are about (lib/db/data-feed.ts): NOTIFY
-- pantau_data with the kode_kota of every row a statement changed, once per kab/kota and
-- transaction (PostgreSQL folds equal notifications). A listening process then forgets only that
-- kab/kota's campaign, not every kab/kota's on any write (at 100 kab/kota on one database, each
-- read re-read its campaign whenever any of them was written). TRUNCATE names none: an empty
-- payload, every kab/kota. kelurahan_version is watched too, so a change of assignments or areas
-- made outside the app's write transactions (which also bump the campaign row) is heard as well.
-- An update is read from its new rows alone: kode_kota leads every key of these tables and no
-- update moves a row to another kab/kota (Citus would not allow it either: it is the distribution
-- column), and keeping both old and new rows would double the rollup's per-statement copy.
create or replace function pantau_notify_data() returns trigger language plpgsql as $$
declare
  k text;
begin
  -- TG_ARGV: the names of the statement's transition tables; none for TRUNCATE.
  if TG_NARGS = 0 then
    perform pg_notify('pantau_data', '');
  else
    for k in execute (select string_agg(format('select kode_kota from %I', t), ' union ') from unnest(TG_ARGV) as t) loop
      perform pg_notify('pantau_data', k);
    end loop;
  end if;
  return null;
end $$;
--> statement-breakpoint
drop trigger campaign_notify_data on campaign;
--> statement-breakpoint
drop trigger area_series_notify_data on area_series;
--> statement-breakpoint
drop trigger report_notify_data on report;
--> statement-breakpoint
create trigger campaign_notify_data_insert after insert on campaign referencing new table as changed_rows
  for each statement execute function pantau_notify_data('changed_rows');
--> statement-breakpoint
create trigger campaign_notify_data_update after update on campaign referencing new table as changed_rows
  for each statement execute function pantau_notify_data('changed_rows');
--> statement-breakpoint
create trigger campaign_notify_data_delete after delete on campaign referencing old table as changed_rows
  for each statement execute function pantau_notify_data('changed_rows');
--> statement-breakpoint
create trigger campaign_notify_data_truncate after truncate on campaign
  for each statement execute function pantau_notify_data();
--> statement-breakpoint
create trigger area_series_notify_data_insert after insert on area_series referencing new table as changed_rows
  for each statement execute function pantau_notify_data('changed_rows');
--> statement-breakpoint
create trigger area_series_notify_data_update after update on area_series referencing new table as changed_rows
  for each statement execute function pantau_notify_data('changed_rows');
--> statement-breakpoint
create trigger area_series_notify_data_delete after delete on area_series referencing old table as changed_rows
  for each statement execute function pantau_notify_data('changed_rows');
--> statement-breakpoint
create trigger area_series_notify_data_truncate after truncate on area_series
  for each statement execute function pantau_notify_data();
--> statement-breakpoint
create trigger report_notify_data_insert after insert on report referencing new table as changed_rows
  for each statement execute function pantau_notify_data('changed_rows');
--> statement-breakpoint
create trigger report_notify_data_update after update on report referencing new table as changed_rows
  for each statement execute function pantau_notify_data('changed_rows');
--> statement-breakpoint
create trigger report_notify_data_delete after delete on report referencing old table as changed_rows
  for each statement execute function pantau_notify_data('changed_rows');
--> statement-breakpoint
create trigger report_notify_data_truncate after truncate on report
  for each statement execute function pantau_notify_data();
--> statement-breakpoint
create trigger kelurahan_version_notify_data_insert after insert on kelurahan_version referencing new table as changed_rows
  for each statement execute function pantau_notify_data('changed_rows');
--> statement-breakpoint
create trigger kelurahan_version_notify_data_update after update on kelurahan_version referencing new table as changed_rows
  for each statement execute function pantau_notify_data('changed_rows');
--> statement-breakpoint
create trigger kelurahan_version_notify_data_delete after delete on kelurahan_version referencing old table as changed_rows
  for each statement execute function pantau_notify_data('changed_rows');
--> statement-breakpoint
create trigger kelurahan_version_notify_data_truncate after truncate on kelurahan_version
  for each statement execute function pantau_notify_data();
