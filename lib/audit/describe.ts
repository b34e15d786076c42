// Turns a stored audit entry (action code + JSON detail) into message keys and parameters a person
// can read ("Masuk berhasil lewat formulir"), so the log page never shows codes or raw JSON.
// Pure: the page translates the keys with messages/<locale>/auditlog.json.

export interface AuditText {
  /** Key under auditlog.action.* */
  action: string;
  /** Keys under auditlog.detail.* with their parameters, in reading order. */
  details: { key: string; params: Record<string, string | number> }[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length ? v : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Known reasons for a failed sign-in; anything else reads as "other". */
const FAILURE_REASONS = new Set(['invalid', 'disabled', 'locked', 'rate_limited']);
const VIAS = new Set(['form', 'api']);
const SOURCES = new Set(['api', 'form', 'simulator', 'upload', 'seed']);
const KINDS = new Set(['reports', 'areas', 'officers', 'assignments']);

function counts(detail: Record<string, unknown>): AuditText['details'] {
  const out: AuditText['details'] = [];
  if ('rows' in detail) out.push({ key: 'rows', params: { count: num(detail.rows) } });
  for (const k of ['accepted', 'replaced', 'unchanged', 'rejected'] as const) {
    if (num(detail[k]) > 0) out.push({ key: k, params: { count: num(detail[k]) } });
  }
  return out;
}

function access(v: unknown): { role: string; root: string } {
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  return { role: str(o.role) ?? '?', root: str(o.root) ?? '?' };
}

/** The readable form of one audit entry. Unknown actions keep their code, with each detail as "key: value". */
export function describeAudit(action: string, detail: Record<string, unknown>): AuditText {
  switch (action) {
    case 'login.success': {
      const via = str(detail.via);
      return { action: via && VIAS.has(via) ? `login_success_${via}` : 'login_success', details: [] };
    }
    case 'login.failure': {
      const reason = str(detail.reason);
      const via = str(detail.via);
      return {
        action: via && VIAS.has(via) ? `login_failure_${via}` : 'login_failure',
        details: [{ key: `failure_${reason && FAILURE_REASONS.has(reason) ? reason : 'other'}`, params: {} }],
      };
    }
    case 'logout':
      return { action: 'logout', details: [] };
    case 'import': {
      const kind = str(detail.kind);
      const status = str(detail.status);
      const details: AuditText['details'] = [];
      if (str(detail.filename)) details.push({ key: 'file', params: { name: str(detail.filename)! } });
      if (status === 'rejected' && str(detail.problem)) details.push({ key: 'problem', params: { code: str(detail.problem)! } });
      return { action: `import_${kind && KINDS.has(kind) ? kind : 'other'}${status === 'rejected' ? '_rejected' : ''}`, details: [...details, ...counts(detail)] };
    }
    case 'export': {
      const details: AuditText['details'] = [];
      if (str(detail.asOf)) details.push({ key: 'asOf', params: { date: str(detail.asOf)! } });
      if (str(detail.level)) details.push({ key: 'level', params: { level: str(detail.level)! } });
      if (str(detail.list)) details.push({ key: 'list', params: { list: str(detail.list)! } });
      return { action: detail.kind === 'kelurahan-bundle' ? 'export_bundle' : 'export', details };
    }
    case 'report.submit': {
      const source = str(detail.source);
      return { action: `report_${source && SOURCES.has(source) ? source : 'other'}`, details: counts(detail) };
    }
    case 'user.create':
      return { action: 'user_create', details: [{ key: 'access', params: access(detail) }] };
    case 'user.update': {
      const from = access(detail.from);
      const to = access(detail.to);
      return { action: 'user_update', details: [{ key: 'accessChange', params: { fromRole: from.role, fromRoot: from.root, toRole: to.role, toRoot: to.root } }] };
    }
    case 'user.disable':
      return { action: detail.disabled === false ? 'user_enable' : 'user_disable', details: [] };
    case 'user.password_reset':
      return { action: 'user_password_reset', details: [] };
    case 'token.create': {
      const details: AuditText['details'] = [{ key: 'tokenName', params: { name: str(detail.name) ?? '?' } }];
      if (str(detail.expiresOn)) details.push({ key: 'expires', params: { date: str(detail.expiresOn)! } });
      return { action: 'token_create', details };
    }
    case 'token.revoke':
      return { action: 'token_revoke', details: [{ key: 'tokenName', params: { name: str(detail.name) ?? '?' } }] };
    default:
      return {
        action: 'other',
        details: Object.entries(detail).map(([key, value]) => ({ key: 'raw', params: { key, value: typeof value === 'object' ? JSON.stringify(value) : String(value) } })),
      };
  }
}
