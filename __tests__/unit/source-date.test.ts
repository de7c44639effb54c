import { describe, expect, it } from 'vitest';
import { describeSourceDate, sourceDate } from '../../src/build/source-date.js';

const now = new Date('2026-12-02T10:11:12.345Z');

describe('sourceDate', () => {
  it.each([
    ['SOURCE_DATE_EPOCH first', { envEpoch: '1600000000', gitCommitSeconds: 1700000000, now }, { epoch: 1600000000, from: 'env' }],
    ['the commit in the workspace', { gitCommitSeconds: 1700000000, headCommitTimestamp: '2020-01-01T00:00:00Z', now }, { epoch: 1700000000, from: 'git' }],
    ['the push event\'s head commit (with its offset)', { headCommitTimestamp: '2024-05-01T12:00:00+02:00', now }, { epoch: Date.UTC(2024, 4, 1, 10) / 1000, from: 'event' }],
    ['the clock, to the second, when nothing else is known', { headCommitTimestamp: 'garbage', envEpoch: 'x', now }, { epoch: Math.floor(now.getTime() / 1000), from: 'clock' }],
  ])('%s', (_n, facts, expected) => {
    const d = sourceDate(facts);
    expect(d).toMatchObject(expected);
    expect(d.date.getTime()).toBe(d.epoch * 1000);
  });

  it('says where the time came from', () => {
    expect(describeSourceDate(sourceDate({ gitCommitSeconds: 1700000000, now }))).toBe("Image creation time: 2023-11-14T22:13:20.000Z, the commit's (reproducible builds)");
    expect(describeSourceDate(sourceDate({ now }))).toContain('rebuilds of one commit differ');
  });
});
