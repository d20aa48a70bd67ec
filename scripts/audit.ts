/**
 * CI's dependency audit (.ci/run): `npm audit` of the production dependencies. A high or critical finding fails;
 * an audit service that cannot be asked (no network, a registry mirror without the audit endpoint) is reported and
 * tolerated; anything npm prints that is not understood fails too (scripts/lib/audit-verdict.ts).
 */
import { spawnSync } from 'node:child_process';

import { auditVerdict } from './lib/audit-verdict';

const audit = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const verdict = auditVerdict(audit.stdout ?? '', 'high');
switch (verdict.kind) {
  case 'clean':
    console.log('npm audit: no high or critical findings in the production dependencies');
    break;
  case 'unreachable':
    console.log(`npm audit could not be run here, so this run says nothing about advisories: ${verdict.reason}`);
    break;
  case 'findings':
    console.error(`npm audit found high or critical advisories in the production dependencies (${JSON.stringify(verdict.counts)}):\n  ${verdict.packages.join('\n  ')}\nRun \`npm audit --omit=dev\` for the details.`);
    process.exitCode = 1;
    break;
  case 'not-understood':
    console.error(`npm audit printed something this check does not understand (exit ${audit.status}):\n${audit.stdout}\n${audit.stderr}`);
    process.exitCode = 1;
    break;
}
