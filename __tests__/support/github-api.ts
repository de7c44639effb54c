// A loopback emulation of the part of the GitHub REST API the PR comment uses, for e2e tests in
// which the action runs as a child process (nock can't reach into it). Payloads follow GitHub's
// shapes (ids, node_id, html_url, user{login,type}, timestamps, Link pagination), and the token's
// identity behaves as GITHUB_TOKEN's does: GET /user is refused, comments are by github-actions[bot].
//
// Faults are injected at the protocol level (inject()): a status with GitHub's headers and error
// bodies, a request that is accepted and never answered, or a comment stored before a 5xx. Every
// request and response is checked against GitHub's OpenAPI description (contractViolations).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest, checkResponse } from './github-openapi.ts';

export interface FakeComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: { login: string; id: number; type: 'Bot' | 'User' } & Record<string, unknown>;
  created_at: string;
  updated_at: string;
  author_association: string;
}

export type Fault =
  | { kind: 'status'; status: number; body: unknown; headers?: Record<string, string> }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** Do the work (store the comment), then answer this status: the outcome looks unknown. */
  | { kind: 'after-storing'; status: number };

export interface FaultRule {
  method: string;
  /** Matched against the path without the query. */
  path: RegExp;
  fault: Fault;
  /** How many matching requests get the fault (default: all). */
  times?: number;
}

/** GitHub's own fault responses (bodies and headers as api.github.com sends them). */
export const GITHUB_FAULTS = {
  rateLimit: (resetInSeconds: number): Fault => ({
    kind: 'status',
    status: 403,
    body: { message: 'API rate limit exceeded for installation ID 12345678. If you reach out to GitHub Support for help, please include the request ID FAKE:2.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api', status: '403' },
    headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-resource': 'core', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds) },
  }),
  secondaryRateLimit: (retryAfter?: number): Fault => ({
    kind: 'status',
    status: 403,
    body: { message: 'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later. If you reach out to GitHub Support for help, please include the request ID FAKE:3.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits', status: '403' },
    headers: retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
  }),
  bodyTooLong: (): Fault => ({
    kind: 'status',
    status: 422,
    body: { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }], documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment', status: '422' },
  }),
  serverError: (status = 502): Fault => ({ kind: 'status', status, body: { message: 'Server Error' } }),
};

export interface FakeGitHub {
  url: string;
  comments(issue: number): FakeComment[];
  seed(issue: number, body: string, login: string): FakeComment;
  readonly requests: Array<{ method: string; path: string; status: number; authorization?: string }>;
  /** Requests Strata sent and responses the emulation returned that GitHub's OpenAPI description rejects. */
  readonly contractViolations: string[];
  inject(rule: FaultRule): void;
  stop(): Promise<void>;
}

const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' as const };

/** A user as the REST API embeds it (GitHub's simple-user schema). */
function simpleUser(u: { login: string; id: number; type: 'Bot' | 'User' }): FakeComment['user'] {
  const api = `https://api.github.com/users/${encodeURIComponent(u.login)}`;
  return {
    ...u,
    node_id: u.type === 'Bot' ? 'MDM6Qm90NDE4OTgyODI=' : `MDQ6VXNlcj${u.id}`,
    avatar_url: `https://avatars.githubusercontent.com/${u.type === 'Bot' ? 'in/15368' : `u/${u.id}`}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: u.type === 'Bot' ? 'https://github.com/apps/github-actions' : `https://github.com/${u.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    site_admin: false,
  };
}

/** An open pull request, for GET /repos/{owner}/{repo}/pulls (the fork-PR poster's lookup). */
export interface FakePull {
  number: number;
  headSha: string;
  headRef: string;
  /** owner/repo of the head: a fork's. */
  headRepo: string;
}

