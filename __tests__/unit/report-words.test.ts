import { describe, expect, it } from 'vitest';
import { niceCeiling } from '../../src/report/chart.js';
import { count, imageName, listing, shortImageName } from '../../src/report/words.js';

const HEX = 'c5205616d03a0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899a';

describe('imageName: one name per image in a report', () => {
  it.each([
    ['index.docker.io/paketobuildpacks/run-jammy-base:latest', 'paketobuildpacks/run-jammy-base:latest'],
    ['docker.io/library/node:20.11-slim', 'node:20.11-slim'],
    ['node:20.11-slim', 'node:20.11-slim'],
    ['ghcr.io/acme/shop:main', 'ghcr.io/acme/shop:main'],
    ['localhost:5000/octo/base:1', 'localhost:5000/octo/base:1'],
    // Not a reference (a run image named by hand): kept as it is.
    ['run image', 'run image'],
  ])('%s -> %s', (reference, name) => {
    expect(imageName(reference)).toBe(name);
  });

  it('shortens a pinned digest to 12 hex digits for cells', () => {
    expect(shortImageName(`docker.io/library/node:20@sha256:${HEX}`)).toBe('node:20@sha256:c5205616d03a');
    expect(shortImageName('node:20')).toBe('node:20');
  });
});

describe('count and listing', () => {
  it.each([
    [0, '0 days'],
    [1, '1 day'],
    [2, '2 days'],
  ])('%d', (n, text) => {
    expect(count(n, 'day')).toBe(text);
  });

  it('joins with commas and a final "and"', () => {
    expect(listing([])).toBe('');
    expect(listing(['a'])).toBe('a');
    expect(listing(['a', 'b'])).toBe('a and b');
    expect(listing(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('niceCeiling: the chart axis ends on a round number at or above the peak', () => {
  it.each([
    [71.65, 80],
    [48.7, 50],
    [9.05, 10],
    [193.46, 200],
    [0.42, 0.5],
    [3, 3],
    [0, 1],
  ])('%d -> %d', (peak, top) => {
    expect(niceCeiling(peak)).toBe(top);
  });
});
