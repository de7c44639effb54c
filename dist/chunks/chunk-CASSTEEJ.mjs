import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  cacheKeyFor,
  classifyHit,
  saveKeyFor,
  selectCacheKeyFiles,
  slug
} from "./chunk-XEES7JCB.mjs";
import {
  CacheEntryExistsError
} from "./chunk-KZH7OWNJ.mjs";
import {
  chmod,
  lchown,
  lstat,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  writeFile
} from "./chunk-LN2W4AOD.mjs";
import {
  homedir
} from "./chunk-QYXCPXHB.mjs";
import {
  join
} from "./chunk-I2GFJFAX.mjs";

// src/cache/buildkit-local.ts
function buildkitLocalCacheEntries(dir, { restored = true } = {}) {
  if (dir === "" || /[,"]/.test(dir)) throw new Error(`BuildKit cache dir ${JSON.stringify(dir)} must be non-empty and contain no comma or quote`);
  return {
    // Without a restored cache there is nothing to import; BuildKit would only warn about it.
    cacheFrom: restored ? [`type=local,src=${dir}`] : [],
    cacheTo: [`type=local,dest=${newCacheDir(dir)},mode=max`]
  };
}
function newCacheDir(dir) {
  return `${dir.replace(/\/+$/, "")}-new`;
}
async function finalizeBuildkitLocalCache(dir, buildSucceeded) {
  const exported = newCacheDir(dir);
  if (!buildSucceeded) {
    await rm(exported, { recursive: true, force: true });
    return "discarded";
  }
  if (!await isDirectory(exported)) return "kept";
  await rm(dir, { recursive: true, force: true });
  await rename(exported, dir);
  return "replaced";
}
async function isDirectory(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

// src/cache/fingerprint.ts
var LIFECYCLE_CACHE_METADATA = "io.buildpacks.lifecycle.cache.metadata";
function lifecycleFingerprint(metadata, committedNames) {
  const layers = committedNames.filter((name) => name.endsWith(".tar")).sort();
  if (metadata === void 0 && layers.length === 0) return void 0;
  return JSON.stringify({ metadata: metadata ?? null, layers });
}
async function buildpackCacheFingerprint(dir) {
  for (const cacheDir of [dir, join(dir, "build-cache")]) {
    const committed = join(cacheDir, "committed");
    const names = await readdirIfExists(committed);
    if (names === void 0) continue;
    return lifecycleFingerprint(await readIfExists(join(committed, LIFECYCLE_CACHE_METADATA)), names);
  }
  return void 0;
}
async function buildkitCacheFingerprint(dir) {
  return readIfExists(join(dir, "index.json"));
}
async function readdirIfExists(dir) {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return void 0;
    throw error;
  }
}
async function readIfExists(path) {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (isMissing(error)) return void 0;
    throw error;
  }
}
function isMissing(error) {
  const code = error?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

// src/cache/ownership.ts
var OWNERSHIP_MANIFEST = ".strata-ownership.json";
function planOwnershipRepair(manifest, current) {
  const chown = /* @__PURE__ */ new Map();
  const chmodGroups = /* @__PURE__ */ new Map();
  for (const path of Object.keys(manifest).sort()) {
    const want = manifest[path];
    const have = current[path];
    if (!have) continue;
    if (want.uid !== have.uid || want.gid !== have.gid) push(chown, `${want.uid}:${want.gid}`, path);
    if (!want.symlink && want.mode !== have.mode) push(chmodGroups, want.mode.toString(8).padStart(4, "0"), path);
  }
  return {
    chown: [...chown].map(([owner, paths]) => ({ owner, paths })),
    chmod: [...chmodGroups].map(([mode, paths]) => ({ mode, paths }))
  };
}
function unreadableEntries(entries, user) {
  if (user.uid === 0) return [];
  return Object.keys(entries).filter((path) => {
    const e = entries[path];
    if (e.symlink) return false;
    const shift = e.uid === user.uid ? 6 : user.gids.includes(e.gid) ? 3 : 0;
    const bits = e.mode >> shift & 7;
    const isDir = (e.mode & 16384) !== 0;
    return isDir ? (bits & 5) !== 5 : (bits & 4) === 0;
  }).sort();
}
function repairCommands(dir, repair, asRoot, chunk = 200) {
  const commands = [];
  const add = (args, paths) => {
    for (let i = 0; i < paths.length; i += chunk) {
      const argv = [...args, "--", ...paths.slice(i, i + chunk).map((p) => p === "." ? dir : join(dir, p))];
      commands.push(asRoot ? [argv[0], argv.slice(1)] : ["sudo", ["-n", ...argv]]);
    }
  };
  for (const { owner, paths } of repair.chown) add(["chown", "-h", owner], paths);
  for (const { mode, paths } of repair.chmod) add(["chmod", mode], paths);
  return commands;
}
function parseFindOwnership(output) {
  const fields = output.split("\0");
  const manifest = {};
  for (let i = 0; i + 4 < fields.length; i += 5) {
    const [path, uid, gid, mode, type] = fields.slice(i, i + 5);
    const typeBits = type === "d" ? 16384 : 0;
    manifest[path === "" ? "." : path] = {
      uid: Number(uid),
      gid: Number(gid),
      mode: parseInt(mode, 8) | typeBits,
      ...type === "l" ? { symlink: true } : {}
    };
  }
  return manifest;
}
async function prepareCacheForSave(dir, deps) {
  const user = deps.user ?? currentUser();
  let entries;
  try {
    entries = await readOwnership(dir);
  } catch (error) {
    if (!isDenied(error) || user.uid === 0) return { ok: false, reason: `cannot read "${dir}": ${message(error)}` };
    const found = await deps.exec.run("sudo", ["-n", "find", dir, "-printf", "%P\\0%U\\0%G\\0%m\\0%y\\0"]);
    if (found.exitCode !== 0) {
      return { ok: false, reason: `cannot list "${dir}" as uid ${user.uid} and sudo -n failed: ${found.stderr.trim()}` };
    }
    entries = parseFindOwnership(found.stdout);
  }
  delete entries[OWNERSHIP_MANIFEST];
  const unreadable = unreadableEntries(entries, user);
  if (unreadable.length > 0) {
    const fixed = await deps.exec.run("sudo", ["-n", "chmod", "-R", "a+rX", "--", dir]);
    if (fixed.exitCode !== 0) {
      return {
        ok: false,
        reason: `${unreadable.length} cached entries are unreadable by uid ${user.uid} (e.g. "${unreadable[0]}") and sudo -n chmod failed: ${fixed.stderr.trim()}`
      };
    }
  }
  const manifest = stripTypeBits(entries);
  try {
    await writeFile(join(dir, OWNERSHIP_MANIFEST), JSON.stringify(manifest));
  } catch (error) {
    return { ok: false, reason: `cannot write "${join(dir, OWNERSHIP_MANIFEST)}": ${message(error)}` };
  }
  return { ok: true, manifest };
}
async function restoreOwnership(dir, deps) {
  const user = deps.user ?? currentUser();
  let manifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, OWNERSHIP_MANIFEST), "utf8"));
  } catch (error) {
    if (!isMissing2(error)) deps.logger.warning(`Cache ownership manifest in "${dir}" is unreadable: ${message(error)}`);
    return;
  }
  const repair = planOwnershipRepair(manifest, stripTypeBits(await readOwnership(dir)));
  const changed = new Set([...repair.chown, ...repair.chmod].flatMap((r) => r.paths)).size;
  const done = () => {
    if (changed > 0) deps.logger.info(`Cache files given back their builder's owners and modes (${changed} entries, uid ${user.uid} restored them).`);
  };
  if (user.uid === 0) {
    for (const { owner, paths } of repair.chown) {
      const [uid, gid] = owner.split(":").map(Number);
      for (const p of paths) await lchown(join(dir, p), uid, gid);
    }
    for (const { mode, paths } of repair.chmod) for (const p of paths) await chmod(join(dir, p), parseInt(mode, 8));
    return done();
  }
  for (const [command, args] of repairCommands(dir, repair, false)) {
    const result = await deps.exec.run(command, args);
    if (result.exitCode !== 0) {
      deps.logger.warning(
        `Could not restore owners and modes of the cache in "${dir}" (not root, and "sudo -n ${args.slice(1, 3).join(" ")}" failed: ${result.stderr.trim()}); the builder may not be able to reuse it.`
      );
      return;
    }
  }
  done();
}
async function readOwnership(dir) {
  const manifest = {};
  const visit = async (relative) => {
    const absolute = relative === "." ? dir : join(dir, relative);
    const stat2 = await lstat(absolute);
    manifest[relative] = {
      uid: stat2.uid,
      gid: stat2.gid,
      mode: stat2.mode & (4095 | 16384),
      ...stat2.isSymbolicLink() ? { symlink: true } : {}
    };
    if (!stat2.isDirectory()) return;
    for (const name of await readdir(absolute)) await visit(relative === "." ? name : join(relative, name));
  };
  await visit(".");
  return manifest;
}
function stripTypeBits(entries) {
  const out = {};
  for (const [path, e] of Object.entries(entries)) out[path] = { ...e, mode: e.mode & 4095 };
  return out;
}
function currentUser() {
  return { uid: process.getuid?.() ?? 0, gids: process.getgroups?.() ?? [] };
}
function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function isDenied(error) {
  const code = error?.code;
  return code === "EACCES" || code === "EPERM";
}
function isMissing2(error) {
  return error?.code === "ENOENT";
}
function message(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/cache/skip-save.ts
function decideCacheSave(input) {
  if (!input.buildSucceeded) return { save: false, reason: "build-failed" };
  if (input.fingerprintNow === void 0) return { save: false, reason: "nothing-to-save" };
  if (input.hit === "exact" && input.fingerprintAfterRestore === input.fingerprintNow) {
    return { save: false, reason: "unchanged" };
  }
  return { save: true };
}
function describeSkip(reason) {
  switch (reason) {
    case "build-failed":
      return "build failed, cache not saved";
    case "nothing-to-save":
      return "no build cache to save";
    case "unchanged":
      return "cache unchanged, nothing uploaded";
  }
}

// src/cache/persist.ts
async function restoreBuildCache(args) {
  const { store, logger, keys } = args;
  if (!store.isAvailable()) {
    logger.info("No Actions cache service in this environment; building without a restored cache.");
    return { hit: "miss" };
  }
  let matchedKey;
  try {
    matchedKey = await store.restore(args.paths, keys.primary, keys.restoreKeys, "archive");
  } catch (error) {
    await args.discard().catch((e) => logger.warning(`Could not remove a partly restored build cache: ${messageOf(e)}`));
    logger.warning(`Build cache not restored, building without it: ${messageOf(error)}`);
    return { hit: "miss" };
  }
  const hit = classifyHit(keys.primary, matchedKey);
  if (matchedKey === void 0) {
    logger.info(`No build cache found for "${keys.primary}" or its restore keys.`);
    return { hit };
  }
  let fingerprint;
  let unreadable = false;
  try {
    fingerprint = await args.fingerprint();
  } catch (error) {
    unreadable = true;
    logger.warning(`Could not fingerprint the restored build cache: ${messageOf(error)}`);
  }
  if (!unreadable && fingerprint === void 0) {
    logger.warning(
      `Build cache "${matchedKey}" was restored, but not where the build reads it (was it saved by a job with another $HOME?): building without it.`
    );
    return { hit: "miss" };
  }
  logger.info(`Build cache restored from "${matchedKey}" (${hit} hit).`);
  if (args.afterRestore) await attempt(logger, "Could not finish restoring the build cache", args.afterRestore);
  return { hit, matchedKey, ...fingerprint === void 0 ? {} : { fingerprint } };
}
async function saveBuildCache(args) {
  const { store, logger } = args;
  const skip = (reason, key2) => {
    logger.info(reason.charAt(0).toUpperCase() + reason.slice(1) + ".");
    return { saved: false, bytes: 0, reason, ...key2 === void 0 ? {} : { key: key2 } };
  };
  if (args.cancelled) return skip("the build was cancelled, cache not saved");
  if (!args.buildSucceeded) return skip(describeSkip("build-failed"));
  if (!store.isAvailable()) return skip("no Actions cache service in this environment, cache not saved");
  if (args.beforeSave) {
    const ready = await attempt(logger, "Could not prepare the build cache for saving", args.beforeSave);
    if (!ready?.ok) {
      const reason = `build cache not saved: ${ready ? ready.reason : "preparing it failed"}`;
      if (ready) logger.warning(reason.charAt(0).toUpperCase() + reason.slice(1));
      return { saved: false, bytes: 0, reason };
    }
  }
  let fingerprintNow;
  try {
    fingerprintNow = await args.fingerprint();
  } catch (error) {
    const reason = `build cache not saved: cannot read it (${messageOf(error)})`;
    logger.warning(reason.charAt(0).toUpperCase() + reason.slice(1));
    return { saved: false, bytes: 0, reason };
  }
  const decision = decideCacheSave({
    buildSucceeded: true,
    hit: args.restored.hit,
    fingerprintAfterRestore: args.restored.fingerprint,
    fingerprintNow
  });
  if (!decision.save) return skip(describeSkip(decision.reason), args.restored.matchedKey);
  const key = saveKeyFor(args.keys.primary, fingerprintNow);
  try {
    const bytes = await store.save(args.paths, key, "archive");
    logger.info(`Build cache saved as "${key}" (${bytes} bytes uploaded).`);
    return { saved: true, bytes, key, reason: "saved" };
  } catch (error) {
    if (error instanceof CacheEntryExistsError) return skip(`build cache "${key}" already exists, nothing uploaded`, key);
    const reason = `build cache not saved (the build is unaffected): ${messageOf(error)}`;
    logger.warning(reason.charAt(0).toUpperCase() + reason.slice(1));
    return { saved: false, bytes: 0, key, reason };
  }
}
async function attempt(logger, what, fn) {
  try {
    return await fn();
  } catch (error) {
    logger.warning(`${what}: ${messageOf(error)}`);
    return void 0;
  }
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/cache/build-cache.ts
function buildCacheSpec(opts) {
  const keys = cacheKeyFor({ os: opts.os, arch: opts.arch, subject: opts.subject, lockfiles: opts.lockfiles });
  const kind = opts.subject.mode === "buildpack" ? "buildpack" : "buildkit-local";
  const name = slug(keys.restoreKeys[0].replace(/-$/, "").replace(/[^a-zA-Z0-9._@+-]+/g, "_"), 200);
  const relative = `.cache/strata/${kind}/${name}`;
  return { kind, path: `~/${relative}`, dir: join(opts.home, relative), keys };
}
async function readCacheKeyFiles(files, context, mode) {
  const names = selectCacheKeyFiles(await files.list(context), mode);
  const entries = await Promise.all(names.map(async (n) => [n, await files.read(join(context, n)) ?? ""]));
  return Object.fromEntries(entries);
}
function runnerPlatform(env) {
  return {
    os: env.RUNNER_OS ?? process.platform,
    arch: env.RUNNER_ARCH ?? process.arch,
    home: env.HOME || homedir()
  };
}
function fingerprintOf(spec) {
  return () => spec.kind === "buildpack" ? buildpackCacheFingerprint(spec.dir) : buildkitCacheFingerprint(spec.dir);
}
async function restoreForBuild(spec, deps) {
  return restoreBuildCache({
    store: deps.store,
    logger: deps.logger,
    paths: [spec.path],
    keys: spec.keys,
    fingerprint: fingerprintOf(spec),
    // Only the lifecycle's files belong to another user (the builder's); BuildKit's are ours.
    afterRestore: spec.kind === "buildpack" ? () => restoreOwnership(spec.dir, deps) : void 0,
    discard: () => rm(spec.dir, { recursive: true, force: true })
  });
}
async function settleAfterBuild(spec, buildSucceeded) {
  if (spec.kind === "buildkit-local") await finalizeBuildkitLocalCache(spec.dir, buildSucceeded);
}
async function saveAfterBuild(state, buildSucceeded, deps, cancelled = false) {
  const { spec } = state;
  return saveBuildCache({
    store: deps.store,
    logger: deps.logger,
    paths: [spec.path],
    keys: spec.keys,
    buildSucceeded,
    cancelled,
    restored: state.restored,
    fingerprint: fingerprintOf(spec),
    beforeSave: spec.kind === "buildpack" ? () => prepareCacheForSave(spec.dir, deps) : void 0
  });
}

export {
  buildkitLocalCacheEntries,
  buildCacheSpec,
  readCacheKeyFiles,
  runnerPlatform,
  restoreForBuild,
  settleAfterBuild,
  saveAfterBuild
};
