-- Custom SQL migration file, put your code below! --
-- Backfill of area_series from the raw rows (report, area, campaign), for a database migrated from the
-- per-date area_day table: the same result as rebuildRollups(tx, kota, 'all') for every kota. Empty on a new database.
set local jit = off;
--> statement-breakpoint
insert into area_series (code, kode_kota, level, parent_code, prelist, subsls_count, keluarga_baru, selesai, menolak, tidak_ditemui, tidak_ditemukan, subsls_started)
with r as (select r.*, lead(r.tanggal) over (partition by r.kode_kota, r.kode_subsls order by r.tanggal) as nxt from report r),
cells as (
  select r.kode_kota, r.kode_subsls as code, d.day::date as day, r.keluarga_baru, r.selesai, r.menolak, r.tidak_ditemui, r.tidak_ditemukan
  from r join campaign c on c.kode_kota = r.kode_kota
  cross join generate_series(greatest(r.tanggal, c.start_date), least(coalesce(r.nxt - 1, c.end_date + c.grace_days), c.end_date + c.grace_days), interval '1 day') d(day)
)
select a.code, a.kode_kota, 'subsls', a.parent_code, a.prelist, 1,
  array_agg(coalesce(x.keluarga_baru, 0) order by g.day), array_agg(coalesce(x.selesai, 0) order by g.day),
  array_agg(coalesce(x.menolak, 0) order by g.day), array_agg(coalesce(x.tidak_ditemui, 0) order by g.day),
  array_agg(coalesce(x.tidak_ditemukan, 0) order by g.day), array_agg((x.code is not null)::int order by g.day)
from area a join campaign c on c.kode_kota = a.kode_kota
cross join generate_series(c.start_date, c.end_date + c.grace_days, interval '1 day') g(day)
left join cells x on x.kode_kota = a.kode_kota and x.code = a.code and x.day = g.day::date
where a.level = 'subsls'
group by a.code, a.kode_kota, a.parent_code, a.prelist;
--> statement-breakpoint
insert into area_series (code, kode_kota, level, parent_code, prelist, subsls_count, keluarga_baru, selesai, menolak, tidak_ditemui, tidak_ditemukan, subsls_started)
select x.code, x.kode_kota, a.level, a.parent_code, max(x.prelist)::int, max(x.n)::int, array_agg(keluarga_baru order by i), array_agg(selesai order by i), array_agg(menolak order by i), array_agg(tidak_ditemui order by i), array_agg(tidak_ditemukan order by i), array_agg(subsls_started order by i)
from (
  select c.kode_kota, c.parent_code as code, i, sum(c.keluarga_baru[i])::int as keluarga_baru, sum(c.selesai[i])::int as selesai, sum(c.menolak[i])::int as menolak, sum(c.tidak_ditemui[i])::int as tidak_ditemui, sum(c.tidak_ditemukan[i])::int as tidak_ditemukan, sum(c.subsls_started[i])::int as subsls_started,
    sum(c.prelist) filter (where i = 1) as prelist, sum(c.subsls_count) filter (where i = 1) as n
  from area_series c cross join generate_subscripts(c.selesai, 1) as i
  where c.level = 'subsls'
  group by 1, 2, 3
) x join area a on a.kode_kota = x.kode_kota and a.code = x.code
group by x.code, x.kode_kota, a.level, a.parent_code;
--> statement-breakpoint
insert into area_series (code, kode_kota, level, parent_code, prelist, subsls_count, keluarga_baru, selesai, menolak, tidak_ditemui, tidak_ditemukan, subsls_started)
select x.code, x.kode_kota, a.level, a.parent_code, max(x.prelist)::int, max(x.n)::int, array_agg(keluarga_baru order by i), array_agg(selesai order by i), array_agg(menolak order by i), array_agg(tidak_ditemui order by i), array_agg(tidak_ditemukan order by i), array_agg(subsls_started order by i)
from (
  select c.kode_kota, c.parent_code as code, i, sum(c.keluarga_baru[i])::int as keluarga_baru, sum(c.selesai[i])::int as selesai, sum(c.menolak[i])::int as menolak, sum(c.tidak_ditemui[i])::int as tidak_ditemui, sum(c.tidak_ditemukan[i])::int as tidak_ditemukan, sum(c.subsls_started[i])::int as subsls_started,
    sum(c.prelist) filter (where i = 1) as prelist, sum(c.subsls_count) filter (where i = 1) as n
  from area_series c cross join generate_subscripts(c.selesai, 1) as i
  where c.level = 'sls'
  group by 1, 2, 3
) x join area a on a.kode_kota = x.kode_kota and a.code = x.code
group by x.code, x.kode_kota, a.level, a.parent_code;
--> statement-breakpoint
insert into area_series (code, kode_kota, level, parent_code, prelist, subsls_count, keluarga_baru, selesai, menolak, tidak_ditemui, tidak_ditemukan, subsls_started)
select x.code, x.kode_kota, a.level, a.parent_code, max(x.prelist)::int, max(x.n)::int, array_agg(keluarga_baru order by i), array_agg(selesai order by i), array_agg(menolak order by i), array_agg(tidak_ditemui order by i), array_agg(tidak_ditemukan order by i), array_agg(subsls_started order by i)
from (
  select c.kode_kota, c.parent_code as code, i, sum(c.keluarga_baru[i])::int as keluarga_baru, sum(c.selesai[i])::int as selesai, sum(c.menolak[i])::int as menolak, sum(c.tidak_ditemui[i])::int as tidak_ditemui, sum(c.tidak_ditemukan[i])::int as tidak_ditemukan, sum(c.subsls_started[i])::int as subsls_started,
    sum(c.prelist) filter (where i = 1) as prelist, sum(c.subsls_count) filter (where i = 1) as n
  from area_series c cross join generate_subscripts(c.selesai, 1) as i
  where c.level = 'kelurahan'
  group by 1, 2, 3
) x join area a on a.kode_kota = x.kode_kota and a.code = x.code
group by x.code, x.kode_kota, a.level, a.parent_code;
--> statement-breakpoint
insert into area_series (code, kode_kota, level, parent_code, prelist, subsls_count, keluarga_baru, selesai, menolak, tidak_ditemui, tidak_ditemukan, subsls_started)
select x.code, x.kode_kota, a.level, a.parent_code, max(x.prelist)::int, max(x.n)::int, array_agg(keluarga_baru order by i), array_agg(selesai order by i), array_agg(menolak order by i), array_agg(tidak_ditemui order by i), array_agg(tidak_ditemukan order by i), array_agg(subsls_started order by i)
from (
  select c.kode_kota, c.parent_code as code, i, sum(c.keluarga_baru[i])::int as keluarga_baru, sum(c.selesai[i])::int as selesai, sum(c.menolak[i])::int as menolak, sum(c.tidak_ditemui[i])::int as tidak_ditemui, sum(c.tidak_ditemukan[i])::int as tidak_ditemukan, sum(c.subsls_started[i])::int as subsls_started,
    sum(c.prelist) filter (where i = 1) as prelist, sum(c.subsls_count) filter (where i = 1) as n
  from area_series c cross join generate_subscripts(c.selesai, 1) as i
  where c.level = 'kecamatan'
  group by 1, 2, 3
) x join area a on a.kode_kota = x.kode_kota and a.code = x.code
group by x.code, x.kode_kota, a.level, a.parent_code;
