// TEST DOUBLE of the Cloud Native Buildpacks `pack` CLI. This is NOT pack and NOT the lifecycle.
// It exists so Strata's buildpack mode can be tested end to end on a machine with a Docker engine
// and a loopback registry but no Docker Hub (no real builder or lifecycle image can be pulled).
// Plain JS so it runs without a build step; `pack` (the sh shim next to this file) execs it.
//
// Implemented, faithfully where Strata depends on it:
//   pack --version | pack version        prints "0.40.6+test-double"
//   pack build <image>
//     --builder/-B <image>       a "builder image" with /cnb/buildpacks/<id with / as _>/<version>/
//                                {buildpack.toml,bin/detect,bin/build}, /cnb/order.toml and
//                                /cnb/run.toml ([[images]] image = ...) — see preparePackDouble()
//     --path/-p <dir>            the app (copied to /workspace, like pack)
//     --trust-builder            required: only the trusted (creator) flow is emulated. A bind cache
//                                without it fails as real pack does (buildpacks/pack#2450)
//     --cache "type=build;format=bind;source=<dir>"
//                                the lifecycle cache layout under <dir>/build-cache (pack appends
//                                /build-cache): committed/sha256:<diffID>.tar (uncompressed layer
//                                tars, normalized mtimes) + committed/io.buildpacks.lifecycle.cache.metadata
//                                (JSON buildpacks → layers → sha/data/build/launch/cache); written via
//                                staging → committed, so layers not produced by this build are
//                                dropped (stale entries deleted); everything chowned to 1000:1000
//     --pull-policy always|never|if-not-present   for the builder image (and run image metadata)
//     --publish                  push to the registry (else load into the engine)
//     --tag/-t, --env/-e (KEY=VAL or KEY), --run-image, --report-output-dir, --descriptor/-d
//   Detection: [[order]] groups in order, first passing group wins (all non-optional pass and at
//   least one passes); bin/detect exit 0 pass, 100 fail, other = error.
//   Restore: cache=true layers from the cache are extracted into /layers/<bp>/<layer> with their
//   <layer>.toml ([types] + [metadata]), so a buildpack can compare metadata and skip work.
//   Build: bin/build <layers> <platform> <plan> as uid/gid 1000:1000 (the builder's cnb user) in
//   /workspace, with CNB_LAYERS_DIR, CNB_PLATFORM_DIR, CNB_BP_PLAN_PATH, CNB_BUILDPACK_DIR and the
//   --env values both in <platform>/env/<KEY> and in the process env.
//   Export: a REAL image made with `docker buildx build`: FROM <run image> + one layer per launch
//   layer (ADD of the layer tar), labels io.buildpacks.lifecycle.metadata (runImage {topLayer,
//   reference, image}, buildpacks [{key, version, layers {name: {sha (the image's diffID), data,
//   build, launch, cache}}}]) and io.buildpacks.build.metadata (buildpacks, processes), ENTRYPOINT
//   from the default process of launch.toml. report.toml ([image] tags, digest + manifest-size when
//   published, image-id when loaded) goes to --report-output-dir.
//
// NOT implemented: the untrusted 5-phase flow, volume/image caches, --cache-image, launch cache,
// previous-image analysis (launch-only layers are never reused from the previous image), the
// build plan's provides/requires resolution, image extensions, SBOMs, the launcher/app/config
// layers (the app ships only inside buildpack launch layers), project.toml contents (--descriptor
// is only checked to exist), platform targets other than the engine's, every other command/flag.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseToml, stringify as stringifyToml } from 'smol-toml';

const VERSION = '0.40.6+test-double';
const CNB_UID = 1000;
const CNB_GID = 1000;
// The lifecycle normalizes layer mtimes so unchanged content gives the same diffID.
const NORMALIZED_MTIME = Date.UTC(1980, 0, 1, 0, 0, 1) / 1000;
const CACHE_METADATA = 'io.buildpacks.lifecycle.cache.metadata';

class PackError extends Error {}
/** Bad command line: pack reports these without the "failed to build" prefix. */
class UsageError extends PackError {}

