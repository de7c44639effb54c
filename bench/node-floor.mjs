// The floor under `strata report` in Node: the same eight registry requests as the CLI makes for
// two images and their base, in the same dependency order, over node:http with a keep-alive agent,
// each document hashed and parsed, and nothing else (no auth, retries, report). Plain JS, run by
// the bench as `node bench/node-floor.mjs IMAGE BASELINE` (references as `host/repo:tag`).
const http = process.getBuiltinModule('node:http');
const { createHash } = process.getBuiltinModule('node:crypto');
const agent = new http.Agent({ keepAlive: true });
const ACCEPT = 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json';

function request(url, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: { Accept: ACCEPT } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        if (res.statusCode !== 200) reject(new Error(`${method} ${url}: ${res.statusCode}`));
        else resolve({ body, digest: `sha256:${createHash('sha256').update(body).digest('hex')}`, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const split = (ref) => {
  const slash = ref.indexOf('/');
  const at = ref.lastIndexOf(':');
  return { host: ref.slice(0, slash), repo: ref.slice(slash + 1, at), tag: ref.slice(at + 1) };
};
const json = (r) => JSON.parse(r.body.toString('utf8'));

async function image(ref) {
  const { host, repo, tag } = split(ref);
  const manifest = json(await request(`http://${host}/v2/${repo}/manifests/${tag}`));
  const config = json(await request(`http://${host}/v2/${repo}/blobs/${manifest.config.digest}`));
  return { manifest, config };
}

const [current] = await Promise.all(process.argv.slice(2, 4).map(image));
const labels = current.config.config?.Labels ?? {};
const base = split(labels['org.opencontainers.image.base.name']);
const at = `http://${base.host}/v2/${base.repo}`;
const [baseManifest] = await Promise.all([
  request(`${at}/manifests/${labels['org.opencontainers.image.base.digest']}`).then(json),
  request(`${at}/manifests/${base.tag}`, 'HEAD'),
  request(`${at}/tags/list`).then(json),
]);
await request(`${at}/blobs/${baseManifest.config.digest}`).then(json);
agent.destroy();
