// The columns of each kind of upload: the Indonesian header of the templates, the English and
// other aliases people use, and whether the column must be present.
import type { ImportKind } from './reasons';

export interface ColumnSpec {
  /** Canonical column name: the Indonesian header of the template (snake_case). */
  key: string;
  /** The key of the same value in JSON (camelCase), where there is one. */
  json?: string;
  aliases: readonly string[];
  required: boolean;
  /** Code columns are written as text in templates so spreadsheets keep every digit. */
  text?: boolean;
}

export const IMPORT_KINDS = ['reports', 'areas', 'officers', 'assignments'] as const satisfies readonly ImportKind[];

const SUBSLS: ColumnSpec = {
  key: 'kode_subsls',
  json: 'kodeSubsls',
  aliases: ['subsls', 'kode_sub_sls', 'sub_sls', 'subsls_code', 'sub_sls_code', 'id_subsls'],
  required: true,
  text: true,
};
const PETUGAS: ColumnSpec = {
  key: 'kode_petugas',
  json: 'kodePetugas',
  aliases: ['petugas', 'kode_ppl', 'officer', 'officer_code', 'enumerator_code'],
  required: true,
  text: true,
};

export const COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  reports: [
    { key: 'tanggal', json: 'tanggal', aliases: ['date', 'tgl', 'tanggal_laporan', 'report_date'], required: true },
    SUBSLS,
    PETUGAS,
    { key: 'selesai', json: 'selesai', aliases: ['completed', 'complete', 'done', 'enumerated'], required: true },
    { key: 'menolak', json: 'menolak', aliases: ['refused', 'refusals', 'refusal'], required: true },
    { key: 'tidak_ditemui', json: 'tidakDitemui', aliases: ['not_met', 'absent', 'not_at_home'], required: true },
    { key: 'tidak_ditemukan', json: 'tidakDitemukan', aliases: ['not_found', 'gone'], required: true },
    { key: 'keluarga_baru', json: 'keluargaBaru', aliases: ['new_families', 'new_family', 'kk_baru'], required: true },
    { key: 'catatan', json: 'catatan', aliases: ['note', 'notes', 'keterangan'], required: false },
  ],
  areas: [
    { key: 'kode_wilayah', aliases: ['kode', 'code', 'area_code', 'kode_bps'], required: true, text: true },
    { key: 'nama_wilayah', aliases: ['nama', 'name', 'area_name', 'nama_sls'], required: true },
    { key: 'prelist', aliases: ['prelist_keluarga', 'jumlah_prelist', 'prelist_families', 'target'], required: true },
    { key: 'kode_kemendagri', aliases: ['kemendagri', 'kemendagri_code'], required: false, text: true },
    { key: 'tanggal_mulai', aliases: ['start_date', 'mulai'], required: false },
    { key: 'tanggal_selesai', aliases: ['end_date', 'selesai_pendataan'], required: false },
    { key: 'hari_tenggang', aliases: ['grace_days', 'tenggang'], required: false },
    { key: 'zona_waktu', aliases: ['timezone', 'time_zone'], required: false },
    { key: 'nama_kegiatan', aliases: ['campaign_name', 'kegiatan'], required: false },
  ],
  officers: [
    { key: 'kode_petugas', aliases: ['kode', 'code', 'officer_code'], required: true, text: true },
    { key: 'nama_petugas', aliases: ['nama', 'name', 'officer_name'], required: true },
    { key: 'peran', aliases: ['role', 'jabatan'], required: true },
    { key: 'kode_pengawas', aliases: ['pengawas', 'kode_pml', 'supervisor', 'supervisor_code'], required: true, text: true },
    { key: 'no_hp', aliases: ['hp', 'nomor_hp', 'telepon', 'phone'], required: false, text: true },
    { key: 'kode_wilayah', aliases: ['wilayah', 'area_code', 'kode_kelurahan', 'home_area'], required: true, text: true },
  ],
  assignments: [SUBSLS, PETUGAS],
};

/** Columns the rejected-rows download adds; a corrected file may keep them and they are ignored. */
export const IGNORED_COLUMNS = ['baris_asal', 'alasan_penolakan'] as const;

/** The JSON key of every reports column, and back. */
export const REPORT_JSON_KEYS = COLUMNS.reports.map((c) => c.json as string);