/** A repository as the REST API embeds it (GitHub's repository schema). */
function repository(fullName: string, id: number): Record<string, unknown> {
  const [owner, name] = fullName.split('/') as [string, string];
  const api = `https://api.github.com/repos/${fullName}`;
  const urls = Object.fromEntries(
    ['archive', 'assignees', 'blobs', 'branches', 'collaborators', 'comments', 'commits', 'compare', 'contents', 'contributors', 'deployments', 'downloads', 'events', 'forks', 'git_commits', 'git_refs', 'git_tags', 'hooks', 'issue_comment', 'issue_events', 'issues', 'keys', 'labels', 'languages', 'merges', 'milestones', 'notifications', 'pulls', 'releases', 'stargazers', 'statuses', 'subscribers', 'subscription', 'tags', 'teams', 'trees'].map((k) => [`${k}_url`, `${api}/${k.replace(/_/g, '/')}`]),
  );
  return {
    ...urls,
    id, node_id: `R_kgDO${id}`, name, full_name: fullName, owner: simpleUser({ login: owner, id: id + 1, type: 'User' }), private: false, fork: false,
    url: api, html_url: `https://github.com/${fullName}`, description: null, homepage: null, language: 'TypeScript', mirror_url: null, license: null,
    clone_url: `https://github.com/${fullName}.git`, git_url: `git://github.com/${fullName}.git`, ssh_url: `git@github.com:${fullName}.git`, svn_url: `https://github.com/${fullName}`,
    default_branch: 'main', forks: 0, forks_count: 0, open_issues: 1, open_issues_count: 1, watchers: 0, watchers_count: 0, stargazers_count: 0, size: 100,
    has_downloads: true, has_issues: true, has_projects: false, has_wiki: false, has_pages: false, archived: false, disabled: false,
    pushed_at: '2026-11-30T10:00:00Z', created_at: '2025-01-01T00:00:00Z', updated_at: '2026-11-30T10:00:00Z',
  };
}

function pullRequest(base: string, pull: FakePull, baseRepo: string): Record<string, unknown> {
  const api = `${base}/repos/${baseRepo}/pulls/${pull.number}`;
  const author = simpleUser({ login: pull.headRepo.split('/')[0]!, id: 7_000 + pull.number, type: 'User' });
  const branch = (repo: string, ref: string, sha: string, id: number) => ({ label: `${repo.split('/')[0]}:${ref}`, ref, sha, repo: repository(repo, id), user: simpleUser({ login: repo.split('/')[0]!, id: id + 1, type: 'User' }) });
  return {
    url: api, id: 2_000_000 + pull.number, node_id: `PR_kwDO${pull.number}`, number: pull.number, state: 'open', locked: false, title: `PR ${pull.number}`,
    html_url: `https://github.com/${baseRepo}/pull/${pull.number}`, diff_url: `https://github.com/${baseRepo}/pull/${pull.number}.diff`, patch_url: `https://github.com/${baseRepo}/pull/${pull.number}.patch`,
    issue_url: `${base}/repos/${baseRepo}/issues/${pull.number}`, commits_url: `${api}/commits`, review_comments_url: `${api}/comments`, review_comment_url: `${base}/repos/${baseRepo}/pulls/comments{/number}`,
    comments_url: `${base}/repos/${baseRepo}/issues/${pull.number}/comments`, statuses_url: `${base}/repos/${baseRepo}/statuses/${pull.headSha}`,
    user: author, body: null, labels: [], milestone: null, assignee: null, created_at: '2026-11-30T10:00:00Z', updated_at: '2026-11-30T10:00:00Z',
    closed_at: null, merged_at: null, merge_commit_sha: null, author_association: 'CONTRIBUTOR', auto_merge: null,
    head: branch(pull.headRepo, pull.headRef, pull.headSha, 300),
    base: branch(baseRepo, 'main', '1'.repeat(40), 100),
    _links: Object.fromEntries(['self', 'html', 'issue', 'comments', 'review_comments', 'review_comment', 'commits', 'statuses'].map((k) => [k, { href: api }])),
  };
}