function parseBuildArgs(argv) {
  const value = { '--builder': 'builder', '-B': 'builder', '--path': 'path', '-p': 'path', '--cache': 'cache',
    '--pull-policy': 'pullPolicy', '--run-image': 'runImage', '--report-output-dir': 'reportDir',
    '--descriptor': 'descriptor', '-d': 'descriptor',
    // Accepted like pack's; the double's images carry no creation time to set.
    '--creation-time': 'creationTime' };
  const repeated = { '--tag': 'tags', '-t': 'tags', '--env': 'env', '-e': 'env' };
  const bool = { '--trust-builder': 'trustBuilder', '--publish': 'publish' };
  const o = { tags: [], env: [], positional: [], pullPolicy: 'always', trustBuilder: false, publish: false };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline;
    if (arg.startsWith('--') && arg.includes('=')) [arg, inline] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
    const take = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new UsageError(`flag needs an argument: ${arg}`);
      return argv[++i];
    };
    if (arg in value) o[value[arg]] = take();
    else if (arg in repeated) o[repeated[arg]].push(take());
    else if (arg in bool) o[bool[arg]] = inline === undefined ? true : inline === 'true';
    else if (arg.startsWith('-')) throw new UsageError(`unknown flag: ${arg}`);
    else o.positional.push(arg);
  }
  if (o.positional.length !== 1) throw new UsageError(`accepts 1 arg(s), received ${o.positional.length}`);
  if (!o.builder) throw new UsageError('Please select a default builder with:\n\n\tpack config default-builder <builder-image>');
  if (!['always', 'never', 'if-not-present'].includes(o.pullPolicy)) throw new UsageError(`invalid pull policy ${o.pullPolicy}`);
  if (o.cache !== undefined) {
    const opts = Object.fromEntries(o.cache.split(';').map((kv) => kv.split('=').map((s) => s.trim())));
    if (opts.type !== 'build') throw new UsageError(`pack test double: only --cache type=build is implemented, got ${JSON.stringify(o.cache)}`);
    if (opts.format !== 'bind' || !opts.source) throw new UsageError(`pack test double: only --cache format=bind;source=<dir> is implemented, got ${JSON.stringify(o.cache)}`);
    o.cacheDir = join(resolve(opts.source), 'build-cache');
  }
  if (!o.trustBuilder) {
    if (o.cacheDir) throw new PackError('executing lifecycle: failed to create volume cache: stat /cache: no such file or directory');
    throw new UsageError('pack test double: only the trusted builder flow is implemented; pass --trust-builder');
  }
  if (o.descriptor !== undefined && !existsSync(o.descriptor)) throw new UsageError(`reading project descriptor: open ${o.descriptor}: no such file or directory`);
  o.image = o.positional[0];
  return o;
}

function sh(cmd, args, { input, inherit = false, allowFail = false } = {}) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', stdio: [input === undefined ? 'ignore' : 'pipe', inherit ? 'inherit' : 'pipe', inherit ? 'inherit' : 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new PackError(`running ${cmd}: ${r.error.message}`);
  if (r.status !== 0 && !allowFail) throw new PackError(`${cmd} ${args.slice(0, 3).join(' ')} failed (exit ${r.status}): ${(r.stderr || r.stdout || '').trim().split('\n').slice(-5).join('\n')}`);
  return r;
}

const log = (line) => process.stdout.write(`${line}\n`);

function ensureLocalImage(ref, policy) {
  const present = sh('docker', ['image', 'inspect', ref], { allowFail: true }).status === 0;
  if (policy === 'always' || (policy === 'if-not-present' && !present)) {
    log(`Pulling image ${ref}`);
    sh('docker', ['pull', '-q', ref]);
  } else if (!present) {
    throw new PackError(`image '${ref}' does not exist on the daemon: not found`);
  }
  return JSON.parse(sh('docker', ['image', 'inspect', ref]).stdout)[0];
}

const escapeId = (id) => id.replaceAll('/', '_');

