import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  readFileSync
} from "./chunk-AFJQPEMD.mjs";

// src/context.ts
function contextFromEnv(env, payload) {
  const event = payload ?? {};
  const pr = event.pull_request;
  const repository = env.GITHUB_REPOSITORY ?? event.repository?.full_name ?? "";
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    repository,
    serverUrl: env.GITHUB_SERVER_URL ?? "https://github.com",
    apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    sha: env.GITHUB_SHA ?? "",
    ref: env.GITHUB_REF ?? "",
    runId: env.GITHUB_RUN_ID ?? "",
    job: env.GITHUB_JOB ?? "",
    workflow: env.GITHUB_WORKFLOW ?? "",
    defaultBranch: event.repository?.default_branch,
    headCommitTimestamp: event.head_commit?.timestamp ?? void 0,
    repositoryInfo: event.repository ? repositoryInfo(event.repository) : void 0,
    pullRequest: pr ? {
      number: pr.number,
      baseRef: pr.base.ref,
      headRef: pr.head.ref,
      headSha: pr.head.sha,
      // head.repo is null when the fork was deleted: its token is read-only all the same.
      fork: pr.head.repo === null || (pr.head.repo?.full_name ?? repository) !== (pr.base.repo?.full_name ?? repository)
    } : void 0
  };
}
function repositoryInfo(r) {
  const license = r.license?.spdx_id;
  return {
    ...r.name ? { name: r.name } : {},
    ...r.description ? { description: r.description } : {},
    ...r.html_url ? { htmlUrl: r.html_url } : {},
    // GitHub says NOASSERTION for a license it could not identify: not a license id.
    ...license && license !== "NOASSERTION" ? { license } : {}
  };
}
function readGitHubContext(env = process.env) {
  let payload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    } catch {
      payload = {};
    }
  }
  return contextFromEnv(env, payload);
}

export {
  readGitHubContext
};
