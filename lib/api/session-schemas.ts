import { z } from 'zod';
import { ROLES } from '@/lib/domain/roles';

/** POST /api/v1/session: the credentials of the login form. */
export const credentialsSchema = z.object({ username: z.string().min(1).max(256), password: z.string().min(1).max(1024) });

/** GET /api/v1/session: who the request is authenticated as. */
export const sessionResponseSchema = z.object({
  username: z.string(),
  role: z.enum(ROLES),
  scope: z.record(z.string(), z.unknown()).meta({ description: 'The area the caller sees (kab/kota, kecamatan, kelurahan or an officer’s holdings)' }),
  homeArea: z.string().nullable(),
  officerCode: z.string().nullable(),
});

/** POST /api/v1/session: the signed session token (also usable as Authorization: Bearer) and the user. */
export const signInResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string().meta({ description: 'ISO 8601' }),
  user: z.record(z.string(), z.unknown()),
});

/** GET /api/v1/health: liveness, a constant body. */
export const healthResponseSchema = z.object({ status: z.literal('ok') });