/** An uncompressed ustar archive of `hostDir` stored under `archivePath`, with its parents. */
function layerTar(hostRoot, relPath) {
  const blocks = [];
  const header = (name, st, type, size, linkname = '') => {
    const h = Buffer.alloc(512);
    let prefix = '';
    if (Buffer.byteLength(name) > 100) {
      const cut = name.lastIndexOf('/', 154);
      prefix = name.slice(0, cut);
      name = name.slice(cut + 1);
      if (Buffer.byteLength(name) > 100 || cut < 0) throw new PackError(`path too long for the test double's tar writer: ${prefix}/${name}`);
    }
    const put = (s, off, len) => h.write(s, off, len, 'utf8');
    const oct = (n, off, len) => put(n.toString(8).padStart(len - 1, '0') + '\0', off, len);
    put(name, 0, 100); oct(st.mode & 0o7777, 100, 8); oct(st.uid, 108, 8); oct(st.gid, 116, 8);
    oct(size, 124, 12); oct(NORMALIZED_MTIME, 136, 12); put('        ', 148, 8); put(type, 156, 1);
    put(linkname, 157, 100); put('ustar\0', 257, 6); put('00', 263, 2); put(prefix, 345, 155);
    let sum = 0;
    for (const b of h) sum += b;
    put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
    blocks.push(h);
  };
  const walk = (rel) => {
    const abs = join(hostRoot, rel);
    const st = lstatSync(abs);
    if (st.isDirectory()) {
      header(`${rel}/`, st, '5', 0);
      for (const name of readdirSync(abs).sort()) walk(`${rel}/${name}`);
    } else if (st.isSymbolicLink()) {
      header(rel, st, '2', 0, readlinkSync(abs));
    } else if (st.isFile()) {
      const data = readFileSync(abs);
      header(rel, st, '0', data.length);
      blocks.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
    }
  };
  const parts = relPath.split('/');
  for (let i = 1; i < parts.length; i++) {
    const parent = parts.slice(0, i).join('/');
    header(`${parent}/`, lstatSync(join(hostRoot, parent)), '5', 0);
  }
  walk(relPath);
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function build(o) {
  const appDir = resolve(o.path ?? '.');
  if (!existsSync(appDir)) throw new PackError(`invalid app path '${o.path}'`);
  ensureLocalImage(o.builder, o.pullPolicy);

  const work = mkdtempSync(join(tmpdir(), 'pack-double-'));
  const dir = { workspace: join(work, 'workspace'), layers: join(work, 'layers'), platform: join(work, 'platform'), out: join(work, 'out') };
  for (const d of Object.values(dir)) mkdirSync(d, { recursive: true });
  cpSync(appDir, dir.workspace, { recursive: true });
  mkdirSync(join(dir.platform, 'env'));
  const env = o.env.map((e) => (e.includes('=') ? e : `${e}=${process.env[e] ?? ''}`));
  for (const e of env) writeFileSync(join(dir.platform, 'env', e.slice(0, e.indexOf('='))), e.slice(e.indexOf('=') + 1));
  if (o.cacheDir) mkdirSync(o.cacheDir, { recursive: true });

  const container = `pack-double-${process.pid}-${Date.now()}`;
  const mounts = ['-v', `${dir.workspace}:/workspace`, '-v', `${dir.layers}:/layers`, '-v', `${dir.platform}:/platform`, '-v', `${dir.out}:/out`];
  if (o.cacheDir) mounts.push('-v', `${o.cacheDir}:/cache`);
  sh('docker', ['run', '-d', '--name', container, ...mounts, '--entrypoint', 'sleep', o.builder, '3600']);
  const asRoot = (args, opts) => sh('docker', ['exec', ...(opts?.input !== undefined ? ['-i'] : []), container, ...args], opts);
  const asCnb = (args, opts = {}) =>
    sh('docker', ['exec', ...(opts.input !== undefined ? ['-i'] : []), '--user', `${CNB_UID}:${CNB_GID}`, '-w', '/workspace', ...(opts.env ?? []).flatMap((e) => ['-e', e]), container, ...args], opts);
  const writeAsCnb = (path, text) => asCnb(['sh', '-c', 'cat > "$1"', '-', path], { input: text });
  try {
    // Like the creator: chown what the buildpacks write to the cnb user, then drop privileges.
    asRoot(['chown', '-R', `${CNB_UID}:${CNB_GID}`, '/workspace', '/layers', '/platform', ...(o.cacheDir ? ['/cache'] : [])]);
    const order = parseToml(asRoot(['cat', '/cnb/order.toml']).stdout).order ?? [];
    const runToml = asRoot(['cat', '/cnb/run.toml'], { allowFail: true });
    const runImage = o.runImage ?? (runToml.status === 0 ? parseToml(runToml.stdout).images?.[0]?.image : undefined);
    if (!runImage) throw new PackError('run-image must be specified');

    log('===> DETECTING');
    const group = detect(order, asRoot, asCnb, env);
    for (const bp of group) log(`${bp.id} ${bp.version}`);

    log('===> RESTORING');
    const cacheMetaPath = o.cacheDir && join(o.cacheDir, 'committed', CACHE_METADATA);
    const cacheMeta = cacheMetaPath && existsSync(cacheMetaPath) ? JSON.parse(readFileSync(cacheMetaPath, 'utf8')) : { buildpacks: [] };
    for (const bp of group) {
      const cached = cacheMeta.buildpacks?.find((b) => b.key === bp.id);
      for (const [name, layer] of Object.entries(cached?.layers ?? {})) {
        if (!layer.cache) continue; // build-only / launch-only layers are never restored from the cache
        const tar = `/cache/committed/${layer.sha}.tar`;
        if (!existsSync(join(o.cacheDir, 'committed', `${layer.sha}.tar`))) continue;
        asCnb(['mkdir', '-p', `/layers/${escapeId(bp.id)}`]);
        log(`Restoring metadata for "${bp.id}:${name}" from cache`);
        writeAsCnb(`/layers/${escapeId(bp.id)}/${name}.toml`, stringifyToml({ types: { build: !!layer.build, launch: !!layer.launch, cache: true }, metadata: layer.data ?? {} }));
        log(`Restoring data for "${bp.id}:${name}" from cache`);
        asCnb(['tar', '-xf', tar, '-C', '/']);
      }
    }

    log('===> BUILDING');
    for (const bp of group) {
      const esc = escapeId(bp.id);
      asCnb(['mkdir', '-p', `/layers/${esc}`]);
      writeAsCnb(`/layers/plan-${esc}.toml`, '');
      const bpEnv = [`CNB_LAYERS_DIR=/layers/${esc}`, `CNB_PLATFORM_DIR=/platform`, `CNB_BP_PLAN_PATH=/layers/plan-${esc}.toml`, `CNB_BUILDPACK_DIR=${bp.dir}`, 'CNB_TARGET_OS=linux', ...env];
      const r = asCnb([`${bp.dir}/bin/build`, `/layers/${esc}`, '/platform', `/layers/plan-${esc}.toml`], { env: bpEnv, inherit: true, allowFail: true });
      if (r.status !== 0) throw new PackError(`executing lifecycle: failed with status code: 51 (buildpack ${bp.id} bin/build exited ${r.status})`);
    }

    log('===> EXPORTING');
    const layers = collectLayers(group, dir);
    if (o.cacheDir) exportCache(layers, dir, asRoot);
    exportImage(o, group, layers, runImage, dir);
  } finally {
    sh('docker', ['rm', '-f', container], { allowFail: true });
    rmSync(work, { recursive: true, force: true });
  }
}

function detect(order, asRoot, asCnb, env) {
  const results = [];
  for (const entry of order) {
    const group = [];
    for (const ref of entry.group ?? []) {
      const base = `/cnb/buildpacks/${escapeId(ref.id)}`;
      const version = ref.version ?? asRoot(['ls', base]).stdout.trim().split('\n')[0];
      group.push({ id: ref.id, version, optional: !!ref.optional, dir: `${base}/${version}` });
    }
    const passed = [];
    let ok = true;
    for (const bp of group) {
      const plan = `/layers/detect-plan-${escapeId(bp.id)}.toml`;
      const r = asCnb([`${bp.dir}/bin/detect`, '/platform', plan], { env: [`CNB_PLATFORM_DIR=/platform`, `CNB_BUILD_PLAN_PATH=${plan}`, `CNB_BUILDPACK_DIR=${bp.dir}`, ...env], allowFail: true });
      if (r.status === 0) passed.push(bp);
      else if (r.status === 100) ok = ok && bp.optional;
      else throw new PackError(`executing lifecycle: failed with status code: 21 (${bp.id} bin/detect exited ${r.status}: ${(r.stderr + r.stdout).trim()})`);
      results.push(`${r.status === 0 ? 'pass' : 'skip'}: ${bp.id}@${bp.version}`);
    }
    if (ok && passed.length > 0) return passed;
  }
  log('======== Results ========');
  for (const line of results) log(line);
  log('ERROR: No buildpack groups passed detection.');
  throw new PackError('executing lifecycle: failed with status code: 20');
}

function collectLayers(group, dir) {
  const layers = [];
  for (const bp of group) {
    const bpDir = join(dir.layers, escapeId(bp.id));
    if (!existsSync(bpDir)) continue;
    for (const file of readdirSync(bpDir).sort()) {
      if (!file.endsWith('.toml') || ['launch.toml', 'build.toml', 'store.toml'].includes(file)) continue;
      const name = file.slice(0, -'.toml'.length);
      const toml = parseToml(readFileSync(join(bpDir, file), 'utf8'));
      const types = { build: !!toml.types?.build, launch: !!toml.types?.launch, cache: !!toml.types?.cache };
      if (!types.launch && !types.cache) continue;
      if (!existsSync(join(bpDir, name))) throw new PackError(`layer "${bp.id}:${name}" has a ${file} but no directory`);
      const tar = layerTar(dir.layers + '/..', `layers/${escapeId(bp.id)}/${name}`);
      const sha = `sha256:${createHash('sha256').update(tar).digest('hex')}`;
      const file0 = `${escapeId(bp.id)}-${name}.tar`;
      writeFileSync(join(dir.out, file0), tar);
      layers.push({ bp, name, types, data: toml.metadata ?? {}, sha, file: file0 });
    }
  }
  return layers;
}

function layerMetadata(layers, bps, pick) {
  return bps.map((bp) => ({
    key: bp.id,
    version: bp.version,
    layers: Object.fromEntries(layers.filter((l) => l.bp === bp && pick(l)).map((l) => [l.name, { sha: l.shaInImage ?? l.sha, data: l.data, ...l.types }])),
  }));
}

function exportCache(layers, dir, asRoot) {
  const cached = layers.filter((l) => l.types.cache);
  const bps = [...new Set(cached.map((l) => l.bp))];
  writeFileSync(join(dir.out, 'cache-metadata.json'), JSON.stringify({ buildpacks: layerMetadata(cached, bps, () => true) }));
  const lines = ['set -e', 'cd /cache', 'rm -rf staging committed-backup', 'mkdir -p staging committed'];
  for (const l of cached) {
    lines.push(`if [ -f "committed/${l.sha}.tar" ]; then echo 'Reusing cache layer "${l.bp.id}:${l.name}"'; mv "committed/${l.sha}.tar" staging/;`
      + ` else echo 'Adding cache layer "${l.bp.id}:${l.name}"'; cp "/out/${l.file}" "staging/${l.sha}.tar"; fi`);
  }
  lines.push(`cp /out/cache-metadata.json staging/${CACHE_METADATA}`, 'mv committed committed-backup', 'mv staging committed', 'rm -rf committed-backup', `chown -R ${CNB_UID}:${CNB_GID} /cache`);
  process.stdout.write(asRoot(['sh', '-c', lines.join('\n')]).stdout);
}

function exportImage(o, group, layers, runImage, dir) {
  const runInfo = ensureLocalImage(runImage, o.pullPolicy === 'never' ? 'never' : 'if-not-present');
  const launch = layers.filter((l) => l.types.launch);
  const launchToml = group.flatMap((bp) => {
    const p = join(dir.layers, escapeId(bp.id), 'launch.toml');
    return existsSync(p) ? (parseToml(readFileSync(p, 'utf8')).processes ?? []).map((proc) => ({ ...proc, buildpackID: bp.id })) : [];
  });
  const defaultProcess = launchToml.filter((p) => p.default).at(-1) ?? launchToml[0];
  const dockerfile = [`FROM ${runImage}`, ...launch.map((l) => `ADD ${l.file} /`), 'ENV CNB_LAYERS_DIR=/layers CNB_APP_DIR=/workspace'];
  if (defaultProcess) dockerfile.push(`ENTRYPOINT ${JSON.stringify([...defaultProcess.command, ...(defaultProcess.args ?? [])])}`);
  writeFileSync(join(dir.out, 'Dockerfile'), dockerfile.join('\n') + '\n');
  writeFileSync(join(dir.out, '.dockerignore'), 'Dockerfile\n*.json\n');

  // Pass 1 learns the diffIDs the engine gives the layers (ADD re-diffs the tar, so they are not
  // the tar's sha); pass 2 is a cache hit that adds the labels naming those diffIDs.
  const probe = `pack-double-probe:${process.pid}-${Date.now()}`;
  const buildx = (extra) => {
    const r = sh('docker', ['buildx', 'build', '--provenance=false', ...extra, dir.out], { allowFail: true });
    if (r.status !== 0) throw new PackError(`exporting image: ${(r.stderr || r.stdout).trim().split('\n').slice(-8).join('\n')}`);
  };
  buildx(['--load', '-t', probe]);
  const diffIds = JSON.parse(sh('docker', ['image', 'inspect', probe]).stdout)[0].RootFS.Layers;
  sh('docker', ['image', 'rm', probe], { allowFail: true });
  const runLayerCount = diffIds.length - launch.length;
  launch.forEach((l, i) => { l.shaInImage = diffIds[runLayerCount + i]; });

  const runDigestRef = runInfo.RepoDigests?.find((d) => d.startsWith(`${runImage.replace(/[:@][^/]*$/, '')}@`)) ?? runInfo.RepoDigests?.[0];
  const lifecycleMetadata = {
    app: [], config: { sha: '' }, launcher: { sha: '' },
    buildpacks: layerMetadata(launch, group, () => true),
    runImage: { topLayer: diffIds[runLayerCount - 1], reference: o.publish ? runDigestRef ?? runImage : runInfo.Id, image: runImage },
    stack: { runImage: { image: runImage } },
  };
  const buildMetadata = {
    buildpacks: group.map((bp) => ({ id: bp.id, version: bp.version })),
    processes: launchToml.map((p) => ({ type: p.type, command: p.command, args: p.args ?? [], direct: true, buildpackID: p.buildpackID })),
    launcher: { version: VERSION, source: {} },
  };
  const tags = [o.image, ...o.tags];
  const meta = join(dir.out, 'metadata.json');
  log(`Saving ${o.image}...`);
  buildx([o.publish ? '--push' : '--load', ...tags.flatMap((t) => ['-t', t]), '--metadata-file', meta,
    '--label', `io.buildpacks.lifecycle.metadata=${JSON.stringify(lifecycleMetadata)}`,
    '--label', `io.buildpacks.build.metadata=${JSON.stringify(buildMetadata)}`]);
  const built = JSON.parse(readFileSync(meta, 'utf8'));

  const image = { tags };
  if (o.publish) {
    image.digest = built['containerimage.digest'];
    image['manifest-size'] = Number(built['containerimage.descriptor']?.size ?? 0);
  } else {
    image['image-id'] = JSON.parse(sh('docker', ['image', 'inspect', o.image]).stdout)[0].Id;
  }
  log(`*** Images (${(image.digest ?? image['image-id']).slice(7, 19)}):`);
  for (const t of tags) log(`      ${t}`);
  if (o.reportDir) {
    mkdirSync(o.reportDir, { recursive: true });
    writeFileSync(join(o.reportDir, 'report.toml'), stringifyToml({ image, build: {} }) + '\n');
  }
  log(`Successfully built image '${o.image}'`);
}

function main(argv) {
  if (argv[0] === '--version' || argv[0] === 'version') return log(VERSION);
  if (argv[0] !== 'build') throw new UsageError(`pack test double implements only "build" and "--version", not ${JSON.stringify(argv[0] ?? '')}`);
  build(parseBuildArgs(argv.slice(1)));
}

try {
  main(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof PackError)) throw err;
  process.stderr.write(err instanceof UsageError ? `ERROR: ${err.message}\n` : `ERROR: failed to build: ${err.message}\n`);
  process.exit(1);
}
