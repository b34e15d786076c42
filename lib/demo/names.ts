// Modelled, fictional officer names and phone numbers. Names are drawn from common Indonesian
// given names and syllable-built second names: they are not taken from any list of real people.
import type { Rng } from './prng';

const GIVEN_MALE = [
  'Adi', 'Agus', 'Andi', 'Arif', 'Bayu', 'Budi', 'Dani', 'Dedi', 'Dimas', 'Eko', 'Fajar', 'Gilang',
  'Hadi', 'Hendra', 'Ilham', 'Irfan', 'Joko', 'Rahmat', 'Reza', 'Rizki', 'Rudi', 'Taufik', 'Teguh',
  'Wahyu', 'Yusuf', 'Zainal', 'Fikri', 'Anton', 'Yoga', 'Bagus', 'Aldi', 'Rendi', 'Fauzan', 'Hamzah',
] as const;

const GIVEN_FEMALE = [
  'Ani', 'Ayu', 'Dewi', 'Dian', 'Eka', 'Fitri', 'Indah', 'Intan', 'Maya', 'Nur', 'Putri', 'Rina',
  'Rini', 'Sari', 'Siti', 'Sri', 'Tri', 'Yuni', 'Nurul', 'Ratna', 'Nanda', 'Lina', 'Mega', 'Novi',
  'Desi', 'Evi', 'Hana', 'Kartika', 'Wulan', 'Anisa', 'Rahma', 'Tiara', 'Aulia', 'Dinda',
] as const;

const FAMILY_MALE = [
  'Pratama', 'Saputra', 'Setiawan', 'Hidayat', 'Kurniawan', 'Nugroho', 'Wibowo', 'Ramadhan',
  'Maulana', 'Firmansyah', 'Gunawan', 'Syahputra', 'Hakim', 'Rahman', 'Prasetyo', 'Wijaya',
] as const;

const FAMILY_FEMALE = [
  'Lestari', 'Wulandari', 'Rahmawati', 'Susanti', 'Puspita', 'Anggraini', 'Handayani', 'Permata',
  'Safitri', 'Oktaviani', 'Kusuma', 'Maharani', 'Amelia', 'Fitriani', 'Utami', 'Rahayu',
] as const;

const STEM = ['Sur', 'Har', 'Wir', 'Mar', 'Sup', 'Dar', 'Jum', 'Sis', 'Kar', 'Par', 'Rus', 'Tar', 'Sug', 'Mul'] as const;
const END_MALE = ['yanto', 'yadi', 'wanto', 'dono', 'jono', 'diman', 'sono', 'yono'] as const;
const END_FEMALE = ['yati', 'wati', 'sih', 'tini', 'yani', 'ningsih', 'iyah', 'mini'] as const;

function secondName(rng: Rng, female: boolean): string {
  if (rng.chance(0.3)) return rng.pick(STEM) + rng.pick(female ? END_FEMALE : END_MALE);
  return rng.pick(female ? FAMILY_FEMALE : FAMILY_MALE);
}

/** A fictional Indonesian-looking full name. */
export function officerName(rng: Rng): string {
  const female = rng.chance(0.5);
  const given = rng.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
  if (given !== 'Nur' && rng.chance(0.12)) return `${female ? 'Nur' : 'Muhammad'} ${given} ${secondName(rng, female)}`;
  return `${given} ${secondName(rng, female)}`;
}

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** A fictional number in the unassigned 0800-00xx-xxxx pattern for ~70 % of officers, else null. */
export function officerPhone(rng: Rng): string | null {
  if (!rng.chance(0.7)) return null;
  return `0800-00${digits(rng, 2)}-${digits(rng, 4)}`;
}
