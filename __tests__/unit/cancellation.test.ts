// Cancellation as the runner does it: SIGINT, then SIGTERM. Real signals to this process.
import { afterEach, describe, expect, it } from 'vitest';
import { watchCancellation, type Cancellation } from '../../src/io/cancellation.js';

let watch: Cancellation | undefined;
afterEach(() => watch?.stop());

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('watchCancellation', () => {
  it('says once that it was cancelled, passes each signal on, and kills what is left after SIGTERM and the grace time', async () => {
    const forwarded: string[] = [];
    const cancelled: string[] = [];
    const exits: number[] = [];
    let running = 1;
    watch = watchCancellation({
      forward: (s) => (forwarded.push(s), running),
      onCancel: (s) => cancelled.push(s),
      graceMs: 50,
      exit: (code) => exits.push(code),
    });
    process.kill(process.pid, 'SIGINT');
    await tick();
    process.kill(process.pid, 'SIGTERM');
    await tick();
    expect(cancelled).toEqual(['SIGINT']);
    expect(watch.cancelled()).toBe('SIGINT');
    expect(forwarded).toEqual(['SIGINT', 'SIGTERM']);
    expect(exits).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    expect(forwarded).toEqual(['SIGINT', 'SIGTERM', 'SIGKILL']);
    expect(exits).toEqual([1]);
    running = 0;
  });

  it('ends the step at once when nothing is running to stop', async () => {
    const exits: number[] = [];
    watch = watchCancellation({ forward: () => 0, onCancel: () => undefined, exit: (code) => exits.push(code) });
    process.kill(process.pid, 'SIGTERM');
    await tick();
    expect(exits).toEqual([1]);
  });
});
