// Deterministic demo data for Pantau: Regsosek 2022 fieldwork in Kota Balikpapan (scale 1) and
// synthetic copies of it (scale N). Real: kota/kecamatan/kelurahan codes, names, boundaries and
// kecamatan population shares. Modelled: everything below kelurahan (SLS, prelist, officers,
// reports). Pure: the only I/O is reading the reference files.
import type { CityLayout } from './areas';
import { buildCityLayout } from './areas';
import { reportDates } from './calendar';
import { citySpecs } from './city';
import { buildCityStaff } from './officers';
import { hashSeed, Rng } from './prng';
import { loadReference, type ReferenceData } from './reference';
import { simulateCity } from './simulate';
import { DEMO_DEFAULT_TODAY, DEMO_WINDOW } from './types';
import type { DemoCampaign, DemoData, DemoOptions, DemoReportVersion } from './types';
import { addDownwardCorrections, cityVersions, type Stamped } from './versions';

export type {
  DemoArea,
  DemoAssignment,
  DemoCampaign,
  DemoData,
  DemoOfficer,
  DemoOptions,
  DemoReportVersion,
} from './types';
export { DEMO_DEFAULT_TODAY, DEMO_WINDOW } from './types';

// Sub-stream labels: each phase draws from its own stream, so changing one phase leaves the others alone.
const STREAM = { areas: 1, officers: 2, simulation: 3, versions: 4 } as const;

function campaign(kodeKota: string, kotaName: string): DemoCampaign {
  return {
    kodeKota,
    name: `Regsosek 2022 ${kotaName}`,
    startDate: DEMO_WINDOW.startDate,
    endDate: DEMO_WINDOW.endDate,
    graceDays: DEMO_WINDOW.graceDays,
    timezone: DEMO_WINDOW.timezone,
  };
}

interface CityData {
  layout: CityLayout;
  data: Omit<DemoData, 'reports'>;
  versions: Stamped[];
}

function generateCity(ref: ReferenceData, spec: ReturnType<typeof citySpecs>[number], seed: number, dates: string[]): CityData {
  const rng = new Rng(hashSeed(seed, spec.index));
  const layout = buildCityLayout(ref, spec, rng.fork(STREAM.areas));
  const staff = buildCityStaff(layout, rng.fork(STREAM.officers));
  const { rows } = simulateCity(layout, staff, dates, rng.fork(STREAM.simulation));
  const vrng = rng.fork(STREAM.versions);
  addDownwardCorrections(rows, layout.subsls.map((u) => u.prelist), vrng);
  const versions = cityVersions({ city: spec.index, layout, staff, dates }, rows, vrng);
  return {
    layout,
    data: { campaigns: [campaign(spec.kodeKota, spec.name)], areas: layout.areas, officers: staff.officers, assignments: staff.assignments },
    versions,
  };
}

function inSubmissionOrder(all: Stamped[]): DemoReportVersion[] {
  all.sort((a, b) => a.key - b.key || a.city - b.city || a.seq - b.seq);
  return all.map((v) => v.report);
}

/** The demo data set. Same options → identical output. */
export function generateDemo(opts: DemoOptions): DemoData {
  const today = opts.today ?? DEMO_DEFAULT_TODAY;
  const dates = reportDates(DEMO_WINDOW.startDate, DEMO_WINDOW.endDate, DEMO_WINDOW.graceDays, today);
  const ref = loadReference(opts.referenceDir);
  const out: DemoData = { campaigns: [], areas: [], officers: [], assignments: [], reports: [] };
  const stamped: Stamped[] = [];
  for (const spec of citySpecs(ref, opts.scale)) {
    const city = generateCity(ref, spec, opts.seed, dates);
    out.campaigns.push(...city.data.campaigns);
    for (const a of city.data.areas) out.areas.push(a);
    for (const o of city.data.officers) out.officers.push(o);
    for (const a of city.data.assignments) out.assignments.push(a);
    for (const v of city.versions) stamped.push(v);
  }
  out.reports = inSubmissionOrder(stamped);
  return out;
}
