-- Custom SQL migration file, put your code below! ---- A change of assignments also moves the kab/kota's own row of kelurahan_version (code = kode_kota):
-- it stamps which kelurahan share a PPL (lib/queries/campaign.ts, reach). An SLS is judged against
-- its PPL's plan, which counts the PPL's work in every kelurahan, so a cached body holding SLS rows
-- is valid only while the kelurahan its PPL also work in are unchanged (lib/api/body-cache.ts).
create or replace function pantau_bump_kelurahan() returns trigger language plpgsql as $$
begin
  -- TG_ARGV[0]: the column holding the area code; TG_ARGV[1]: the transition table's name;
  -- TG_ARGV[2] = 'kota': the kab/kota's own row moves too.
  execute format(
    'insert into kelurahan_version (kode_kota, code)
      select distinct kode_kota, left(%1$I, 10) from %2$I where length(%1$I) >= 10
      union select distinct kode_kota, kode_kota from %2$I where %3$L = ''kota''
      order by 1, 2
      on conflict (kode_kota, code) do update set version = kelurahan_version.version + 1',
    TG_ARGV[0], TG_ARGV[1], coalesce(TG_ARGV[2], ''));
  return null;
end $$;
--> statement-breakpoint
drop trigger assignment_kelurahan_insert on assignment;
--> statement-breakpoint
drop trigger assignment_kelurahan_update on assignment;
--> statement-breakpoint
drop trigger assignment_kelurahan_update_new on assignment;
--> statement-breakpoint
drop trigger assignment_kelurahan_delete on assignment;
--> statement-breakpoint
create trigger assignment_kelurahan_insert after insert on assignment referencing new table as changed_rows
  for each statement execute function pantau_bump_kelurahan('kode_subsls', 'changed_rows', 'kota');
--> statement-breakpoint
create trigger assignment_kelurahan_update after update on assignment referencing old table as changed_rows
  for each statement execute function pantau_bump_kelurahan('kode_subsls', 'changed_rows', 'kota');
--> statement-breakpoint
create trigger assignment_kelurahan_update_new after update on assignment referencing new table as changed_rows
  for each statement execute function pantau_bump_kelurahan('kode_subsls', 'changed_rows', 'kota');
--> statement-breakpoint
create trigger assignment_kelurahan_delete after delete on assignment referencing old table as changed_rows
  for each statement execute function pantau_bump_kelurahan('kode_subsls', 'changed_rows', 'kota');
--> statement-breakpoint
insert into kelurahan_version (kode_kota, code) select kode_kota, kode_kota from campaign on conflict do nothing;
