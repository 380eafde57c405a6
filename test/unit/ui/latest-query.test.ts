// "Latest wins" for row requests: one query in flight, only the newest waiting one kept.

import { describe, expect, it } from 'vitest';
import { LatestQueryGate, Superseded } from '../../../src/ui/data/latest-query.ts';

/** A request that answers when told to, recording when it was sent. */
function deferred(log: string[], name: string) {
  let answer!: (v: string) => void;
  const request = () => {
    log.push(`sent ${name}`);
    return new Promise<string>((r) => (answer = r));
  };
  return { request, answer: () => answer(name) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('LatestQueryGate', () => {
  it('sends at once when idle; while busy keeps only the newest query and sends it after the answer', async () => {
    const gate = new LatestQueryGate();
    const log: string[] = [];
    const r = deferred(log, 'r');
    const ra = deferred(log, 'ra');
    const ran = deferred(log, 'ran');
    const pr = gate.run('r', r.request);
    const pra = gate.run('ra', ra.request);
    const pran = gate.run('ran', ran.request);
    expect(log).toEqual(['sent r']);
    await expect(pra).rejects.toBeInstanceOf(Superseded);
    r.answer();
    expect(await pr).toBe('r');
    await settle();
    expect(log).toEqual(['sent r', 'sent ran']);
    ran.answer();
    expect(await pran).toBe('ran');
  });

  it('requests of the running query go at once, and all requests of the waiting one go together', async () => {
    const gate = new LatestQueryGate();
    const log: string[] = [];
    const a0 = deferred(log, 'a0');
    const a1 = deferred(log, 'a1');
    const b0 = deferred(log, 'b0');
    const b1 = deferred(log, 'b1');
    const pa0 = gate.run('a', a0.request);
    const pa1 = gate.run('a', a1.request);
    const pb0 = gate.run('b', b0.request);
    const pb1 = gate.run('b', b1.request);
    expect(log).toEqual(['sent a0', 'sent a1']);
    a0.answer();
    await pa0;
    await settle();
    expect(log).toEqual(['sent a0', 'sent a1']); // a1 still in flight
    a1.answer();
    await pa1;
    await settle();
    expect(log).toEqual(['sent a0', 'sent a1', 'sent b0', 'sent b1']);
    b0.answer();
    b1.answer();
    expect(await Promise.all([pb0, pb1])).toEqual(['b0', 'b1']);
  });

  it('going back to the running query drops the waiting one; a failed request frees the gate', async () => {
    const gate = new LatestQueryGate();
    const log: string[] = [];
    const a = deferred(log, 'a');
    const b = deferred(log, 'b');
    const a2 = deferred(log, 'a2');
    const pa = gate.run('a', a.request);
    const pb = gate.run('b', b.request);
    const pa2 = gate.run('a', a2.request);
    await expect(pb).rejects.toBeInstanceOf(Superseded);
    expect(log).toEqual(['sent a', 'sent a2']);
    a.answer();
    a2.answer();
    await Promise.all([pa, pa2]);

    const failing = gate.run('c', () => Promise.reject(new Error('worker gone')));
    const pd = gate.run('d', () => Promise.resolve('d'));
    await expect(failing).rejects.toThrow('worker gone');
    expect(await pd).toBe('d');
  });
});
