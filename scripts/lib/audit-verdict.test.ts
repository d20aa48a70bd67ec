import { describe, expect, it } from 'vitest';

import { auditVerdict } from './audit-verdict';

/** `npm audit --json` (npm 10/11, report version 2) with the given findings. */
function report(vulnerabilities: Record<string, 'low' | 'moderate' | 'high' | 'critical'>): string {
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
  for (const severity of Object.values(vulnerabilities)) counts[severity]++;
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(Object.entries(vulnerabilities).map(([name, severity]) => [name, { name, severity, isDirect: true, via: [], effects: [], range: '*', nodes: [], fixAvailable: true }])),
    metadata: { vulnerabilities: { ...counts, total: Object.keys(vulnerabilities).length }, dependencies: { prod: 120, dev: 0, total: 120 } },
  });
}

describe('auditVerdict', () => {
  it('fails on a high or critical finding, naming the packages', () => {
    expect(auditVerdict(report({ next: 'critical', postgres: 'low' }))).toEqual({
      kind: 'findings',
      counts: { info: 0, low: 1, moderate: 0, high: 0, critical: 1 },
      packages: ['next (critical)'],
    });
    expect(auditVerdict(report({ sharp: 'high' }))).toMatchObject({ kind: 'findings', packages: ['sharp (high)'] });
  });

  it('passes findings below the level, and a clean report', () => {
    expect(auditVerdict(report({ postgres: 'moderate', zod: 'low' }))).toEqual({ kind: 'clean' });
    expect(auditVerdict(report({}))).toEqual({ kind: 'clean' });
    expect(auditVerdict(report({ postgres: 'moderate' }), 'moderate')).toMatchObject({ kind: 'findings', packages: ['postgres (moderate)'] });
  });

  it('tolerates an audit service that cannot be asked, and says why', () => {
    const offline = JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org', detail: '' } });
    expect(auditVerdict(offline)).toEqual({ kind: 'unreachable', reason: 'the audit endpoint is not reachable (ENOTFOUND)' });
    const noDns = JSON.stringify({ error: { code: 'EAI_AGAIN', summary: 'getaddrinfo EAI_AGAIN registry.npmjs.org', detail: '' } });
    expect(auditVerdict(noDns)).toMatchObject({ kind: 'unreachable' });
    // A registry mirror without the audit endpoint (what this network's mirror answers).
    const mirror = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', method: 'POST', statusCode: 405, body: '', error: { summary: '', detail: '' } });
    expect(auditVerdict(mirror)).toEqual({ kind: 'unreachable', reason: 'the audit endpoint answered 405' });
    expect(auditVerdict('')).toMatchObject({ kind: 'unreachable' });
  });

  it('fails on output it does not understand rather than pass it', () => {
    expect(auditVerdict('npm ERR! something else')).toEqual({ kind: 'not-understood' });
    expect(auditVerdict(JSON.stringify({ error: { code: 'ELOCKVERIFY', summary: 'lockfile is invalid' } }))).toEqual({ kind: 'not-understood' });
    expect(auditVerdict('[]')).toEqual({ kind: 'not-understood' });
  });
});
