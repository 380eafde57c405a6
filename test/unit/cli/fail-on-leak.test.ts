// `reftrace analyse --fail-on-leak`: the CI gate with no number to tune, over the real leak corpus.

import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { FIXTURES } from '../../support/fixtures.ts';
import { cleanSamples, corpusLogs } from '../../support/leak-corpus.ts';

async function run(args: string[]): Promise<{ status: number; out: string }> {
  let out = '';
  const status = await main(args, (s) => {
    out += s;
  });
  return { status, out };
}

describe('reftrace analyse --fail-on-leak', () => {
  // The held-out logs with a leak are scored in leak-verdicts.test.ts (one kind is knowingly missed).
  const logs = corpusLogs().filter((l) => !l.holdout || l.leaks.length === 0);

  it.each(logs.map((l) => [l.path, l] as const))(
    '%s: exit 1 when it leaks, naming each site with its reason, else 0',
    async (path, log) => {
      const { status, out } = await run(['analyse', FIXTURES + path, '--fail-on-leak', '--suspects', '0']);
      expect(status).toBe(log.leaks.length > 0 ? 1 : 0);
      if (log.leaks.length === 0) {
        expect(out).toContain('Leak gate (--fail-on-leak): no site leaks.');
        expect(out).toContain('Leak verdict: No leak found');
        return;
      }
      const gate = out.slice(out.indexOf('Leak gate (--fail-on-leak):')).trim().split('\n');
      expect(gate[0]).toBe(
        `Leak gate (--fail-on-leak): ${log.leaks.length} site${log.leaks.length > 1 ? 's' : ''} leak:`,
      );
      expect(
        gate
          .slice(1)
          .map((l) => l.replace(/^ {2}(\S+):(\d+) (\S+) .*/, '$1:$2:$3'))
          .sort(),
      ).toEqual([...log.leaks].sort());
      for (const line of gate.slice(1)) expect(line).toMatch(/ kept\): (grew|kept more|grew in)/);
    },
  );

  it.each(cleanSamples())('%s (a bundled sample): exit 0', async (path) => {
    expect((await run(['analyse', FIXTURES + path, '--fail-on-leak'])).status).toBe(0);
  });

  it('--json gives every suspect a verdict and a reason, the report its headline, findings and warnings', async () => {
    const { status, out } = await run(['analyse', FIXTURES + 'leaks/observers.log.gz', '--json', '--fail-on-leak']);
    expect(status).toBe(1);
    const r = JSON.parse(out);
    expect(r.leaks.headline).toBe('3 sites leak (1 finding)');
    expect(r.warnings).toEqual([]);
    expect(r.suspects[0]).toMatchObject({ verdict: 'leak', reason: expect.stringMatching(/grew in/) });
    expect(r.suspects.every((x: { verdict: string; reason: string }) => x.verdict && x.reason)).toBe(true);
    const bad = JSON.parse((await run(['analyse', FIXTURES + 'missing-dels/json-3130.log.gz', '--json'])).out);
    expect(bad.warnings.map((w: { kind: string }) => w.kind)).toEqual(['missing-dels']);
  });
});
