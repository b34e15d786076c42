// The phone's outbox: reports written on /lapor wait here (IndexedDB, through idb) until they
// reach the server. Used by the page and by the service worker's Background Sync alike.
// Invariants: every item carries the submission id it keeps for life (sent as Idempotency-Key,
// so a retry after a lost answer never writes twice) and the account that wrote it; an item is
// only sent while that same account is signed in — never as whoever uses the phone next.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ApiErrorBody, SubmitResponse } from '@/lib/ingest/api-types';
import type { ReportInput } from '@/lib/ingest/report-schema';

export const SYNC_TAG = 'pantau-outbox';
/** Page and service worker tell each other that the outbox changed. */
export const OUTBOX_CHANNEL = 'pantau-outbox';
/** Fired on the window by the form after it queued a submission: the outbox panel sends it. */
export const OUTBOX_EVENT = 'pantau:outbox';

export interface OutboxRejection {
  kodeSubsls: string;
  field: string;
  reason: string;
}

export interface OutboxItem {
  /** The submission id (Idempotency-Key). */
  id: string;
  /** The account that wrote it. */
  username: string;
  petugas: string;
  tanggal: string;
  locale: 'id' | 'en';
  reports: ReportInput[];
  createdAt: string;
  /** waiting: not yet answered; refused: the server answered no (in words below), to fix. */
  state: 'waiting' | 'refused';
  /** A refusal of the whole request, in the writer's language. */
  problem?: string;
  /** Rows the server refused; the others of the same submission were stored. */
  rejections?: OutboxRejection[];
}

interface OutboxDb extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { byUser: string } };
}

let opening: Promise<IDBPDatabase<OutboxDb>> | null = null;

function database(): Promise<IDBPDatabase<OutboxDb>> {
  opening ??= openDB<OutboxDb>('pantau-lapor', 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byUser', 'username');
    },
  });
  return opening;
}

/** A version-4 UUID; crypto.randomUUID exists only on https or localhost, getRandomValues everywhere. */
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function announce(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.postMessage('changed');
  channel.close();
}

export async function listOutbox(): Promise<OutboxItem[]> {
  const items = await (await database()).getAll('outbox');
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Queues a submission and asks for it to be sent: now by the page, later by Background Sync. */
export async function enqueueOutbox(item: Omit<OutboxItem, 'state' | 'createdAt'>): Promise<void> {
  await putOutbox({ ...item, state: 'waiting', createdAt: new Date().toISOString() });
  await requestBackgroundSync();
  window.dispatchEvent(new Event(OUTBOX_EVENT));
}

export async function putOutbox(item: OutboxItem): Promise<void> {
  await (await database()).put('outbox', item);
  announce();
}

export async function removeOutbox(id: string): Promise<void> {
  await (await database()).delete('outbox', id);
  announce();
}

/** Asks the service worker to send the outbox when the network returns, where the browser can. */
export async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration('/lapor');
  const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
  await sync?.register(SYNC_TAG).catch(() => undefined);
}

export type FlushResult =
  | { kind: 'done'; sent: number; refused: number }
  /** No network (or the server is unreachable): everything stays waiting. */
  | { kind: 'offline' }
  /** Nobody is signed in (session expired or signed out): wait for the next sign-in. */
  | { kind: 'signed_out' };

/** Who the session belongs to, or null when signed out. Throws when the network is down. */
async function signedInAs(): Promise<string | null> {
  const res = await fetch('/api/v1/session', { credentials: 'same-origin', cache: 'no-store' });
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(`session ${res.status}`);
  return ((await res.json()) as { username: string }).username;
}

/** The server's answer put into the item: gone when wholly stored, else refused with its reasons. */
async function settle(item: OutboxItem, res: Response): Promise<'sent' | 'refused' | 'retry'> {
  if (res.status === 401 || res.status === 429 || res.status >= 500) return 'retry';
  const body = (await res.json().catch(() => null)) as SubmitResponse | ApiErrorBody | null;
  if (!body) return 'retry';
  if ('error' in body) {
    await putOutbox({ ...item, state: 'refused', problem: body.error.message });
    return 'refused';
  }
  if (body.rejected === 0) {
    await removeOutbox(item.id);
    return 'sent';
  }
  const rejections = body.rejections.map((r) => ({ kodeSubsls: item.reports[r.index]?.kodeSubsls ?? '', field: r.field, reason: r.reason }));
  await putOutbox({ ...item, state: 'refused', rejections });
  return 'refused';
}

/**
 * Sends every waiting item of the signed-in account, oldest first; stops at the first network
 * failure. Items of other accounts stay untouched. Safe to run twice at once (page and service
 * worker): a repeat carries the same submission id and the server answers it without writing.
 */
export async function flushOutbox(): Promise<FlushResult> {
  const waiting = (await listOutbox()).filter((i) => i.state === 'waiting');
  if (waiting.length === 0) return { kind: 'done', sent: 0, refused: 0 };
  let username: string | null;
  try {
    username = await signedInAs();
  } catch {
    return { kind: 'offline' };
  }
  if (!username) return { kind: 'signed_out' };
  let sent = 0;
  let refused = 0;
  for (const item of waiting.filter((i) => i.username === username)) {
    let res: Response;
    try {
      res = await fetch('/api/v1/reports?source=form', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'accept-language': item.locale, 'idempotency-key': item.id },
        body: JSON.stringify(item.reports),
      });
    } catch {
      return { kind: 'offline' };
    }
    const outcome = await settle(item, res);
    if (outcome === 'retry') return res.status === 401 ? { kind: 'signed_out' } : { kind: 'offline' };
    if (outcome === 'sent') sent++;
    else refused++;
  }
  return { kind: 'done', sent, refused };
}
