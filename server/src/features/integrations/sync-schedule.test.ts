import { describe, expect, it } from 'vitest';
import { decideRun, type ConnectionTiming } from './sync-schedule';

const base: ConnectionTiming = {
  id: 'c1',
  state: 'active',
  hasToken: true,
  interrupted: false,
  syncIntervalMinutes: 10,
  lastRunAt: '2026-12-06T10:00:00.000Z',
  lastFullSyncAt: '2026-12-06T02:00:05.000Z',
};
const nightly = new Date('2026-12-06T02:00:00.000Z');
const at = (iso: string) => new Date(iso);

describe('decideRun', () => {
  it('runs a connection once its interval has passed since its last run', () => {
    expect(decideRun(base, at('2026-12-06T10:09:59.000Z'), nightly)).toBeNull();
    expect(decideRun(base, at('2026-12-06T10:10:00.000Z'), nightly)).toEqual({
      connectionId: 'c1',
      trigger: 'schedule',
    });
    expect(decideRun({ ...base, lastRunAt: null }, at('2026-12-06T10:00:00.000Z'), nightly)).toEqual({
      connectionId: 'c1',
      trigger: 'schedule',
    });
  });

  it('makes the nightly full pass when none ran since the last nightly slot', () => {
    expect(
      decideRun({ ...base, lastFullSyncAt: '2026-12-05T02:00:03.000Z' }, at('2026-12-06T10:01:00.000Z'), nightly),
    ).toEqual({
      connectionId: 'c1',
      trigger: 'nightly',
      mode: 'full',
    });
  });

  it('resumes an interrupted run first, and leaves paused connections and ones without a token alone', () => {
    expect(decideRun({ ...base, interrupted: true }, at('2026-12-06T10:01:00.000Z'), nightly)).toEqual({
      connectionId: 'c1',
      trigger: 'schedule',
    });
    expect(
      decideRun({ ...base, state: 'paused', lastRunAt: null }, at('2026-12-06T12:00:00.000Z'), nightly),
    ).toBeNull();
    expect(
      decideRun({ ...base, state: 'auth-failed', lastRunAt: null }, at('2026-12-06T12:00:00.000Z'), nightly),
    ).toBeNull();
    expect(
      decideRun({ ...base, hasToken: false, lastRunAt: null }, at('2026-12-06T12:00:00.000Z'), nightly),
    ).toBeNull();
  });
});
