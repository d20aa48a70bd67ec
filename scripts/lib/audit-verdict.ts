/**
 * What `npm audit --json` said, for CI (.ci/run, scripts/audit.ts). A finding at or above the level fails the run;
 * only an audit service that could not be asked is tolerated. Anything else npm prints is not understood, and a gate
 * that does not understand its input must not pass it.
 */
export type AuditVerdict =
  | { kind: 'clean' }
  /** `packages`: the vulnerable packages at or above the level, with their severity. */
  | { kind: 'findings'; counts: Record<AuditSeverity, number>; packages: string[] }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'not-understood' };

export const AUDIT_SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;
export type AuditSeverity = (typeof AUDIT_SEVERITIES)[number];

type AuditReport = {
  metadata: { vulnerabilities: Partial<Record<AuditSeverity, number>> };
  vulnerabilities?: Record<string, { severity?: string }>;
};
/** npm's own error report: `{ error: { code, summary } }` for a network failure, `statusCode` for an endpoint's answer. */
type AuditError = { error?: { code?: unknown; summary?: unknown }; statusCode?: unknown; message?: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isReport(value: Record<string, unknown>): value is AuditReport {
  return isObject(value.metadata) && isObject(value.metadata.vulnerabilities);
}

/** Why the audit service could not be asked, or null when the output is not npm's account of that. */
function unreachableReason(value: AuditError): string | null {
  if (typeof value.statusCode === 'number') return `the audit endpoint answered ${value.statusCode}`;
  const code = value.error?.code;
  if (typeof code === 'string' && /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ECONNABORTED|EPROTO)$/.test(code)) {
    return `the audit endpoint is not reachable (${code})`;
  }
  return null;
}

/** `stdout` is what `npm audit --json` printed; `level` the lowest severity that fails. */
export function auditVerdict(stdout: string, level: AuditSeverity = 'high'): AuditVerdict {
  // No report at all: npm stopped before it had one (its reason is on stderr), which is not a finding.
  if (stdout.trim() === '') return { kind: 'unreachable', reason: 'npm audit printed nothing' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return { kind: 'not-understood' };
  }
  if (!isObject(parsed)) return { kind: 'not-understood' };
  if (isReport(parsed)) {
    const found = parsed.metadata.vulnerabilities;
    const counts = Object.fromEntries(AUDIT_SEVERITIES.map((severity) => [severity, found[severity] ?? 0])) as Record<AuditSeverity, number>;
    const failing: readonly string[] = AUDIT_SEVERITIES.slice(AUDIT_SEVERITIES.indexOf(level));
    if (!failing.some((severity) => counts[severity as AuditSeverity] > 0)) return { kind: 'clean' };
    const packages = Object.entries(parsed.vulnerabilities ?? {})
      .filter(([, entry]) => failing.includes(entry.severity ?? ''))
      .map(([name, entry]) => `${name} (${entry.severity})`);
    return { kind: 'findings', counts, packages };
  }
  const reason = unreachableReason(parsed);
  return reason ? { kind: 'unreachable', reason } : { kind: 'not-understood' };
}
