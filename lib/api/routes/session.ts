import { z } from 'zod';
import { credentialsSchema, healthResponseSchema, sessionResponseSchema, signInResponseSchema } from '../session-schemas';
import { endpoint, type ApiFeature } from './define';

/** Signing in and out, who the caller is, and the API's own description and liveness. */
export const sessionApi = {
  tag: { name: 'session', description: 'Sign in (a session token usable as Bearer), sign out, who am I; the API document and liveness' },
  schemas: {
    Credentials: credentialsSchema,
    Session: sessionResponseSchema,
    SignIn: signInResponseSchema,
    Health: healthResponseSchema,
    OpenApiDocument: z.record(z.string(), z.unknown()).meta({ description: 'This document' }),
  },
  endpoints: [
    endpoint({
      method: 'get',
      path: '/api/v1/session',
      operationId: 'getSession',
      summary: 'Who the request is authenticated as (session cookie, session token or API token)',
      responses: { 200: { description: 'The caller', schema: 'Session' } },
      errors: [401],
    }),
    endpoint({
      method: 'post',
      path: '/api/v1/session',
      operationId: 'signIn',
      auth: 'optional',
      summary: 'Sign in with username and password: sets the session cookie and returns the session token',
      description: 'Repeated failures lock the account or address for a while (429 with Retry-After). A demo account with the published password is refused outside demo mode (403).',
      requestBody: { contentType: 'application/json', schema: 'Credentials', zod: credentialsSchema },
      responses: { 200: { description: 'The session', schema: 'SignIn' } },
      errors: [400, 401, 403, 413, 429],
    }),
    endpoint({
      method: 'delete',
      path: '/api/v1/session',
      operationId: 'signOut',
      summary: 'Sign out the session of the cookie or the Bearer session token (an API token is revoked by an admin instead: 400)',
      responses: { 204: { description: 'Signed out; the cookie is cleared' } },
      errors: [400, 401, 403],
    }),
    endpoint({
      method: 'get',
      path: '/api/v1/openapi.json',
      operationId: 'getOpenApiDocument',
      auth: 'none',
      summary: 'This OpenAPI 3.1 document (no session needed: it holds no data)',
      responses: { 200: { description: 'The document', schema: 'OpenApiDocument' } },
      errors: [],
    }),
    endpoint({
      method: 'get',
      path: '/api/v1/health',
      operationId: 'getHealth',
      auth: 'none',
      prerendered: true,
      summary: 'Liveness: no session, no database, a constant body',
      responses: { 200: { description: 'Always ok while the server runs', schema: 'Health' } },
      errors: [],
    }),
  ],
} satisfies ApiFeature;
