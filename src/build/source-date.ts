// The image's creation time: the commit's, not the wall clock's, so that rebuilding an unchanged
// commit gives the same image (SOURCE_DATE_EPOCH for BuildKit, --creation-time for pack, and the
// org.opencontainers.image.created label). Pure but for commitSeconds, the one git call.
import type { Exec } from '../adapters.js';

export interface SourceDate {
  date: Date;
  /** Unix seconds, as SOURCE_DATE_EPOCH and pack's --creation-time take it. */
  epoch: number;
  from: 'env' | 'git' | 'event' | 'clock';
}

/** SOURCE_DATE_EPOCH set by the workflow, then the commit, then the push event's head commit, then the clock. */
export function sourceDate(facts: { envEpoch?: string; gitCommitSeconds?: number; headCommitTimestamp?: string; now: Date }): SourceDate {
  const fromEnv = facts.envEpoch?.trim() ? Number(facts.envEpoch.trim()) : NaN;
  if (Number.isInteger(fromEnv) && fromEnv > 0) return { date: new Date(fromEnv * 1000), epoch: fromEnv, from: 'env' };
  if (facts.gitCommitSeconds !== undefined && Number.isInteger(facts.gitCommitSeconds) && facts.gitCommitSeconds > 0) {
    return { date: new Date(facts.gitCommitSeconds * 1000), epoch: facts.gitCommitSeconds, from: 'git' };
  }
  const fromEvent = facts.headCommitTimestamp ? Date.parse(facts.headCommitTimestamp) : NaN;
  if (Number.isFinite(fromEvent)) {
    const epoch = Math.floor(fromEvent / 1000);
    return { date: new Date(epoch * 1000), epoch, from: 'event' };
  }
  const epoch = Math.floor(facts.now.getTime() / 1000);
  return { date: new Date(epoch * 1000), epoch, from: 'clock' };
}

/** The committer time of HEAD in `dir`, when it is in a git checkout. */
export async function commitSeconds(exec: Exec, dir: string): Promise<number | undefined> {
  const r = await exec.run('git', ['-C', dir, 'log', '-1', '--format=%ct']);
  const n = Number(r.stdout.trim());
  return r.exitCode === 0 && Number.isInteger(n) && n > 0 ? n : undefined;
}

export function describeSourceDate(d: SourceDate): string {
  const when = d.date.toISOString();
  switch (d.from) {
    case 'env':
      return `Image creation time: ${when}, from SOURCE_DATE_EPOCH`;
    case 'git':
      return `Image creation time: ${when}, the commit's (reproducible builds)`;
    case 'event':
      return `Image creation time: ${when}, the pushed head commit's (reproducible builds)`;
    case 'clock':
      return `Image creation time: ${when}, the clock's: no git checkout nor head commit in the event, so rebuilds of one commit differ`;
  }
}
