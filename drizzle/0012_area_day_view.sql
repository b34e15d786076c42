CREATE VIEW "public"."area_day" AS (select s.code, (c.start_date + g.i::int - 1) as tanggal, s.kode_kota, s.level, s.parent_code, s.prelist,
  g.keluarga_baru, g.selesai, g.menolak, g.tidak_ditemui, g.tidak_ditemukan, s.subsls_count, g.subsls_started, s.xmin
  from area_series s join campaign c on c.kode_kota = s.kode_kota
  cross join lateral unnest(s.keluarga_baru, s.selesai, s.menolak, s.tidak_ditemui, s.tidak_ditemukan, s.subsls_started)
    with ordinality as g(keluarga_baru, selesai, menolak, tidak_ditemui, tidak_ditemukan, subsls_started, i));