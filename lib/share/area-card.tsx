// The WhatsApp-ready summary card: a 1080 px wide PNG a group chat shows full width on a phone.
// Rendered by next/og's ImageResponse (satori + resvg) with the font it ships (Geist, a local
// file inside the next package): no network at render time. Figures come from the same scoped
// queries as the page; the layout is plain flexbox, the subset satori supports.
import { ImageResponse } from 'next/og';
import { STATUS_COLORS } from '@/lib/domain/status-colors';
import { formatDate, formatNumber, formatPace, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import type { AreaMetrics } from '@/lib/queries/areas';
import type { Campaign } from '@/lib/queries/campaign';
import type { Data } from '@/lib/server/data';
import { forecastText, statusReasonText, type StatusT } from '@/lib/status-text';
import type { CampaignWindow } from '@/lib/domain/types';
import { mostBehind } from './summary-text';

export const CARD_WIDTH = 1080;
export const CARD_HEIGHT = 1440;

type T = (key: string, values?: Record<string, string | number>) => string;

interface CardInput {
  area: AreaMetrics;
  children: AreaMetrics[];
  locale: Locale;
  /** The campaign window: a forecast past it reads "melewati 14 Nov (±N hari)", as on every page. */
  window: CampaignWindow;
}

function Figure({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', width: '48%', padding: '22px 26px', background: '#f1f5f9', borderRadius: 18, marginBottom: 24 }}>
      <div style={{ fontSize: 30, color: '#475569' }}>{label}</div>
      <div style={{ fontSize: 58, color: '#0f172a', marginTop: 6 }}>{value}</div>
      {sub ? <div style={{ fontSize: 28, color: '#475569', marginTop: 4 }}>{sub}</div> : null}
    </div>
  );
}

/** The card's element tree (exported for the layout's own checks). */
export function areaCardElement({ area: a, children, locale, window }: CardInput) {
  const t = translator(locale, 'card') as unknown as T;
  const st = translator(locale, 'status') as unknown as StatusT;
  const reason = statusReasonText(a, st, locale);
  const common = translator(locale, 'common') as unknown as (k: string) => string;
  const pct = (v: number | null) => formatPercent(v, locale);
  const num = (v: number | null) => formatNumber(v, locale);
  const color = (STATUS_COLORS as Record<string, string>)[a.status] ?? '#475569';
  const progress = Math.max(0, Math.min(1, a.progres ?? 0));
  const plan = Math.max(0, Math.min(1, a.expectedProgres));
  const behind = mostBehind(children, 5);
  return (
    <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#ffffff', fontFamily: 'Geist', color: '#0f172a' }}>
      <div style={{ display: 'flex', flexDirection: 'column', background: color, color: '#ffffff', padding: '44px 56px' }}>
        <div style={{ fontSize: 34, opacity: 0.9 }}>{t('heading', { level: common(`levels.${a.level}`), date: formatDate(a.asOf, locale) })}</div>
        <div style={{ fontSize: 72, marginTop: 8, lineHeight: 1.1 }}>{a.name}</div>
        <div style={{ fontSize: 48, marginTop: 18 }}>{t('status', { status: common(`status.${a.status}`) })}</div>
        {reason ? <div style={{ fontSize: 30, marginTop: 8 }}>{reason}</div> : null}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', padding: '40px 56px 0' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 36 }}>
          <span>{t('progres', { value: pct(a.progres) })}</span>
          <span style={{ color: '#475569' }}>{t('plan', { value: pct(a.expectedProgres) })}</span>
        </div>
        <div style={{ display: 'flex', position: 'relative', height: 56, marginTop: 16, background: '#e2e8f0', borderRadius: 28 }}>
          <div style={{ width: `${progress * 100}%`, height: 56, background: color, borderRadius: 28 }} />
          <div style={{ position: 'absolute', left: `${plan * 100}%`, top: -10, width: 6, height: 76, background: '#0f172a' }} />
        </div>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', padding: '36px 56px 0' }}>
        <Figure label={t('closed')} value={num(a.closed)} sub={t('ofUniverse', { value: num(a.universe) })} />
        <Figure label={t('pace7')} value={formatPace(a.pace7, locale)} sub={t('required', { value: formatPace(a.requiredPace, locale) })} />
        <Figure label={t('finish')} value={forecastText(a, window, st, locale)} />
        <Figure label={t('daysLeft')} value={num(a.daysLeft)} />
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', padding: '8px 56px 0', flexGrow: 1 }}>
        <div style={{ fontSize: 36, marginBottom: 12 }}>{behind.length > 0 ? t('behind') : t('noneBehind')}</div>
        {behind.map((c) => (
          <div key={c.code} style={{ display: 'flex', justifyContent: 'space-between', fontSize: 32, padding: '10px 0', borderBottom: '2px solid #e2e8f0' }}>
            <span style={{ maxWidth: 620, overflow: 'hidden' }}>{c.name}</span>
            <span style={{ color: '#475569' }}>{t('behindItem', { progres: pct(c.progres), plan: pct(c.expectedProgres) })}</span>
          </div>
        ))}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', padding: '24px 56px', fontSize: 24, color: '#64748b', borderTop: '2px solid #e2e8f0' }}>
        <span>Pantau</span>
        <span>{t('footer')}</span>
      </div>
    </div>
  );
}

/**
 * next/og draws the PNG with sharp (libvips) where sharp is installed, as it is here. libvips keeps
 * an operation cache (up to 50 MB, 100 operations) across calls, and every card is a new SVG: no
 * call reuses it, so it is off. Measured on the archive's 41 cards in a fresh process (three runs
 * each): RSS rise 237–270 MB with the cache, 201–236 without, and no longer growing card by card.
 * Where sharp cannot load, next/og falls back to its own resvg and so does this.
 */
const sharpSettled = import('sharp').then(
  (m) => void m.default.cache(false),
  () => undefined,
);

/** The card as PNG bytes. */
export async function renderAreaCard(input: CardInput): Promise<Buffer> {
  await sharpSettled;
  const image = new ImageResponse(areaCardElement(input), { width: CARD_WIDTH, height: CARD_HEIGHT });
  return Buffer.from(await image.arrayBuffer());
}

/** The card of an area in the scope as of a date; null when the area is not visible there (404). */
export async function buildAreaCard(data: Data, campaign: Campaign, params: { code: string; asOf: string; locale: Locale }): Promise<Buffer | null> {
  const q = { code: params.code, asOf: params.asOf, window: campaign };
  const [area, children] = await Promise.all([data.getAreaSummary(q), data.listAreaChildren(q)]);
  if (!area) return null;
  return renderAreaCard({ area, children, locale: params.locale, window: campaign });
}
