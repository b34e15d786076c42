// Writes from the browser's forms, through the one apiFetch (same error shape and language).
import type { FollowupBody } from '@/lib/api/followup-schemas';
import type { Followup } from '@/lib/queries/followups';
import { apiFetch } from './api-fetch';

/** POST /api/v1/followups: the server checks the counts and the scope; its refusal is thrown as ApiRequestError. */
export function postFollowup(body: FollowupBody): Promise<{ followup: Followup; versions: number }> {
  return apiFetch('/api/v1/followups', { method: 'POST', json: body });
}
