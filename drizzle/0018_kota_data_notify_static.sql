-- Custom SQL migration file, put your code below! --
-- The data feed's triggers of 0017, the same notifications, without dynamic SQL: 0017's one
-- function built its query from the transition tables' names (EXECUTE), parsed and planned anew
-- at every statement of every write — about 1 ms on one report's transaction (four tables, two
-- trigger levels). Every transition table is named changed_rows, so a static query reads it.
create or replace function pantau_notify_kota() returns trigger language plpgsql as $$
declare
  k text;
begin
  for k in select distinct kode_kota from changed_rows loop
    perform pg_notify('pantau_data', k);
  end loop;
  return null;
end $$;
--> statement-breakpoint
create or replace function pantau_notify_all() returns trigger language plpgsql as $$
begin
  -- TRUNCATE has no transition table: every kab/kota.
  perform pg_notify('pantau_data', '');
  return null;
end $$;
--> statement-breakpoint
drop trigger campaign_notify_data_insert on campaign;
--> statement-breakpoint
drop trigger campaign_notify_data_update on campaign;
--> statement-breakpoint
drop trigger campaign_notify_data_delete on campaign;
--> statement-breakpoint
drop trigger campaign_notify_data_truncate on campaign;
--> statement-breakpoint
create trigger campaign_notify_data_insert after insert on campaign referencing new table as changed_rows
  for each statement execute function pantau_notify_kota();
--> statement-breakpoint
create trigger campaign_notify_data_update after update on campaign referencing new table as changed_rows
  for each statement execute function pantau_notify_kota();
--> statement-breakpoint
create trigger campaign_notify_data_delete after delete on campaign referencing old table as changed_rows
  for each statement execute function pantau_notify_kota();
--> statement-breakpoint
create trigger campaign_notify_data_truncate after truncate on campaign
  for each statement execute function pantau_notify_all();
--> statement-breakpoint
drop trigger area_series_notify_data_insert on area_series;
--> statement-breakpoint
drop trigger area_series_notify_data_update on area_series;
--> statement-breakpoint
drop trigger area_series_notify_data_delete on area_series;
--> statement-breakpoint
drop trigger area_series_notify_data_truncate on area_series;
--> statement-breakpoint
create trigger area_series_notify_data_insert after insert on area_series referencing new table as changed_rows
  for each statement execute function pantau_notify_kota();
--> statement-breakpoint
create trigger area_series_notify_data_update after update on area_series referencing new table as changed_rows
  for each statement execute function pantau_notify_kota();
--> statement-breakpoint
create trigger area_series_notify_data_delete after delete on area_series referencing old table as changed_rows
  for each statement execute function pantau_notify_kota();
--> statement-breakpoint
create trigger area_series_notify_data_truncate after truncate on area_series
  for each statement execute function pantau_notify_all();
--> statement-breakpoint
drop trigger report_notify_data_insert on report;
--> statement-breakpoint
drop trigger report_notify_data_update on report;
--> statement-breakpoint
drop trigger report_notify_data_delete on report;
--> statement-breakpoint
drop trigger report_notify_data_truncate on report;
--> statement-breakpoint
create trigger report_notify_data_insert after insert on report referencing new table as changed_rows
  for each statement execute function pantau_notify_kota();
--> statement-breakpoint
create trigger report_notify_data_update after update on report referencing new table as changed_rows
  for each statement execute function pantau_notify_kota();
--> statement-breakpoint
create trigger report_notify_data_delete after delete on report referencing old table as changed_rows
  for each statement execute function pantau_notify_kota();
--> statement-breakpoint
create trigger report_notify_data_truncate after truncate on report
  for each statement execute function pantau_notify_all();
--> statement-breakpoint
drop trigger kelurahan_version_notify_data_insert on kelurahan_version;
--> statement-breakpoint
drop trigger kelurahan_version_notify_data_update on kelurahan_version;
--> statement-breakpoint
drop trigger kelurahan_version_notify_data_delete on kelurahan_version;
--> statement-breakpoint
drop trigger kelurahan_version_notify_data_truncate on kelurahan_version;
--> statement-breakpoint
create trigger kelurahan_version_notify_data_insert after insert on kelurahan_version referencing new table as changed_rows
  for each statement execute function pantau_notify_kota();
--> statement-breakpoint
create trigger kelurahan_version_notify_data_update after update on kelurahan_version referencing new table as changed_rows
  for each statement execute function pantau_notify_kota();
--> statement-breakpoint
create trigger kelurahan_version_notify_data_delete after delete on kelurahan_version referencing old table as changed_rows
  for each statement execute function pantau_notify_kota();
--> statement-breakpoint
create trigger kelurahan_version_notify_data_truncate after truncate on kelurahan_version
  for each statement execute function pantau_notify_all();
--> statement-breakpoint
drop function pantau_notify_data();