export async function startFakeGitHub(opts: { owner: string; repo: string; perPageCap?: number; forbidComments?: boolean; pulls?: FakePull[] }): Promise<FakeGitHub> {
  const comments = new Map<number, FakeComment[]>();
  const requests: FakeGitHub['requests'] = [];
  const contractViolations: string[] = [];
  const rules: Array<FaultRule & { used: number }> = [];
  let nextId = 1_000_000_000;
  let base = '';
  const make = (issue: number, body: string, user: FakeComment['user']): FakeComment => {
    const id = nextId++;
    const now = new Date().toISOString();
    return {
      id,
      node_id: `IC_kwDO${id.toString(36)}`,
      url: `${base}/repos/${opts.owner}/${opts.repo}/issues/comments/${id}`,
      html_url: `https://github.com/${opts.owner}/${opts.repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${base}/repos/${opts.owner}/${opts.repo}/issues/${issue}`,
      body,
      user: simpleUser(user),
      created_at: now,
      updated_at: now,
      author_association: user.type === 'Bot' ? 'NONE' : 'MEMBER',
    };
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const req = (res as ServerResponse & { req: IncomingMessage }).req;
    contractViolations.push(...checkResponse(req.method ?? 'GET', new URL(req.url ?? '/', base), status, body));
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-github-request-id': 'FAKE:1', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const parsed = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as { body?: string }) : undefined;
    contractViolations.push(...checkRequest(req.method ?? 'GET', url, parsed));
    const input = parsed ?? {};
    const rule = rules.find((r) => r.method === req.method && r.path.test(url.pathname) && (r.times === undefined || r.used < r.times));
    if (rule) rule.used++;
    if (rule?.fault.kind === 'hang') return new Promise<void>(() => {});
    if (rule?.fault.kind === 'status') return send(res, rule.fault.status, rule.fault.body, rule.fault.headers);
    const prefix = `/repos/${opts.owner}/${opts.repo}`;
    const list = url.pathname.match(new RegExp(`^${prefix}/issues/(\\d+)/comments$`));
    const one = url.pathname.match(new RegExp(`^${prefix}/issues/comments/(\\d+)$`));
    if (url.pathname === `${prefix}/pulls` && req.method === 'GET') {
      return send(res, 200, (opts.pulls ?? []).map((p) => pullRequest(base, p, `${opts.owner}/${opts.repo}`)));
    }
    if (url.pathname === '/user') {
      return send(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user', status: '403' });
    }
    if (list && req.method === 'GET') {
      const all = comments.get(Number(list[1])) ?? [];
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), opts.perPageCap ?? 100);
      const page = Number(url.searchParams.get('page') ?? 1);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const link = (p: number, rel: string) => `<${base}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
      const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
      return send(res, 200, slice, links.length ? { link: links.join(', ') } : {});
    }
    if (list && req.method === 'POST') {
      if (opts.forbidComments) return send(res, 403, { message: 'Resource not accessible by integration', status: '403' });
      const issue = Number(list[1]);
      const c = make(issue, input.body ?? '', BOT);
      comments.set(issue, [...(comments.get(issue) ?? []), c]);
      if (rule?.fault.kind === 'after-storing') return send(res, rule.fault.status, { message: 'Server Error' });
      return send(res, 201, c);
    }
    if (one && req.method === 'PATCH') {
      for (const all of comments.values()) {
        const c = all.find((x) => x.id === Number(one[1]));
        if (!c) continue;
        if (c.user.login !== BOT.login) return send(res, 403, { message: 'Must have admin rights to Repository.', status: '403' });
        c.body = input.body ?? c.body;
        c.updated_at = new Date().toISOString();
        if (rule?.fault.kind === 'after-storing') return send(res, rule.fault.status, { message: 'Server Error' });
        return send(res, 200, c);
      }
      return send(res, 404, { message: 'Not Found', status: '404' });
    }
    return send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
  };

  const server = createServer((req, res) => {
    // Recorded on arrival (a hung request counts too); status 0 until answered.
    const entry = { method: req.method ?? '', path: req.url ?? '', status: 0, authorization: req.headers.authorization };
    requests.push(entry);
    handle(req, res)
      .catch((e) => send(res, 500, { message: String(e) }))
      .finally(() => (entry.status = res.statusCode));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    comments: (issue) => comments.get(issue) ?? [],
    seed(issue, body, login) {
      const c = make(issue, body, { login, id: 583231, type: 'User' });
      comments.set(issue, [...(comments.get(issue) ?? []), c]);
      return c;
    },
    requests,
    contractViolations,
    inject: (rule) => void rules.push({ ...rule, used: 0 }),
    stop: () => {
      server.closeAllConnections(); // hung requests included
      return new Promise((r) => server.close(() => r()));
    },
  };
}
