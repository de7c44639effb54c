// Publishing the report: the step's outputs and report files, the job summary, and the sticky PR
// comment (or, when this run has no report, marking our previous comment outdated). Never fails
// the build: what cannot be posted is a warning, and the report is still in the summary.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger, Outputs } from '../adapters.js';
import type { GitHubContext } from '../context.js';
import type { Inputs } from '../inputs.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report } from '../report/report.js';
import { authorOfToken, commentKey, markerFor, markOutdated, upsertComment, withMarker } from './comment.js';
import type { GitHubClient } from './octokit.js';

export interface PublishDeps {
  logger: Logger;
  outputs: Outputs;
  github: GitHubContext;
  octokit: (token: string) => Promise<GitHubClient>;
  /** Called as the build starts: loads the GitHub client while BuildKit works, not after. */
  warmUp?: () => void;
  summary: (markdown: string) => Promise<void>;
  /** Where report files go (RUNNER_TEMP in Actions). */
  reportDir: string;
}

/** The report where the workflow and the pull request see it; none: the previous comment marked outdated. */
export async function publishReport(deps: PublishDeps, inputs: Inputs, report: Report | undefined): Promise<void> {
  if (report) await publish(deps, inputs, report);
  else await markReportOutdated(deps, inputs, 'this run could not produce an image report');
}

function markerOf(inputs: Inputs, github: GitHubContext): string {
  const variant = [inputs.platforms.join(','), inputs.commentKey].filter(Boolean).join('|') || undefined;
  return markerFor(commentKey({ image: inputs.image, job: github.job, variant }));
}

interface CommentTarget {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
  author?: string;
}

/** Where the sticky comment goes; undefined (and `why`, for the one log line) when nowhere. */
async function commentTarget(deps: Pick<PublishDeps, 'github' | 'octokit'>, inputs: Inputs): Promise<CommentTarget | { why: string; level: 'info' | 'warning' }> {
  const { github } = deps;
  const pr = github.pullRequest;
  const wanted = inputs.comment === 'always' || (inputs.comment === 'auto' && pr !== undefined);
  if (!wanted) return { why: '', level: 'info' };
  if (!pr) return { why: 'comment is "always", but this run is not for a pull request: the report is in the job summary.', level: 'info' };
  if (pr.fork) {
    return { why: `Pull request #${pr.number} comes from a fork, whose token cannot comment`, level: 'warning' };
  }
  if (!inputs.githubToken) return { why: 'No github-token: the PR comment was not written; the report is in the job summary.', level: 'warning' };
  const [owner, repo] = github.repository.split('/');
  // The input wins: a GitHub App's installation token is `ghs_` too, but its comments are by
  // `<app-slug>[bot]`, which nothing the token can ask says.
  const author = inputs.commentAuthor ?? authorOfToken(inputs.githubToken);
  return { octokit: await deps.octokit(inputs.githubToken), owner: owner!, repo: repo!, issueNumber: pr.number, marker: markerOf(inputs, github), ...(author ? { author } : {}) };
}

/**
 * This run has no report (the build or the report failed): our previous comment, left alone, would
 * read as the report for this commit. Say it is outdated, linking the run. Best effort, quiet.
 */
export async function markReportOutdated(deps: Pick<PublishDeps, 'github' | 'octokit' | 'logger'>, inputs: Inputs, why: string): Promise<void> {
  const { github, logger } = deps;
  try {
    const target = await commentTarget(deps, inputs);
    if (!('octokit' in target)) return;
    const sha = (github.pullRequest?.headSha ?? github.sha).slice(0, 7);
    const run = github.runId ? ` ([run ${github.runId}](${github.serverUrl.replace(/\/+$/, '')}/${github.repository}/actions/runs/${github.runId}))` : '';
    const note = `this report describes an earlier commit: for commit \`${sha}\`, ${why}${run}.`;
    const result = await markOutdated({ ...target, logger, note });
    if (result?.ok) logger.info(`Previous PR comment marked as outdated: ${result.url}`);
    else if (result) logger.debug(`Previous PR comment not marked as outdated (${result.reason}): ${result.message}`);
  } catch (e) {
    logger.debug(`Previous PR comment not marked as outdated: ${(e as Error).message}`);
  }
}

async function publish(deps: PublishDeps, inputs: Inputs, report: Report): Promise<void> {
  const { logger, outputs, github } = deps;
  const marker = markerOf(inputs, github);
  const markdown = renderMarkdown(report);
  const body = withMarker(marker, markdown);

  outputs.set('size', String(report.headline.size));
  outputs.set('size-delta', report.headline.delta === undefined ? '' : String(report.headline.delta));
  outputs.set('stale-bases', report.staleBases.join('\n'));
  outputs.set('report-markdown', body);
  const jsonPath = join(deps.reportDir, `strata-report-${inputs.image.replace(/[^a-zA-Z0-9._-]+/g, '_')}.json`);
  const mdPath = jsonPath.replace(/\.json$/, '.md');
  try {
    await writeFile(jsonPath, JSON.stringify(report, null, 2));
    // The body with its marker, ready for a workflow_run poster (docs/fork-prs.md).
    await writeFile(mdPath, body);
    outputs.set('report-json', jsonPath);
    outputs.set('report-file', mdPath);
  } catch (e) {
    logger.warning(`Report files not written: ${(e as Error).message}`);
  }
  try {
    await deps.summary(markdown);
  } catch (e) {
    logger.warning(`Job summary not written: ${(e as Error).message}`);
  }

  const target = await commentTarget(deps, inputs);
  if (!('octokit' in target)) {
    const why = target.why && target.level === 'warning' && github.pullRequest?.fork
      ? `${target.why}: the report is in the job summary, the report-markdown output and ${mdPath} (see docs/fork-prs.md to post it from a workflow_run).`
      : target.why;
    if (why) logger[target.level](why);
    return;
  }
  const result = await upsertComment({ ...target, body: markdown, logger });
  if (result.ok) {
    logger.info(`PR comment ${result.action}: ${result.url}`);
    outputs.set('comment-url', result.url);
  } else {
    // The one line a skipped comment costs: nothing before it warned (waits are info).
    logger.warning(`PR comment not written (${result.reason}): ${result.message}. The report is in the job summary and the report-markdown output.`);
  }
}
