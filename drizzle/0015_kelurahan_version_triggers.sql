-- Custom SQL migration file, put your code below! ---- Every statement that changes a kelurahan's reports, assignments or areas (kelurahan and below)
-- bumps that kelurahan's row of kelurahan_version in the same transaction (inserting it the first
-- time). A reader keeps what it computed from one kelurahan's data under the row's xmin:version
-- (lib/queries/reporting-marks.ts): a write to one kelurahan leaves the others' valid. Statement
-- triggers with transition tables: one upsert per statement, whatever the number of rows; the
-- kelurahan are taken in code order, and concurrent writers hold different kelurahan (their
-- advisory locks, lib/db/write-lock.ts), so they update different rows.
create or replace function pantau_bump_kelurahan() returns trigger language plpgsql as $$
begin
  -- TG_ARGV[0]: the column holding the area code; TG_ARGV[1]: the transition table's name.
  execute format(
    'insert into kelurahan_version (kode_kota, code)
      select distinct kode_kota, left(%1$I, 10) from %2$I where length(%1$I) >= 10 order by 1, 2
      on conflict (kode_kota, code) do update set version = kelurahan_version.version + 1',
    TG_ARGV[0], TG_ARGV[1]);
  return null;
end $$;
--> statement-breakpoint
create trigger report_kelurahan_insert after insert on report referencing new table as changed_rows
  for each statement execute function pantau_bump_kelurahan('kode_subsls', 'changed_rows');
--> statement-breakpoint
create trigger report_kelurahan_update after update on report referencing old table as changed_rows
  for each statement execute function pantau_bump_kelurahan('kode_subsls', 'changed_rows');
--> statement-breakpoint
create trigger report_kelurahan_delete after delete on report referencing old table as changed_rows
  for each statement execute function pantau_bump_kelurahan('kode_subsls', 'changed_rows');
--> statement-breakpoint
create trigger assignment_kelurahan_insert after insert on assignment referencing new table as changed_rows
  for each statement execute function pantau_bump_kelurahan('kode_subsls', 'changed_rows');
--> statement-breakpoint
create trigger assignment_kelurahan_update after update on assignment referencing old table as changed_rows
  for each statement execute function pantau_bump_kelurahan('kode_subsls', 'changed_rows');
--> statement-breakpoint
create trigger assignment_kelurahan_update_new after update on assignment referencing new table as changed_rows
  for each statement execute function pantau_bump_kelurahan('kode_subsls', 'changed_rows');
--> statement-breakpoint
create trigger assignment_kelurahan_delete after delete on assignment referencing old table as changed_rows
  for each statement execute function pantau_bump_kelurahan('kode_subsls', 'changed_rows');
--> statement-breakpoint
create trigger area_kelurahan_insert after insert on area referencing new table as changed_rows
  for each statement execute function pantau_bump_kelurahan('code', 'changed_rows');
--> statement-breakpoint
create trigger area_kelurahan_update after update on area referencing old table as changed_rows
  for each statement execute function pantau_bump_kelurahan('code', 'changed_rows');
--> statement-breakpoint
create trigger area_kelurahan_update_new after update on area referencing new table as changed_rows
  for each statement execute function pantau_bump_kelurahan('code', 'changed_rows');
--> statement-breakpoint
create trigger area_kelurahan_delete after delete on area referencing old table as changed_rows
  for each statement execute function pantau_bump_kelurahan('code', 'changed_rows');
--> statement-breakpoint
insert into kelurahan_version (kode_kota, code)
  select kode_kota, code from area where level = 'kelurahan' on conflict do nothing;
