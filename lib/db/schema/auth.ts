import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

/** The roles of DESIGN.md "Who uses it"; each user has exactly one. */
export const USER_ROLES = ['admin', 'pimpinan', 'camat', 'lurah', 'pml', 'ppl'] as const;

/**
 * better-auth's user table (field names are better-auth's, keyed in lib/auth/better-auth.ts)
 * plus ours: the role and its one root — an area (kota, kecamatan, kelurahan) or, for PML and
 * PPL, an officer code. kode_kota is the kab/kota the user belongs to and is managed in.
 * Areas are not foreign keys: re-importing master data must not cascade into accounts.
 */
export const authUser = pgTable(
  'auth_user',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** better-auth requires an e-mail; Pantau signs in by username and stores `<username>@pantau.invalid`. */
    email: text('email').notNull().unique(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    username: text('username').unique(),
    displayUsername: text('display_username'),
    role: text('role', { enum: USER_ROLES }).notNull(),
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    areaCode: varchar('area_code', { length: 10 }),
    officerCode: varchar('officer_code', { length: 32 }),
    disabled: boolean('disabled').notNull().default(false),
    /** Seeded by demo mode with the published demo password; listed on the login page. */
    demo: boolean('demo').notNull().default(false),
  },
  (t) => [
    index('auth_user_kota_idx').on(t.kodeKota, t.role),
    check('auth_user_role_ck', sql`${t.role} in ('admin', 'pimpinan', 'camat', 'lurah', 'pml', 'ppl')`),
    check(
      'auth_user_root_ck',
      sql`case when ${t.role} in ('pml', 'ppl') then ${t.officerCode} is not null and ${t.areaCode} is null
        else ${t.areaCode} is not null and ${t.officerCode} is null and left(${t.areaCode}, 4) = ${t.kodeKota} end`,
    ),
  ],
);

export const authSession = pgTable(
  'auth_session',
  {
    id: text('id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    token: text('token').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
  },
  (t) => [index('auth_session_user_idx').on(t.userId)],
);

/** better-auth's credential store: the argon2id hash lives in `password` (provider 'credential'). */
export const authAccount = pgTable(
  'auth_account',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_account_user_idx').on(t.userId)],
);

export const authVerification = pgTable(
  'auth_verification',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_verification_identifier_idx').on(t.identifier)],
);

/**
 * API tokens an admin issues to a user (Authorization: Bearer). Only the SHA-256 of the
 * token is kept; the token itself is shown once. A token acts with its user's scope.
 */
export const apiToken = pgTable(
  'api_token',
  {
    id: text('id').primaryKey(),
    kodeKota: varchar('kode_kota', { length: 4 }).notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the token, to recognise it in lists. */
    prefix: text('prefix').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [uniqueIndex('api_token_hash_idx').on(t.tokenHash), index('api_token_kota_idx').on(t.kodeKota, t.createdAt)],
);

/** Server secrets generated on first start when none is configured (the session-signing key). */
export const appSecret = pgTable('app_secret', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
