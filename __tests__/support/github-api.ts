// A loopback emulation of the part of the GitHub REST API the PR comment uses, for e2e tests in
// which the action runs as a child process (nock can't reach into it). Payloads follow GitHub's
// shapes (ids, node_id, html_url, user{login,type}, timestamps, Link pagination), and the token's
// identity behaves as GITHUB_TOKEN's does: GET /user is refused, comments are by github-actions[bot].
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: { login: string; id: number; type: 'Bot' | 'User' };
  created_at: string;
  updated_at: string;
  author_association: string;
}

export interface FakeGitHub {
  url: string;
  comments(issue: number): FakeComment[];
  seed(issue: number, body: string, login: string): FakeComment;
  readonly requests: Array<{ method: string; path: string; status: number; authorization?: string }>;
  stop(): Promise<void>;
}

const BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' as const };

export async function startFakeGitHub(opts: { owner: string; repo: string; perPageCap?: number; forbidComments?: boolean }): Promise<FakeGitHub> {
  const comments = new Map<number, FakeComment[]>();
  const requests: FakeGitHub['requests'] = [];
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
      user,
      created_at: now,
      updated_at: now,
      author_association: user.type === 'Bot' ? 'NONE' : 'MEMBER',
    };
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-github-request-id': 'FAKE:1', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const input = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as { body?: string }) : {};
    const prefix = `/repos/${opts.owner}/${opts.repo}`;
    const list = url.pathname.match(new RegExp(`^${prefix}/issues/(\\d+)/comments$`));
    const one = url.pathname.match(new RegExp(`^${prefix}/issues/comments/(\\d+)$`));
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
      return send(res, 201, c);
    }
    if (one && req.method === 'PATCH') {
      for (const all of comments.values()) {
        const c = all.find((x) => x.id === Number(one[1]));
        if (!c) continue;
        if (c.user.login !== BOT.login) return send(res, 403, { message: 'Must have admin rights to Repository.', status: '403' });
        c.body = input.body ?? c.body;
        c.updated_at = new Date().toISOString();
        return send(res, 200, c);
      }
      return send(res, 404, { message: 'Not Found', status: '404' });
    }
    return send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
  };

  const server = createServer((req, res) => {
    handle(req, res)
      .catch((e) => send(res, 500, { message: String(e) }))
      .finally(() => requests.push({ method: req.method ?? '', path: req.url ?? '', status: res.statusCode, authorization: req.headers.authorization }));
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
    stop: () => new Promise((r) => server.close(() => r())),
  };
}
