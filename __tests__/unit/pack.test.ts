import { describe, expect, it } from 'vitest';
import { packFailureSummary, parsePackReport } from '../../src/build/pack.js';
import { runImageFromLabel } from '../../src/image/labels.js';

describe('packFailureSummary', () => {
  it('keeps the last meaningful lines and pack\'s ERROR verdict, without colours or phase banners', () => {
    const output = [
      '\u001b[36m===> DETECTING\u001b[0m',
      'ERROR: No buildpack groups passed detection.',
      ...Array.from({ length: 10 }, (_, i) => `detail ${i}`),
      '',
      '===> EXPORTING',
      'ERROR: failed to build: executing lifecycle: failed with status code: 20',
    ].join('\n');
    expect(packFailureSummary(output, 3)).toBe(
      ['ERROR: No buildpack groups passed detection.', 'detail 8', 'detail 9', 'ERROR: failed to build: executing lifecycle: failed with status code: 20'].join('\n'),
    );
  });

  it('is empty for output with nothing in it', () => {
    expect(packFailureSummary('\n\n===> BUILDING\n')).toBe('');
  });
});

describe('parsePackReport', () => {
  it('reads a published build (digest) and a daemon build (image-id)', () => {
    expect(parsePackReport('[image]\ntags = ["r/a:1", "r/a:latest"]\ndigest = "sha256:aa"\nmanifest-size = 891\n')).toEqual({
      tags: ['r/a:1', 'r/a:latest'],
      digest: 'sha256:aa',
      imageId: undefined,
      raw: { image: { tags: ['r/a:1', 'r/a:latest'], digest: 'sha256:aa', 'manifest-size': 891 } },
    });
    expect(parsePackReport('[image]\ntags = ["a:1"]\nimage-id = "sha256:bb"\n[build]\n')).toMatchObject({ tags: ['a:1'], digest: undefined, imageId: 'sha256:bb' });
  });
});

describe('runImageFromLabel', () => {
  it('reads runImage, falling back to the deprecated stack.runImage', () => {
    expect(runImageFromLabel(JSON.stringify({ runImage: { image: 'r/run:1', reference: 'r/run@sha256:cc', topLayer: 'sha256:dd' } }))).toEqual({
      image: 'r/run:1',
      reference: 'r/run@sha256:cc',
      topLayer: 'sha256:dd',
    });
    expect(runImageFromLabel(JSON.stringify({ stack: { runImage: { image: 'old/run' } } }))).toEqual({ image: 'old/run', reference: undefined, topLayer: undefined });
    expect(runImageFromLabel('not json')).toEqual({});
    expect(runImageFromLabel(undefined)).toEqual({});
  });
});
