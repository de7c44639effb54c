import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  GitHubUnavailableError
} from "./chunk-YIEFQHNB.mjs";
import {
  digestOf,
  familiarReference,
  isImageManifestMediaType,
  parseReference,
  repositoryOf,
  tagOf,
  toReference
} from "./chunk-EX3PM73Y.mjs";
import {
  InputError
} from "./chunk-SN3XPCMD.mjs";
import {
  findPlatform,
  imagePlatforms,
  platformKey,
  platformString,
  samePlatform
} from "./chunk-W76PVC6K.mjs";

// src/build/tags.ts
var TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
function sanitizeTag(name) {
  return name.replace(/[^a-zA-Z0-9._-]+/g, "-").replace(/^[.-]+/, "").slice(0, 128);
}
var SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
function semverTags(tag) {
  const m = SEMVER.exec(tag);
  if (!m) return void 0;
  const [, major, minor, patch, pre] = m;
  if (pre !== void 0) return { names: [`${major}.${minor}.${patch}-${pre}`], stable: false };
  return { names: [`${major}.${minor}.${patch}`, `${major}.${minor}`, major], stable: true };
}
function defaultTagNames(github, tagLatest = "auto") {
  const names = [];
  let latest = false;
  if (github.pullRequest) {
    names.push(`pr-${github.pullRequest.number}`);
  } else if (github.ref.startsWith("refs/heads/")) {
    const branch = github.ref.slice("refs/heads/".length);
    names.push(sanitizeTag(branch));
    latest = github.defaultBranch !== void 0 && branch === github.defaultBranch;
  } else if (github.ref.startsWith("refs/tags/")) {
    const tag = github.ref.slice("refs/tags/".length);
    const semver = semverTags(tag);
    names.push(...semver?.names ?? [sanitizeTag(tag)]);
    latest = semver?.stable === true;
  }
  if (tagLatest === "true" || tagLatest === "auto" && latest) names.push("latest");
  const sha = github.pullRequest?.headSha ?? github.sha;
  if (sha) names.push(`sha-${sha.slice(0, 7)}`);
  return names.filter((n) => n.length > 0);
}
function baseBranchTag(image, github) {
  return github.pullRequest ? `${image}:${sanitizeTag(github.pullRequest.baseRef)}` : void 0;
}
function resolveTags(image, entries, github, tagLatest = "auto") {
  const names = entries.length > 0 ? entries : defaultTagNames(github, tagLatest);
  const refs = [];
  for (const entry of names) {
    if (entry.includes(":") || entry.includes("/")) {
      refs.push(entry);
      continue;
    }
    if (!TAG.test(entry)) {
      throw new InputError(
        "tags",
        entry,
        "a tag may hold letters, digits, _ . and -, must not start with . or -, and is at most 128 characters."
      );
    }
    refs.push(`${image}:${entry}`);
  }
  if (refs.length === 0) {
    refs.push(`${image}:latest`);
  }
  return [...new Set(refs)];
}

// src/build/lifecycle-log.ts
var LIFECYCLE_LAYER = /^buildpacksio\/lifecycle:/;
function parseLifecycleLog(output) {
  const restored = /* @__PURE__ */ new Set();
  const reused = /* @__PURE__ */ new Set();
  const added = /* @__PURE__ */ new Set();
  let previousImageFound = true;
  let analyzed = false;
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "").trim();
    let m;
    if (/^===> ANALYZING$/.test(line)) analyzed = true;
    else if (/^(Previous image|Image) with name ".*" not found$/.test(line)) previousImageFound = false;
    else if (m = /^Restoring data for "([^"]+)" from cache$/.exec(line)) restored.add(m[1]);
    else if ((m = /^Reusing layer '([^']+)'$/.exec(line)) && !LIFECYCLE_LAYER.test(m[1])) reused.add(m[1]);
    else if ((m = /^Adding layer '([^']+)'$/.exec(line)) && !LIFECYCLE_LAYER.test(m[1])) added.add(m[1]);
  }
  return {
    restoredFromCache: [...restored],
    reused: [...reused],
    added: [...added],
    previousImageFound: analyzed && previousImageFound
  };
}
function describeLayerReuse(reuse, previousImage) {
  const total2 = reuse.reused.length + reuse.added.length;
  const list = (names) => names.map((n) => `\`${n.replaceAll("`", "'")}\``).join(", ");
  const parts = [`${reuse.reused.length} of ${total2} buildpack layer${total2 === 1 ? "" : "s"} reused${reuse.reused.length ? ` (${list(reuse.reused)})` : ""}`];
  if (reuse.added.length) parts.push(`rebuilt: ${list(reuse.added)}`);
  parts.push(reuse.restoredFromCache.length ? `restored from the layer cache: ${list(reuse.restoredFromCache)}` : "nothing restored from the layer cache");
  parts.push(previousImage && reuse.previousImageFound ? `previous image ${previousImage}` : "no previous image");
  return parts.join("; ");
}

// src/image/labels.ts
var OCI_BASE_NAME = "org.opencontainers.image.base.name";
var OCI_BASE_DIGEST = "org.opencontainers.image.base.digest";
var LIFECYCLE_METADATA_LABEL = "io.buildpacks.lifecycle.metadata";
function recordedBase(annotations, labels) {
  const annotated = annotations?.[OCI_BASE_NAME]?.trim();
  if (annotated) {
    const digest = annotations?.[OCI_BASE_DIGEST]?.trim();
    return { name: annotated, ...digest ? { digest } : {}, from: "annotations" };
  }
  const labelled = labels?.[OCI_BASE_NAME]?.trim();
  if (labelled) {
    const digest = labels?.[OCI_BASE_DIGEST]?.trim();
    return { name: labelled, ...digest ? { digest } : {}, from: "labels" };
  }
  return void 0;
}
function baseAnnotations(base) {
  if (!base?.digest) return [];
  return [`${OCI_BASE_NAME}=${base.name.split("@")[0]}`, `${OCI_BASE_DIGEST}=${base.digest}`];
}
function runImageFromLabel(label) {
  if (!label) return {};
  let parsed;
  try {
    parsed = JSON.parse(label);
  } catch {
    return {};
  }
  const runImage = parsed["runImage"] ?? {};
  const stack = parsed["stack"]?.["runImage"] ?? {};
  const s = (v) => typeof v === "string" && v !== "" ? v : void 0;
  return { image: s(runImage["image"]) ?? s(stack["image"]), reference: s(runImage["reference"]), topLayer: s(runImage["topLayer"]) };
}
function namedBase(annotations, labels) {
  const recorded = recordedBase(annotations, labels);
  if (recorded) return { kind: "recorded", ...recorded };
  const run = runImageFromLabel(labels?.[LIFECYCLE_METADATA_LABEL]);
  return run.image || run.reference || run.topLayer ? { kind: "run-image", run } : void 0;
}

// src/compare/attribution.ts
function originLabel(origin) {
  switch (origin.kind) {
    case "base":
      return `base image ${origin.reference}`;
    case "instruction":
      return origin.instruction;
    case "buildpack":
      return `${origin.buildpack} \u203A ${origin.layer}`;
    case "lifecycle":
      return `buildpacks ${origin.layer}`;
    case "unknown":
      return "unattributed layer";
  }
}
function cleanCreatedBy(createdBy) {
  let text = createdBy.trim();
  text = text.replace(/\s*#\s*buildkit\s*$/, "");
  const nop = /^\/bin\/sh -c #\(nop\)\s*/.exec(text);
  if (nop) return collapse(text.slice(nop[0].length));
  let prefix = "";
  const run = /^RUN\s+/.exec(text);
  if (run) {
    prefix = "RUN ";
    text = text.slice(run[0].length);
  }
  const args = /^\|(\d+)\s+/.exec(text);
  if (args) {
    text = text.slice(args[0].length);
    const shell = /(?:^|\s)(\/bin\/(?:ba)?sh -c |cmd \/S \/C )/.exec(text);
    text = shell ? text.slice(shell.index + shell[0].length - shell[1].length) : text.split(/\s+/).slice(Number(args[1])).join(" ");
    prefix = "RUN ";
  }
  const sh = /^\/bin\/(?:ba)?sh -c\s+/.exec(text);
  if (sh) {
    text = text.slice(sh[0].length);
    prefix = "RUN ";
  }
  return collapse(prefix + text);
}
function collapse(text) {
  return text.replace(/\s+/g, " ").trim();
}
function lifecycleMetadata(image) {
  const raw = image.labels[LIFECYCLE_METADATA_LABEL];
  if (!raw) return void 0;
  try {
    const parsed = JSON.parse(raw);
    return parsed && typeof parsed === "object" ? parsed : void 0;
  } catch {
    return void 0;
  }
}
function baseLayersFrom(use, image, base) {
  let count2 = 0;
  for (const baseLayer of base.layers) {
    const layer = image.layers[count2];
    if (!layer || !sameLayer(layer, baseLayer)) break;
    count2++;
  }
  return { reference: use.reference, layerCount: count2 };
}
function sameLayer(a, b) {
  if (a.diffId && b.diffId) return a.diffId === b.diffId;
  return a.digest === b.digest;
}
function attributeLayers(image, base) {
  const lifecycle = lifecycleMetadata(image);
  if (lifecycle) return attributeBuildpackLayers(image, lifecycle, base);
  const layered = image.history.filter((h) => !h.emptyLayer);
  const offset = layered.length - image.layers.length;
  const baseCount = Math.min(base?.layerCount ?? 0, image.layers.length);
  return image.layers.map((layer, index) => {
    if (base && index < baseCount) return { ...layer, index, origin: { kind: "base", reference: base.reference } };
    const entry = layered[index + offset];
    const createdBy = entry?.createdBy ? cleanCreatedBy(entry.createdBy) : "";
    const origin = createdBy ? { kind: "instruction", instruction: createdBy } : { kind: "unknown" };
    return { ...layer, index, origin };
  });
}
function attributeBuildpackLayers(image, meta, base) {
  const bySha = /* @__PURE__ */ new Map();
  for (const bp of meta.buildpacks ?? []) {
    const id = bp.key ?? "buildpack";
    const name = bp.version ? `${id}@${bp.version}` : id;
    for (const [layerName, layer] of Object.entries(bp.layers ?? {})) {
      if (layer?.sha) bySha.set(layer.sha, { kind: "buildpack", buildpack: name, layer: layerName });
    }
  }
  const apps = Array.isArray(meta.app) ? meta.app : meta.app ? [meta.app] : [];
  for (const app of apps) if (app.sha) bySha.set(app.sha, { kind: "lifecycle", layer: "app" });
  for (const key of ["config", "launcher", "process-types", "sbom", "extend"]) {
    const sha = meta[key]?.sha;
    if (sha) bySha.set(sha, { kind: "lifecycle", layer: key });
  }
  const runImageRef = base?.reference ?? meta.runImage?.image ?? meta.stack?.runImage?.image ?? "run image";
  let baseCount = base?.layerCount;
  if (baseCount === void 0 && meta.runImage?.topLayer) {
    const top = image.layers.findIndex((l) => (l.diffId ?? l.digest) === meta.runImage.topLayer);
    if (top >= 0) baseCount = top + 1;
  }
  return image.layers.map((layer, index) => {
    if (baseCount !== void 0 && index < baseCount) {
      return { ...layer, index, origin: { kind: "base", reference: runImageRef } };
    }
    const origin = bySha.get(layer.diffId ?? "") ?? bySha.get(layer.digest) ?? { kind: "unknown" };
    return { ...layer, index, origin };
  });
}

// src/compare/diff.ts
function compareImages(input) {
  const { current, baseline } = input;
  const currentSide = side(current);
  if (!baseline) {
    return {
      status: "no-baseline",
      reason: input.noBaselineReason ?? "no baseline image to compare with",
      current: currentSide,
      platforms: listOnly(current, input.currentBases)
    };
  }
  if (baseline.sizeKind !== current.sizeKind) {
    return {
      status: "incomparable",
      reason: `the baseline ${baseline.reference} has ${baseline.sizeKind} sizes (read from the ${baseline.source}) and this image has ${current.sizeKind} sizes (read from the ${current.source}); sizes of different kinds cannot be subtracted`,
      current: currentSide,
      baseline: side(baseline),
      platforms: listOnly(current, input.currentBases)
    };
  }
  const platforms = [];
  const baselineByKey = new Map(imagePlatforms(baseline).map((p) => [platformKey(p.platform), p]));
  for (const image of imagePlatforms(current)) {
    const key = platformKey(image.platform);
    const before = baselineByKey.get(key);
    baselineByKey.delete(key);
    const now = attributeLayers(image, baseFor(input.currentBases, image.platform));
    if (!before) {
      platforms.push({ ...onlyOneSide(image.platform, now, "added") });
      continue;
    }
    const then = attributeLayers(before, baseFor(input.baselineBases, before.platform));
    const currentSize = total(now);
    const baselineSize = total(then);
    platforms.push({
      platform: image.platform,
      presence: "both",
      baselineSize,
      currentSize,
      delta: currentSize - baselineSize,
      deltaPercent: percent(currentSize - baselineSize, baselineSize),
      changes: diffLayers(then, now)
    });
  }
  for (const before of baselineByKey.values()) {
    const then = attributeLayers(before, baseFor(input.baselineBases, before.platform));
    platforms.push(onlyOneSide(before.platform, then, "removed"));
  }
  return { status: "compared", current: currentSide, baseline: side(baseline), platforms };
}
function side(summary) {
  return { reference: summary.reference, digest: summary.digest, source: summary.source, sizeKind: summary.sizeKind };
}
function baseFor(bases, platform) {
  if (!bases) return void 0;
  for (const [key, value] of Object.entries(bases)) {
    if (key !== "*" && samePlatform(key, platform)) return value;
  }
  return bases["*"];
}
function listOnly(summary, bases) {
  return imagePlatforms(summary).map(
    (image) => onlyOneSide(image.platform, attributeLayers(image, baseFor(bases, image.platform)), "added")
  );
}
function onlyOneSide(platform, layers, presence) {
  const size2 = total(layers);
  const changes = aggregateBase(
    layers.map((l) => {
      const s = { index: l.index, digests: [l.digest], size: l.size };
      return presence === "added" ? { status: "added", origin: l.origin, current: s, delta: l.size } : { status: "removed", origin: l.origin, baseline: s, delta: -l.size };
    })
  );
  return presence === "added" ? { platform, presence, currentSize: size2, changes } : { platform, presence, baselineSize: size2, changes };
}
function total(layers) {
  return layers.reduce((sum3, l) => sum3 + l.size, 0);
}
function percent(delta, of) {
  return of ? delta / of * 100 : void 0;
}
function pairingKey(origin) {
  return origin.kind === "base" ? "base" : `${origin.kind}:${originLabel(origin)}`;
}
function diffLayers(baseline, current) {
  const byDigest = /* @__PURE__ */ new Map();
  for (const layer of baseline) byDigest.set(layer.digest, [...byDigest.get(layer.digest) ?? [], layer]);
  const pairs = [];
  const used = /* @__PURE__ */ new Set();
  const unmatched = [];
  for (const after of current) {
    const before = byDigest.get(after.digest)?.shift();
    if (before) {
      used.add(before);
      pairs.push({ before, after });
    } else {
      unmatched.push(after);
    }
  }
  const leftByKey = /* @__PURE__ */ new Map();
  for (const before of baseline) {
    if (used.has(before)) continue;
    const key = pairingKey(before.origin);
    leftByKey.set(key, [...leftByKey.get(key) ?? [], before]);
  }
  for (const after of unmatched) {
    const before = leftByKey.get(pairingKey(after.origin))?.shift();
    if (before) used.add(before);
    pairs.push({ before, after });
  }
  for (const before of baseline) if (!used.has(before)) pairs.push({ before });
  const positionOfBaseline = /* @__PURE__ */ new Map();
  for (const p of pairs) if (p.before && p.after) positionOfBaseline.set(p.before.index, p.after.index);
  const position = (p) => {
    if (p.after) return p.after.index;
    for (let i = p.before.index - 1; i >= 0; i--) {
      const at = positionOfBaseline.get(i);
      if (at !== void 0) return at + 0.5;
    }
    return -0.5;
  };
  const ordered = pairs.map((p, order) => ({ p, at: position(p), order })).sort((a, b) => a.at - b.at || a.order - b.order).map(({ p }) => toChange(p.before, p.after));
  return aggregateBase(ordered);
}
function toChange(before, after) {
  const sideOf = (l) => ({ index: l.index, digests: [l.digest], size: l.size });
  if (before && after) {
    const delta = after.size - before.size;
    const status = before.digest === after.digest ? "unchanged" : "changed";
    const change2 = { status, origin: after.origin, baseline: sideOf(before), current: sideOf(after), delta };
    if (status === "changed") change2.deltaPercent = percent(delta, before.size);
    if (originLabel(before.origin) !== originLabel(after.origin)) change2.baselineOrigin = before.origin;
    return change2;
  }
  if (after) return { status: "added", origin: after.origin, current: sideOf(after), delta: after.size };
  return { status: "removed", origin: before.origin, baseline: sideOf(before), delta: -before.size };
}
function aggregateBase(changes) {
  const isBase = (c) => c.origin.kind === "base" || c.baselineOrigin?.kind === "base";
  const base = changes.filter(isBase);
  if (base.length === 0) return changes;
  const merge = (sides) => {
    const present = sides.filter((s) => s !== void 0);
    if (present.length === 0) return void 0;
    return {
      index: Math.min(...present.map((s) => s.index)),
      digests: present.flatMap((s) => s.digests),
      size: present.reduce((sum3, s) => sum3 + s.size, 0)
    };
  };
  const baseline = merge(base.map((c) => c.baseline));
  const current = merge(base.map((c) => c.current));
  const delta = (current?.size ?? 0) - (baseline?.size ?? 0);
  const status = base.every((c) => c.status === "unchanged") ? "unchanged" : baseline && current ? "changed" : current ? "added" : "removed";
  const currentOrigin = base.find((c) => c.current && c.origin.kind === "base")?.origin;
  const baselineOrigin = base.map((c) => c.baselineOrigin ?? (c.baseline ? c.origin : void 0)).find((o) => o?.kind === "base");
  const merged = { status, origin: currentOrigin ?? baselineOrigin ?? base[0].origin, delta };
  if (baseline) merged.baseline = baseline;
  if (current) merged.current = current;
  if (status === "changed") merged.deltaPercent = percent(delta, baseline?.size);
  if (currentOrigin && baselineOrigin && originLabel(currentOrigin) !== originLabel(baselineOrigin)) {
    merged.baselineOrigin = baselineOrigin;
  }
  const first = changes.indexOf(base[0]);
  const rest = changes.filter((c) => !isBase(c));
  rest.splice(first, 0, merged);
  return rest;
}

// src/compare/tag-flavour.ts
var TAG2 = /^(?<prefix>(?:.*?[^\d.])??)(?<version>\d+(?:\.\d+)*)(?<pre>(?:a|b|rc|alpha|beta|pre|preview|dev)\.?\d*|-(?:alpha|beta|rc|pre|preview|dev|snapshot|nightly|canary)(?:[.-]?\d+)*(?=$|[-_]))?(?<suffix>[-_+].*)?$/i;
function parseTag(tag) {
  const m = TAG2.exec(tag);
  if (!m?.groups) return void 0;
  const { prefix = "", version = "", pre, suffix = "" } = m.groups;
  if (prefix !== "" && !/(?:^v|[-_.])$/i.test(prefix)) return void 0;
  const parts = version.split(".");
  const parsed = {
    tag,
    prefix,
    numbers: parts.map(Number),
    widths: parts.map((p) => p.length),
    suffix
  };
  if (pre) parsed.prerelease = pre.replace(/^-/, "");
  if (/(?:^|[-_.])(?:alpha|beta|rc|pre|preview|dev|snapshot|nightly|canary)(?:$|[-_.\d])/i.test(suffix)) {
    parsed.prerelease = suffix.replace(/^[-_+]/, "");
  }
  return parsed;
}
function compareVersions(a, b) {
  const length = Math.max(a.numbers.length, b.numbers.length);
  for (let i = 0; i < length; i++) {
    const diff = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
function sameFlavour(a, b) {
  if (a.prefix !== b.prefix || a.suffix.toLowerCase() !== b.suffix.toLowerCase()) return false;
  if (a.numbers.length !== b.numbers.length) return false;
  const dateLike = (w) => w >= 6;
  return a.widths.every((w, i) => dateLike(w) === dateLike(b.widths[i]) && (!dateLike(w) || w === b.widths[i]));
}
function newerTags(current, allTags) {
  const base = parseTag(current);
  if (!base || base.prerelease !== void 0) return void 0;
  const candidates = allTags.map(parseTag).filter((t) => t !== void 0 && t.prerelease === void 0).filter((t) => sameFlavour(base, t) && compareVersions(t, base) > 0).sort((a, b) => compareVersions(b, a) || a.tag.localeCompare(b.tag));
  const unique = (tags) => [...new Set(tags.map((t) => t.tag))];
  return {
    // With one number there is no minor to move to: node:20 -> node:22 is a major.
    minor: unique(candidates.filter((t) => base.numbers.length > 1 && t.numbers[0] === base.numbers[0])),
    major: unique(candidates.filter((t) => base.numbers.length === 1 || t.numbers[0] !== base.numbers[0]))
  };
}

// src/compare/freshness.ts
function unresolvedFreshness(u) {
  return {
    use: { reference: "unresolved", stage: u.stage, runtime: u.runtime, line: u.line, ...u.file ? { file: u.file } : {} },
    verdict: "unresolved",
    findings: ["unresolved"],
    reasons: [`${u.reason}; set the build arg to have it checked`]
  };
}
var DAY_MS = 864e5;
var FIXED_DATE_BEFORE = Date.UTC(2e3, 0, 1);
function shortDigest(digest) {
  const [algorithm, hex = ""] = digest.split(":");
  return hex ? `${algorithm}:${hex.slice(0, 12)}` : digest;
}
function isStale(freshness) {
  return freshness.verdict === "tag-moved" || freshness.verdict === "newer-version" || freshness.verdict === "too-old";
}
function assessBases(facts, options) {
  return facts.map((f) => assessBase(f, options));
}
function assessBase(facts, options) {
  const { use } = facts;
  const tag = tagOf(use.reference);
  const pinned = digestOf(use.reference);
  const builtFrom = use.digest ?? pinned;
  const findings = [];
  const reasons = [];
  const result = { use, verdict: "unknown", findings, reasons };
  if (builtFrom) result.builtFrom = builtFrom;
  if (facts.currentDigest) result.currentDigest = facts.currentDigest;
  let checked = false;
  const tagRef = tag ? use.reference.split("@")[0] : void 0;
  if (tagRef && facts.currentDigest && builtFrom) {
    checked = true;
    const same = facts.currentDigest === builtFrom || (facts.currentPlatformDigests ?? []).includes(builtFrom);
    if (!same) {
      findings.push("tag-moved");
      const fix = pinned ? "update the pinned digest to pick it up" : "a rebuild without cache picks it up";
      reasons.push(
        `tag ${tagRef} now points to ${shortDigest(facts.currentDigest)} (built from ${shortDigest(builtFrom)}) \u2014 ${fix}`
      );
    }
  }
  if (tag && facts.tags) {
    const newer = newerTags(tag, facts.tags);
    if (newer) {
      checked = true;
      result.newer = newer;
      if (newer.minor.length > 0) {
        findings.push("newer-version");
        const also = newer.minor.length > 1 ? ` (also ${newer.minor.slice(1, 4).join(", ")}${newer.minor.length > 4 ? ", \u2026" : ""})` : "";
        reasons.push(`${newer.minor[0]} available${also}`);
      }
      if (newer.major.length > 0) reasons.push(`major version ${newer.major[0]} available`);
    }
  }
  if (facts.created) {
    const created = Date.parse(facts.created);
    if (Number.isFinite(created) && created >= FIXED_DATE_BEFORE) {
      checked = true;
      result.ageDays = Math.max(0, Math.floor((options.now.getTime() - created) / DAY_MS));
      if (options.maxBaseAge !== void 0 && result.ageDays > options.maxBaseAge) {
        findings.push("too-old");
        reasons.push(`base is ${result.ageDays} days old (max-base-age ${options.maxBaseAge})`);
      }
    } else if (Number.isFinite(created)) {
      reasons.push(`age unknown: the image records a fixed creation date (${facts.created.slice(0, 10)})`);
    }
  }
  if (facts.error) reasons.push(`could not check everything: ${facts.error}`);
  if (findings.length > 0) {
    result.verdict = findings[0];
  } else if (checked) {
    result.verdict = "fresh";
  } else if (!facts.error) {
    reasons.push(
      tag ? `nothing to compare: ${use.reference} has no recorded digest, no versioned tag and no creation date` : `${use.reference} is pinned by digest only; no tag to follow`
    );
  }
  return result;
}
function annotationsFor(freshness) {
  return freshness.filter(isStale).map((f) => {
    const properties = { title: `Stale base image ${f.use.reference}` };
    if (f.use.file) properties.file = f.use.file;
    if (f.use.file && f.use.line !== void 0) properties.startLine = f.use.line;
    return { message: f.reasons.filter((r) => !r.startsWith("could not")).join("; "), properties };
  });
}

// src/compare/gather.ts
async function gatherBaseFacts(registry, uses, options = {}) {
  const checkable = uses.filter((u) => u.reference !== "scratch");
  const byReference = /* @__PURE__ */ new Map();
  const limit = limiter(options.concurrency ?? 4);
  for (const use of checkable) {
    const key = `${use.reference} ${use.digest ?? ""}`;
    if (!byReference.has(key)) byReference.set(key, factsFor(registry, use, options, limit));
  }
  return Promise.all(checkable.map(async (use) => ({ use, ...await byReference.get(`${use.reference} ${use.digest ?? ""}`) })));
}
async function factsFor(registry, use, options, limit) {
  const errors = [];
  const attempt = async (what, fn) => {
    try {
      return await limit(fn);
    } catch (error) {
      errors.push(`${what}: ${redact(error instanceof Error ? error.message : String(error))}`);
      return void 0;
    }
  };
  const tag = tagOf(use.reference);
  const tagRef = tag ? use.reference.split("@")[0] : void 0;
  const datedRef = use.digest ? `${repositoryOf(use.reference)}@${use.digest}` : use.reference;
  const [currentDigest, tags, created] = await Promise.all([
    tagRef ? attempt(`resolving ${tagRef}`, () => registry.headDigest(tagRef)) : void 0,
    tag && !options.skipTags ? attempt(`listing tags of ${repositoryOf(use.reference)}`, () => registry.listTags(repositoryOf(use.reference))) : void 0,
    registry.getImageCreated ? attempt(`reading the config of ${datedRef}`, () => registry.getImageCreated(datedRef, options.platform)) : void 0
  ]);
  let currentPlatformDigests;
  if (currentDigest && use.digest && currentDigest !== use.digest && registry.listPlatformDigests && tagRef) {
    currentPlatformDigests = await attempt(`reading the index of ${tagRef}`, () => registry.listPlatformDigests(`${repositoryOf(use.reference)}@${currentDigest}`));
  }
  const facts = {};
  if (currentDigest) facts.currentDigest = currentDigest;
  if (currentPlatformDigests) facts.currentPlatformDigests = currentPlatformDigests;
  if (tags) facts.tags = tags;
  if (created) facts.created = created;
  if (errors.length > 0) facts.error = errors.join("; ");
  return facts;
}
function redact(message) {
  return message.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]");
}
function limiter(max) {
  let active = 0;
  const waiting = [];
  return async (fn) => {
    if (active >= max) await new Promise((resolve) => waiting.push(resolve));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

// src/image/engine.ts
var EngineImageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "EngineImageError";
  }
};
function parseEngineInspect(stdout, reference) {
  let json;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new EngineImageError(`docker image inspect ${reference} printed something other than JSON: ${JSON.stringify(stdout.slice(0, 120))}`);
  }
  const first = Array.isArray(json) ? json[0] : json;
  if (typeof first !== "object" || first === null || typeof first.Id !== "string") {
    throw new EngineImageError(`docker image inspect ${reference} returned no image`);
  }
  return first;
}
function parseEngineHistory(stdout, reference) {
  const rows = [];
  for (const [i, line] of stdout.split("\n").entries()) {
    if (line.trim() === "") continue;
    let row;
    try {
      row = JSON.parse(line);
    } catch {
      throw new EngineImageError(`docker history ${reference} line ${i + 1} is not JSON: ${JSON.stringify(line.slice(0, 120))}`);
    }
    const size2 = parseSize(row.Size);
    if (size2 === void 0) {
      throw new EngineImageError(`docker history ${reference} line ${i + 1} has an unreadable size ${JSON.stringify(row.Size)}`);
    }
    rows.push({
      createdBy: typeof row.CreatedBy === "string" ? row.CreatedBy : "",
      size: size2,
      ...typeof row.CreatedAt === "string" && row.CreatedAt !== "" ? { createdAt: row.CreatedAt } : {},
      ...typeof row.Comment === "string" && row.Comment !== "" ? { comment: row.Comment } : {}
    });
  }
  return rows.reverse();
}
function parseSize(v) {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return void 0;
  if (/^\d+$/.test(v)) return Number(v);
  const m = /^([\d.]+)\s*([kMGT]?B)$/i.exec(v.trim());
  if (!m) return void 0;
  const unit = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 }[m[2].toLowerCase()];
  return Math.round(Number(m[1]) * unit);
}
var METADATA_ONLY = /^(?:\/bin\/sh -c #\(nop\)\s*)?(?:ENV|LABEL|CMD|ENTRYPOINT|EXPOSE|USER|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL|VOLUME|MAINTAINER)\b/i;
function layerRows(history, layerCount2) {
  const isLayer = history.map((h) => h.size > 0);
  let missing = layerCount2 - isLayer.filter(Boolean).length;
  for (let i = 0; i < history.length && missing > 0; i++) {
    if (!isLayer[i] && !METADATA_ONLY.test(history[i].createdBy)) {
      isLayer[i] = true;
      missing--;
    }
  }
  return isLayer;
}
function summarizeEngineImage(reference, inspect, history) {
  const diffIds = inspect.RootFS?.Layers ?? [];
  const isLayer = layerRows(history, diffIds.length);
  const layerSizes = history.filter((_, i) => isLayer[i]).map((h) => h.size);
  const aligned = layerSizes.length === diffIds.length;
  const layers = diffIds.map((diffId, i) => ({
    digest: diffId,
    size: aligned ? layerSizes[i] : 0,
    diffId
  }));
  const entries = history.map((h, i) => ({
    ...h.createdAt ? { created: h.createdAt } : {},
    ...h.createdBy ? { createdBy: h.createdBy } : {},
    ...h.comment ? { comment: h.comment } : {},
    emptyLayer: !isLayer[i]
  }));
  const platform = platformString({
    ...inspect.Os ? { os: inspect.Os } : {},
    ...inspect.Architecture ? { architecture: inspect.Architecture } : {},
    ...inspect.Variant ? { variant: inspect.Variant } : {}
  });
  return {
    reference,
    digest: inspect.Id,
    source: "engine",
    sizeKind: "uncompressed",
    platforms: [
      {
        platform,
        // With the containerd image store the image ID is the manifest digest; with the classic
        // store it is the config digest. Either way it identifies this platform's image.
        manifestDigest: inspect.Id,
        configDigest: inspect.Id,
        ...inspect.Created ? { created: inspect.Created } : {},
        layers,
        history: entries,
        labels: { ...inspect.Config?.Labels ?? {} }
      }
    ]
  };
}
async function readEngineImageSummary(exec, reference) {
  const [inspect, history] = await Promise.all([
    exec.run("docker", ["image", "inspect", "--format", "{{json .}}", reference]),
    exec.run("docker", ["history", "--no-trunc", "--human=false", "--format", "{{json .}}", reference])
  ]);
  if (inspect.exitCode !== 0) {
    throw new EngineImageError(`docker image inspect ${reference} failed (exit ${inspect.exitCode}): ${inspect.stderr.trim()}`);
  }
  if (history.exitCode !== 0) {
    throw new EngineImageError(`docker history ${reference} failed (exit ${history.exitCode}): ${history.stderr.trim()}`);
  }
  return summarizeEngineImage(reference, parseEngineInspect(inspect.stdout, reference), parseEngineHistory(history.stdout, reference));
}

// src/image/summary.ts
var ATTESTATION_TYPE = "attestation-manifest";
function platformDescriptors(index) {
  return index.manifests.filter((d) => {
    if (d.annotations?.["vnd.docker.reference.type"] === ATTESTATION_TYPE) return false;
    if (d.platform?.os === "unknown" && d.platform.architecture === "unknown") return false;
    if (d.mediaType !== "" && !isImageManifestMediaType(d.mediaType)) return false;
    return true;
  });
}
function summarizeRegistryImage(docs) {
  const platforms = [];
  if (docs.root.kind === "index") {
    for (const d of platformDescriptors(docs.root)) {
      const manifest = docs.manifests[d.digest];
      if (manifest === void 0) throw new Error(`Summary of ${docs.reference}: manifest ${d.digest} was not fetched`);
      platforms.push(platformImage(docs, d.digest, manifest, d.platform));
    }
  } else {
    platforms.push(platformImage(docs, docs.digest, docs.root, void 0));
  }
  return { reference: docs.reference, digest: docs.digest, source: "registry", sizeKind: "compressed", platforms };
}
function platformImage(docs, manifestDigest, manifest, indexPlatform) {
  const config = docs.configs[manifest.config.digest];
  if (config === void 0) throw new Error(`Summary of ${docs.reference}: config ${manifest.config.digest} was not fetched`);
  const diffIds = config.rootfs?.diff_ids ?? [];
  const layers = manifest.layers.map((l, i) => ({
    digest: l.digest,
    size: l.size,
    ...l.mediaType ? { mediaType: l.mediaType } : {},
    ...diffIds[i] !== void 0 ? { diffId: diffIds[i] } : {}
  }));
  const platform = platformString(indexPlatform ?? { os: config.os, architecture: config.architecture, ...config.variant ? { variant: config.variant } : {} });
  return {
    platform,
    manifestDigest,
    configDigest: manifest.config.digest,
    ...config.created ? { created: config.created } : {},
    layers,
    history: historyEntries(config),
    labels: { ...config.config?.Labels ?? {} },
    ...manifest.annotations && Object.keys(manifest.annotations).length > 0 ? { annotations: { ...manifest.annotations } } : {}
  };
}
function historyEntries(config) {
  return (config.history ?? []).map((h) => ({
    ...h.created ? { created: h.created } : {},
    ...h.created_by ? { createdBy: h.created_by } : {},
    ...h.comment ? { comment: h.comment } : {},
    emptyLayer: h.empty_layer === true
  }));
}

// src/image/remote.ts
async function readImageSummary(client, refInput, displayName) {
  const ref = toReference(refInput);
  const reference = displayName ?? (typeof refInput === "string" ? refInput : `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`);
  const root = await client.getManifest(ref);
  const manifests = {};
  const configs = {};
  const readConfig = async (digest) => {
    if (configs[digest] === void 0) configs[digest] = await client.getConfig(ref, digest);
  };
  if (root.document.kind === "index") {
    await Promise.all(
      platformDescriptors(root.document).map(async (d) => {
        const child = await client.getManifest(ref, d.digest);
        if (child.document.kind !== "manifest") {
          throw new Error(`${reference}: index entry ${d.digest} is an index itself, not a platform image`);
        }
        manifests[d.digest] = child.document;
        await readConfig(child.document.config.digest);
      })
    );
  } else {
    await readConfig(root.document.config.digest);
  }
  return summarizeRegistryImage({ reference, digest: root.digest, root: root.document, manifests, configs });
}

// src/registry/base-image-registry.ts
function baseImageRegistry(client) {
  return {
    headDigest: async (reference) => (await client.headDigest(reference)).digest,
    listTags: (repository) => client.listTags(repository),
    async getImageCreated(reference, platform) {
      const root = await client.getManifest(reference);
      let configDigest;
      if (root.document.kind === "manifest") {
        configDigest = root.document.config.digest;
      } else {
        const entries = platformDescriptors(root.document).filter((m) => m.platform);
        const wanted = platform ? findPlatform(entries, platform) : void 0;
        const entry = wanted ?? entries[0];
        if (!entry) return void 0;
        const child = await client.getManifest(reference, entry.digest);
        if (child.document.kind === "manifest") configDigest = child.document.config.digest;
      }
      return configDigest ? (await client.getConfig(reference, configDigest)).created : void 0;
    },
    async listPlatformDigests(reference) {
      const root = await client.getManifest(reference);
      return root.document.kind === "index" ? platformDescriptors(root.document).map((m) => m.digest) : [];
    }
  };
}

// src/report/escape.ts
var ZWSP = "\u200B";
function oneLine(text) {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
}
function defuseReferences(text) {
  return text.replace(/@(?=[A-Za-z0-9])/g, `@${ZWSP}`).replace(/(?<!&)#(?=\d)/g, `#${ZWSP}`).replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`);
}
function escapeMarkdown(text) {
  const escaped = oneLine(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\|/g, "&#124;").replace(/`/g, "&#96;").replace(/[\\*_~[\]]/g, (c) => `\\${c}`).replace(/\b(https?|ftp):\/\//gi, `$1:/${ZWSP}/`).replace(/\bwww\./gi, `www${ZWSP}.`);
  return defuseReferences(escaped);
}
function tableCode(text) {
  return codeSpan(oneLine(text).replace(/\|/g, "\\|"));
}
function inlineCode(text) {
  return codeSpan(oneLine(text));
}
function codeSpan(content) {
  if (content === "") return "";
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = content.startsWith("`") || content.endsWith("`") ? " " : "";
  return `${fence}${pad}${content}${pad}${fence}`;
}
function mermaidLabel(text, maxLength = 28) {
  const safe = oneLine(text).replace(/[^A-Za-z0-9 ._:/@+=-]/g, "").replace(/\s+/g, " ").trim();
  return truncate(safe, maxLength) || "layer";
}
function plainText(text) {
  return oneLine(text.replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, "").replace(/\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, ""));
}
function truncateWords(text, maxWord) {
  return text.replace(/[^\s\u200b]+/g, (word) => truncate(word, maxWord));
}
function wrappable(text, longerThan = 20) {
  return text.replace(
    /\S+/g,
    (word) => word.length <= longerThan ? word : word.replace(/\/(?=[^/])/g, `/${ZWSP}`).replace(/\.(?=[A-Za-z])/g, `.${ZWSP}`)
  );
}
function truncate(text, maxLength) {
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  return `${chars.slice(0, Math.max(0, maxLength - 1)).join("")}\u2026`;
}

// src/report/units.ts
var UNITS = ["B", "kB", "MB", "GB", "TB"];
function formatBytes(bytes) {
  const abs = Math.abs(bytes);
  if (abs < 1e3) return `${bytes} B`;
  let value = abs;
  let unit = 0;
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1e3;
    unit++;
  }
  const digits = value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2;
  return `${bytes < 0 ? "-" : ""}${value.toFixed(digits)} ${UNITS[unit]}`;
}
function formatDelta(bytes) {
  if (bytes === 0) return "\xB10 B";
  return bytes > 0 ? `+${formatBytes(bytes)}` : formatBytes(bytes);
}
function formatPercent(percent2) {
  if (percent2 === void 0 || !Number.isFinite(percent2)) return "";
  if (percent2 === 0) return "\xB10%";
  if (Math.abs(percent2) < 0.05) return percent2 > 0 ? "+<0.1%" : "-<0.1%";
  return `${percent2 > 0 ? "+" : ""}${percent2.toFixed(1)}%`;
}
function formatChange(bytes, percent2) {
  const p = formatPercent(percent2);
  return p ? `${formatDelta(bytes)} (${p})` : formatDelta(bytes);
}
function unbreakable(text) {
  return text.replace(/ /g, "\xA0");
}

// src/report/words.ts
var VERDICT_WORDS = {
  fresh: "up to date",
  "tag-moved": "tag moved",
  "newer-version": "newer version",
  "too-old": "too old",
  unknown: "unknown",
  unresolved: "unresolved"
};
function count(n, singular, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}
function listing(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
function imageName(reference) {
  try {
    return familiarReference(parseReference(reference));
  } catch {
    return reference;
  }
}
function shortImageName(reference) {
  return imageName(reference).replace(/@(sha256:[0-9a-f]{12})[0-9a-f]{52}$/, "@$1");
}

// src/report/report.ts
function buildReport(input) {
  const { comparison } = input;
  const first = comparison.platforms.find((p) => p.presence !== "removed");
  const headline2 = {
    platformCount: comparison.platforms.filter((p) => p.presence !== "removed").length,
    size: first?.currentSize ?? 0,
    sizeKind: comparison.current.sizeKind
  };
  if (first) headline2.platform = first.platform;
  if (comparison.status === "compared" && first?.delta !== void 0) {
    headline2.delta = first.delta;
    if (first.deltaPercent !== void 0) headline2.deltaPercent = first.deltaPercent;
  }
  const report = {
    schemaVersion: 1,
    generatedAt: input.now.toISOString(),
    image: comparison.current,
    headline: headline2,
    comparison,
    freshness: input.freshness,
    staleBases: input.freshness.filter(isStale).map((f) => f.use.reference)
  };
  if (comparison.baseline) {
    report.baseline = input.baselineOrigin ? { ...comparison.baseline, origin: input.baselineOrigin } : comparison.baseline;
  }
  if (input.maxBaseAge !== void 0) report.maxBaseAge = input.maxBaseAge;
  if (input.failOnSizeIncrease) report.sizeCheck = checkSizeIncrease(comparison, input.failOnSizeIncrease);
  return report;
}
function describeThreshold(threshold) {
  return threshold.kind === "percent" ? `${threshold.value}%` : formatBytes(threshold.value);
}
function checkSizeIncrease(comparison, threshold) {
  const limit = describeThreshold(threshold);
  const skipped = (why) => ({ threshold, status: "not-checked", message: `fail-on-size-increase (${limit}) needs a comparable baseline: ${why}` });
  if (comparison.status !== "compared") return skipped(comparison.reason ?? "no baseline");
  const measure = (p) => threshold.kind === "percent" ? p.deltaPercent : p.delta;
  const both = comparison.platforms.filter((p) => p.presence === "both" && measure(p) !== void 0).sort((a, b) => measure(b) - measure(a));
  if (both.length === 0) return skipped("no platform is in both images");
  const growth = (p) => {
    const g = { platform: p.platform, delta: p.delta ?? 0 };
    if (p.deltaPercent !== void 0) g.deltaPercent = p.deltaPercent;
    return g;
  };
  const worst = growth(both[0]);
  const exceeded = both.filter((p) => measure(p) > threshold.value).map(growth);
  if (exceeded.length === 0) {
    return {
      threshold,
      status: "passed",
      worst,
      message: `the largest change, ${formatChange(worst.delta, worst.deltaPercent)} on ${worst.platform}, is within fail-on-size-increase (${limit})`
    };
  }
  const grew = exceeded.map((g, i) => `${g.platform}${i === 0 ? " grew by" : " by"} ${formatChange(g.delta, g.deltaPercent)}`);
  return { threshold, status: "failed", worst, exceeded, message: `${listing(grew)}, more than fail-on-size-increase (${limit}) allows` };
}

// src/report/produce.ts
import { writeFile as writeFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/github/comment.ts
var MARKER_PREFIX = "strata:report:";
var COMMENT_BODY_LIMIT = 65536;
var ACTIONS_BOT_LOGIN = "github-actions[bot]";
function commentKey(parts) {
  return [parts.image, parts.job, parts.variant].filter((p) => !!p).join("|");
}
function markerFor(key) {
  const safe = key.replace(/[^A-Za-z0-9._:/@|+=-]/g, "_").replace(/-{2,}/g, "-");
  return `<!-- ${MARKER_PREFIX}${safe} -->`;
}
function withMarker(marker, body) {
  return `${marker}
${body}`;
}
async function upsertComment(options) {
  const { octokit, owner, repo, issueNumber, marker, logger } = options;
  let body = fitToLimit(marker, options.body);
  try {
    const author = options.author ?? await resolveAuthor(octokit, logger);
    const find = () => findOwnComment(octokit, { owner, repo, issueNumber, marker, author, logger });
    const existing = await find();
    if (existing) {
      if (normalise(existing.body ?? "") === normalise(body)) {
        logger.debug(`Comment ${existing.html_url} already up to date.`);
        return { ok: true, action: "unchanged", url: existing.html_url, id: existing.id };
      }
      const { data } = await withShorterBodyOn422(body, (b) => octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: b }), (b) => body = b);
      return { ok: true, action: "updated", url: data.html_url, id: data.id };
    }
    const create = (b) => octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: b });
    try {
      const { data } = await withShorterBodyOn422(body, create, (b) => body = b);
      return { ok: true, action: "created", url: data.html_url, id: data.id };
    } catch (error) {
      if (!((statusOf(error) ?? 0) >= 500) || error instanceof GitHubUnavailableError) throw error;
      const stored = await find();
      if (stored) {
        logger.debug(`POST answered ${statusOf(error)}, but GitHub had stored the comment: ${stored.html_url}`);
        return { ok: true, action: "created", url: stored.html_url, id: stored.id };
      }
      const { data } = await create(body);
      return { ok: true, action: "created", url: data.html_url, id: data.id };
    }
  } catch (error) {
    return failure(error);
  }
}
var TRUNCATION_NOTE = "\n\n_The report was cut to fit GitHub's comment size limit; the full report is in the job summary and the `report-markdown` output._\n";
function fitToLimit(marker, report, limit = COMMENT_BODY_LIMIT) {
  const whole = withMarker(marker, report);
  if (whole.length <= limit) return whole;
  const room = limit - marker.length - 1 - TRUNCATION_NOTE.length - 32;
  let cut = report.slice(0, Math.max(0, room));
  const newline = cut.lastIndexOf("\n");
  if (newline > 0) cut = cut.slice(0, newline);
  let closing = "";
  if ((cut.match(/^```/gm) ?? []).length % 2 === 1) closing += "\n```";
  const opened = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  closing += "\n</details>".repeat(Math.max(0, opened));
  return withMarker(marker, cut + closing + TRUNCATION_NOTE);
}
async function withShorterBodyOn422(body, send, used) {
  try {
    return await send(body);
  } catch (error) {
    if (statusOf(error) !== 422 || !/too long/i.test(detailOf(error))) throw error;
    const marker = body.slice(0, body.indexOf("\n"));
    const shorter = fitToLimit(marker, body.slice(marker.length + 1), Math.floor(body.length / 2));
    used(shorter);
    return send(shorter);
  }
}
var OUTDATED_PREFIX = "> [!WARNING]\n> **Outdated:**";
async function markOutdated(options) {
  const { octokit, owner, repo, issueNumber, marker, logger } = options;
  try {
    const author = options.author ?? await resolveAuthor(octokit, logger);
    const existing = await findOwnComment(octokit, { owner, repo, issueNumber, marker, author, logger });
    if (!existing) return void 0;
    const previous = (existing.body ?? "").trimStart().slice(marker.length).replace(/^\n/, "");
    const report = previous.startsWith(OUTDATED_PREFIX) ? previous.slice(previous.indexOf("\n\n") + 2) : previous;
    const body = fitToLimit(marker, `${OUTDATED_PREFIX} ${options.note}

${report}`);
    if (normalise(body) === normalise(existing.body ?? "")) return { ok: true, action: "unchanged", url: existing.html_url, id: existing.id };
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { ok: true, action: "updated", url: data.html_url, id: data.id };
  } catch (error) {
    return failure(error);
  }
}
async function resolveAuthor(octokit, logger) {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    const status = statusOf(error);
    logger.debug(`GET /user answered ${status ?? "an error"}; assuming comments are by ${ACTIONS_BOT_LOGIN}.`);
    return ACTIONS_BOT_LOGIN;
  }
}
async function findOwnComment(octokit, q) {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: q.owner,
    repo: q.repo,
    issue_number: q.issueNumber,
    per_page: 100
  });
  for await (const page of pages) {
    for (const comment of page.data) {
      if (!(comment.body ?? "").trimStart().startsWith(q.marker)) continue;
      if (sameLogin(comment.user?.login, q.author)) return comment;
      q.logger.debug(`Comment ${comment.html_url} carries our marker but is by ${comment.user?.login ?? "a deleted user"}; leaving it alone.`);
    }
  }
  return void 0;
}
function sameLogin(a, b) {
  if (!a) return false;
  const strip = (s) => s.toLowerCase().replace(/\[bot\]$/, "");
  return strip(a) === strip(b);
}
function normalise(body) {
  return body.replace(/\r\n/g, "\n").trimEnd();
}
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function detailOf(error) {
  const e = error;
  const fields = (e.response?.data?.errors ?? []).map((x) => x.message).filter(Boolean);
  return [error instanceof Error ? error.message : String(error), ...fields].join("; ");
}
function failure(error) {
  if (error instanceof GitHubUnavailableError) {
    return error.rateLimited ? { ok: false, reason: "rate-limited", message: `GitHub ${error.reason}` } : { ok: false, reason: "unavailable", message: `GitHub API unavailable: ${error.reason}; it was not asked again in this step` };
  }
  const status = statusOf(error);
  const detail = detailOf(error);
  const base = { ok: false, ...status === void 0 ? {} : { status } };
  if (status === 403 && /rate limit/i.test(detail)) {
    return { ...base, reason: "rate-limited", message: `GitHub rate limit: ${detail}` };
  }
  if (status === 403 || status === 401) {
    return {
      ...base,
      reason: "forbidden",
      message: `the token cannot comment on this pull request (${detail}). Pull requests from forks get a read-only token; otherwise grant \`permissions: pull-requests: write\`. See docs/fork-prs.md for posting from a workflow_run.`
    };
  }
  if (status === 404) return { ...base, reason: "not-found", message: `pull request or comment not found, or not visible to the token (${detail})` };
  if (status === 422 && /too long/i.test(detail)) return { ...base, reason: "too-long", message: `GitHub rejected the comment as too long, even cut to half (${detail})` };
  if (status === 422) return { ...base, reason: "invalid", message: `GitHub rejected the comment (${detail})` };
  if (status === 429) return { ...base, reason: "rate-limited", message: `GitHub rate limit: ${detail}` };
  return { ...base, reason: "error", message: `could not post the comment: ${detail}` };
}

// src/report/baseline.ts
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

// src/cache/keys.ts
import { createHash } from "node:crypto";
var CACHE_KEY_FORMAT = "strata-v1";
var LOCKFILE_NAMES = /* @__PURE__ */ new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "bun.lock",
  "go.sum",
  "go.mod",
  "pom.xml",
  "build.gradle",
  "build.gradle.kts",
  "gradle.lockfile",
  "requirements.txt",
  "poetry.lock",
  "Pipfile.lock",
  "pyproject.toml",
  "uv.lock",
  "Gemfile.lock",
  "composer.lock",
  "Cargo.lock",
  "packages.lock.json"
]);
var LOCKFILE_PATTERNS = [/\.csproj$/, /\.fsproj$/, /\.vbproj$/];
var BUILDPACK_DESCRIPTORS = /* @__PURE__ */ new Set(["project.toml"]);
var DOCKERFILE_DESCRIPTORS = /* @__PURE__ */ new Set(["Dockerfile", "Containerfile", ".dockerignore"]);
var DOCKERFILE_PATTERNS = [/^Dockerfile\..+$/, /\.Dockerfile$/, /^Containerfile\..+$/];
function isCacheKeyFile(name, mode) {
  if (LOCKFILE_NAMES.has(name) || LOCKFILE_PATTERNS.some((p) => p.test(name))) return true;
  if (mode === "buildpack") return BUILDPACK_DESCRIPTORS.has(name);
  return DOCKERFILE_DESCRIPTORS.has(name) || DOCKERFILE_PATTERNS.some((p) => p.test(name));
}
function selectCacheKeyFiles(names, mode) {
  return names.filter((name) => isCacheKeyFile(name, mode)).sort();
}
function cacheKeyFor(input) {
  const platform = `${CACHE_KEY_FORMAT}-${slug(input.os, 16)}-${slug(input.arch, 16)}`;
  const modeRoot = `${platform}-${input.subject.mode}-`;
  const raw = modeIdentity(input.subject);
  const subjectPrefix = `${modeRoot}${identityPart(raw, slug(raw, 200))}-`;
  return {
    primary: `${subjectPrefix}${lockfilesHash(input.lockfiles)}`,
    restoreKeys: [subjectPrefix, modeRoot]
  };
}
function saveKeyFor(primaryKey, fingerprint) {
  return `${primaryKey}-${sha256(fingerprint).slice(0, 12)}`;
}
function classifyHit(primaryKey, matchedKey) {
  if (matchedKey === void 0 || matchedKey === "") return "miss";
  if (matchedKey === primaryKey || matchedKey.startsWith(`${primaryKey}-`)) return "exact";
  return "partial";
}
function identityPart(identity, readable) {
  return `${readable}@${sha256(identity).slice(0, 8)}`;
}
function slug(value, maxLength) {
  const cleaned = value.trim().replace(/[,\s\u0000-\u001f\u007f]+/g, "_");
  return (cleaned === "" ? "_" : cleaned).slice(0, maxLength);
}
function modeIdentity(subject) {
  if (subject.mode === "buildpack") return subject.builder;
  const platforms = [...subject.platforms].sort().join("+");
  return platforms === "" ? subject.image : `${subject.image}+${platforms}`;
}
function lockfilesHash(lockfiles) {
  const names = Object.keys(lockfiles).sort();
  if (names.length === 0) return "nolockfiles";
  const hash = createHash("sha256");
  for (const name of names) hash.update(`${name}\0${lockfiles[name]}\0`);
  return hash.digest("hex").slice(0, 16);
}
function sha256(value) {
  return createHash("sha256").update(value).digest("hex");
}

// src/report/baseline.ts
var SNAPSHOT_FORMAT = "strata-baseline-v1";
function snapshotLocation(image, platforms, home, sha) {
  const identity = `${image}${platforms.length ? `+${[...platforms].sort().join("+")}` : ""}`;
  const name = slug(identity.replace(/[^a-zA-Z0-9._+-]+/g, "_"), 180);
  const prefix = `${SNAPSHOT_FORMAT}-${identityPart(identity, name)}-`;
  const relative = `.cache/strata/baseline/${name}.json`;
  return { path: `~/${relative}`, file: join(home, relative), key: `${prefix}${sha.slice(0, 12) || "unknown"}`, restoreKeys: [prefix] };
}
function pickComparable(current, candidates) {
  return candidates.find((c) => c && c.sizeKind === current.sizeKind) ?? candidates.find((c) => c !== void 0);
}
async function loadSnapshot(store, location, logger) {
  if (!store.isAvailable()) return void 0;
  try {
    const matched = await store.restore([location.path], location.key, location.restoreKeys, "snapshot");
    if (!matched) return void 0;
    const snapshot = JSON.parse(await readFile(location.file, "utf8"));
    return snapshot.format === SNAPSHOT_FORMAT ? snapshot : void 0;
  } catch (e) {
    logger.warning(`Baseline snapshot not restored: ${e.message}`);
    return void 0;
  }
}
async function saveSnapshot(store, location, snapshot, logger) {
  if (!store.isAvailable()) return;
  try {
    await mkdir(dirname(location.file), { recursive: true });
    await writeFile(location.file, JSON.stringify(snapshot));
    await store.save([location.path], location.key, "snapshot");
    logger.info(`Baseline snapshot saved for pull requests to compare against ("${location.key}").`);
  } catch (e) {
    logger.info(`Baseline snapshot not saved: ${e.message}`);
  }
}

// src/report/chart.ts
var CHART_GROUPS = 12;
var LABEL_LENGTH = 30;
var GROWTH = "#fb8f44";
var SHRINKAGE = "#afb8c1";
var SHARED = "#0969da";
function sizeChart(platform, compared) {
  const groups = chartGroups(platform);
  if (groups.length < 2) return [];
  const peak = Math.max(...groups.map((g) => Math.max(g.before, g.after)));
  const [unit, divisor] = peak >= 1e9 ? ["GB", 1e9] : peak >= 1e6 ? ["MB", 1e6] : peak >= 1e3 ? ["kB", 1e3] : ["B", 1];
  const value = (bytes) => String(Number((bytes / divisor).toFixed(2)));
  const series = (pick) => `  bar [${groups.map((g) => value(pick(g))).join(", ")}]`;
  const top = niceCeiling(peak / divisor);
  const labels = uniqueLabels(groups);
  const lines = [
    "```mermaid",
    "---",
    "config:",
    "  xyChart:",
    "    width: 820",
    `    height: ${160 + 32 * groups.length}`,
    "  themeVariables:",
    "    xyChart:",
    `      plotColorPalette: "${compared ? `${GROWTH}, ${SHRINKAGE}, ${SHARED}` : SHARED}"`,
    "---",
    "xychart-beta horizontal",
    `  title "Size by layer group, ${mermaidLabel(platform.platform)} (${unit})"`,
    `  x-axis [${labels.map((l) => `"${l}"`).join(", ")}]`,
    `  y-axis "${unit}" 0 --> ${top}`
  ];
  if (compared) {
    lines.push(series((g) => g.after > g.before ? g.after : 0));
    lines.push(series((g) => g.before > g.after ? g.before : 0));
    lines.push(series((g) => Math.min(g.before, g.after)));
  } else {
    lines.push(series((g) => g.after));
  }
  const legend = [compared ? "Blue and orange: this PR. Blue and grey: the baseline." : "Bars: this image."];
  if (labels.some((l) => l.includes("\u2026"))) legend.push("Long names are shortened; the tables above have them in full.");
  lines.push("```", "", `<sub>${legend.join(" ")}</sub>`, "");
  return lines;
}
function chartGroups(platform) {
  const byKey = /* @__PURE__ */ new Map();
  for (const c of platform.changes) {
    const label = chartLabel(c.origin);
    const g = byKey.get(label) ?? { label, before: 0, after: 0 };
    g.before += c.baseline?.size ?? 0;
    g.after += c.current?.size ?? 0;
    byKey.set(label, g);
  }
  const groups = [...byKey.values()];
  if (groups.length <= CHART_GROUPS) return groups;
  const size2 = (g) => Math.max(g.before, g.after);
  const keep = new Set([...groups].sort((a, b) => size2(b) - size2(a)).slice(0, CHART_GROUPS - 1));
  const rest = groups.filter((g) => !keep.has(g));
  return [
    ...groups.filter((g) => keep.has(g)),
    { label: `${rest.length} other layer groups`, before: sum(rest.map((g) => g.before)), after: sum(rest.map((g) => g.after)) }
  ];
}
function chartLabel(origin) {
  if (origin.kind === "base") return `base ${imageName(origin.reference).replace(/@.*$/, "").split("/").at(-1)}`;
  if (origin.kind === "buildpack") return `${origin.buildpack.replace(/@.*$/, "").split("/").at(-1)} ${origin.layer}`;
  return originLabel(origin);
}
function uniqueLabels(groups) {
  const full = groups.map((g) => mermaidLabel(g.label, Number.MAX_SAFE_INTEGER));
  const labels = full.map((text) => truncate(text, LABEL_LENGTH));
  const byLabel = /* @__PURE__ */ new Map();
  labels.forEach((label, i) => byLabel.set(label, [...byLabel.get(label) ?? [], i]));
  for (const rows of byLabel.values()) {
    if (rows.length < 2) continue;
    const shared = commonPrefixLength(rows.map((i) => full[i]));
    for (const i of rows) {
      const keyword = /^[A-Z]+ /.exec(full[i])?.[0] ?? "";
      const text = full[i];
      const boundary = Math.max(text.lastIndexOf("/", shared - 1), text.lastIndexOf(" ", shared - 1));
      const from = Math.max(keyword.length, boundary >= shared - 16 ? boundary + 1 : shared - 8);
      if (from > keyword.length) labels[i] = truncate(`${keyword}\u2026${full[i].slice(from)}`, LABEL_LENGTH);
    }
  }
  const seen = /* @__PURE__ */ new Map();
  return labels.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n > 1 ? `${label} ${n}` : label;
  });
}
function commonPrefixLength(texts) {
  let n = 0;
  while (texts.every((t) => n < t.length && t[n] === texts[0][n])) n++;
  return n;
}
function niceCeiling(peak) {
  if (peak <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(peak));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * power >= peak - 1e-9);
  return Number((step * power).toPrecision(12));
}
function sum(values) {
  return values.reduce((a, b) => a + b, 0);
}

// src/report/markdown.ts
var GITHUB_COMMENT_LIMIT = 65536;
function renderMarkdown(report, options = {}) {
  const max = options.maxLength ?? GITHUB_COMMENT_LIMIT - 500;
  const instructionLength = options.instructionLength ?? 160;
  const most = Math.max(0, ...report.comparison.platforms.map((p) => p.changes.length));
  const attempts = [{ unchanged: true, changedRows: most, chart: true, otherPlatformLayers: true }];
  attempts.push({ ...attempts[0], unchanged: false });
  attempts.push({ ...attempts[1], otherPlatformLayers: false });
  for (let rows = Math.min(most, 200); rows >= 10; rows = Math.floor(rows / 2)) attempts.push({ ...attempts[2], changedRows: rows });
  attempts.push({ unchanged: false, changedRows: 0, chart: false, otherPlatformLayers: false });
  for (const detail of attempts) {
    const body = render(report, detail, instructionLength);
    if (body.length <= max) return body;
  }
  const note = "\n\n_Report cut to fit GitHub\u2019s comment size limit; the job summary and report JSON have it all._\n";
  return render(report, attempts.at(-1), 60).slice(0, max - note.length) + note;
}
function render(report, detail, instructionLength) {
  const out = [];
  const trimmed = [];
  const cells = { width: instructionLength, shortened: /* @__PURE__ */ new Set() };
  out.push(`### Image report: ${inlineCode(imageName(report.image.reference.split("@")[0]))}`, "");
  out.push(headline(report), "");
  if (report.sizeCheck) out.push(sizeCheckLine(report.sizeCheck), "");
  const attention = attentionLine(report);
  if (attention) out.push(attention, "");
  const compared = report.comparison.status === "compared";
  const platforms = report.comparison.platforms;
  if (platforms.length > 1) out.push(...platformTable(platforms, compared), "");
  platforms.forEach((platform, i) => {
    const section = layerSection(platform, compared, detail, cells, trimmed);
    if (i === 0 || platforms.length === 1) {
      out.push(`#### Layers \xB7 ${escapeMarkdown(platform.platform)}`, "", ...section, "");
    } else if (detail.otherPlatformLayers) {
      out.push(`<details><summary>Layers \xB7 ${escapeMarkdown(platform.platform)}</summary>`, "", ...section, "", "</details>", "");
    } else {
      trimmed.push(`layer tables of ${platforms.length - 1} more platforms`);
    }
  });
  if (report.freshness.length > 0) out.push("#### Base images", "", ...freshnessTable(report, cells), "");
  if (cells.shortened.size > 0) {
    const refs = [...cells.shortened].map((r) => `- ${inlineCode(r)}`);
    out.push("<details><summary>Full image references</summary>", "", ...refs, "", "</details>", "");
  }
  if (report.layerReuse) out.push(`Build cache: ${report.layerReuse}.`, "");
  const first = platforms.find((p) => p.presence !== "removed");
  if (detail.chart && first) out.push(...sizeChart(first, compared));
  else if (first) trimmed.push("the chart");
  if (trimmed.length > 0) {
    out.push(`_Trimmed to fit GitHub\u2019s comment size limit: ${[...new Set(trimmed)].join(", ")} not shown. The job summary and report JSON have the full list._`, "");
  }
  out.push(`<sub>${footer(report)}</sub>`, "");
  return out.join("\n");
}
var ORIGIN_WORDS = {
  "compare-to": "the compare-to input",
  "base-branch": "the base branch",
  "default-branch-snapshot": "the snapshot saved from the default branch"
};
function size(bytes) {
  return unbreakable(formatBytes(bytes));
}
function change(bytes, percent2) {
  return unbreakable(formatChange(bytes, percent2));
}
function headline(report) {
  const h = report.headline;
  const where = h.platform ? ` (${escapeMarkdown(h.platform)}${h.platformCount > 1 ? `, 1 of ${h.platformCount} platforms` : ""})` : "";
  const total2 = `**${size(h.size)}** ${h.sizeKind}${where}`;
  const c = report.comparison;
  if (c.status === "compared" && report.baseline) {
    const delta = h.delta === void 0 ? "not comparable" : h.delta === 0 ? "no change" : `**${change(h.delta, h.deltaPercent)}**`;
    return `${total2}: ${delta} against ${inlineCode(imageName(report.baseline.reference))}.`;
  }
  return `${total2}. No size comparison: ${escapeMarkdown(c.reason ?? "no baseline")}.`;
}
function sizeCheckLine(check) {
  const limit = `fail-on-size-increase (${unbreakable(describeThreshold(check.threshold))})`;
  if (check.status === "not-checked") return `Size check skipped: ${limit} needs a comparable baseline.`;
  if (check.status === "passed" || !check.exceeded?.length) {
    const worst = check.worst;
    return worst ? `Size check passed: the largest change, ${change(worst.delta, worst.deltaPercent)} on ${escapeMarkdown(worst.platform)}, is within ${limit}.` : `Size check passed: within ${limit}.`;
  }
  const grew = check.exceeded.map((g, i) => `${escapeMarkdown(g.platform)}${i === 0 ? " grew by" : " by"} ${change(g.delta, g.deltaPercent)}`);
  return `**Size check failed**: ${listing(grew)}, more than ${limit} allows.`;
}
function attentionLine(report) {
  const stale = report.staleBases.length;
  const total2 = report.freshness.length;
  if (stale === 0) return void 0;
  const see = "(see Base images)";
  if (total2 === 1) return `The base image needs attention ${see}.`;
  if (stale === total2) return `${total2 === 2 ? "Both" : `All ${total2}`} base images need attention ${see}.`;
  return `${stale} of ${total2} base images ${stale === 1 ? "needs" : "need"} attention ${see}.`;
}
function platformTable(platforms, compared) {
  if (!compared) {
    return ["| Platform | Size | Layers |", "|---|---:|---:|", ...platforms.map((p) => `| ${escapeMarkdown(p.platform)} | ${size(p.currentSize ?? 0)} | ${layerCount(p)} |`)];
  }
  const rows = platforms.map((p) => {
    const before = p.baselineSize === void 0 ? "\u2014" : size(p.baselineSize);
    const after = p.currentSize === void 0 ? "\u2014" : size(p.currentSize);
    const delta = p.presence === "added" ? "new platform" : p.presence === "removed" ? "platform removed" : change(p.delta ?? 0, p.deltaPercent);
    return `| ${escapeMarkdown(p.platform)} | ${delta} | ${before} | ${after} |`;
  });
  return [`| Platform | Change | Baseline | ${THIS_PR} |`, "|---|---:|---:|---:|", ...rows];
}
var THIS_PR = unbreakable("This PR");
function layerCount(p) {
  return sum2(p.changes.map((c) => (c.current ?? c.baseline).digests.length));
}
function rebuiltSameSize(c) {
  return c.status === "changed" && c.delta === 0;
}
function layerSection(platform, compared, detail, cells, trimmed) {
  if (!compared || platform.presence !== "both") {
    const rows = platform.changes.map((c) => `| ${layerLabel(c, cells)} | ${size((c.current ?? c.baseline).size)} |`);
    const kept = detail.unchanged ? rows : rows.slice(0, Math.max(detail.changedRows, 0));
    if (kept.length < rows.length) trimmed.push(`${rows.length - kept.length} layer rows`);
    return kept.length > 0 ? ["| Layer | Size |", "|---|---:|", ...kept] : [`${rows.length} layers.`];
  }
  const quiet = platform.changes.filter((c) => c.status === "unchanged" || rebuiltSameSize(c));
  const changed = platform.changes.filter((c) => !quiet.includes(c));
  const out = [];
  if (changed.length === 0) {
    out.push("No layer changed size.");
  } else {
    const keep = new Set([...changed].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, detail.changedRows));
    const rows = changed.filter((c) => keep.has(c)).map((c) => changedRow(c, cells));
    if (rows.length < changed.length) trimmed.push(`${changed.length - rows.length} changed layers (the smallest changes)`);
    if (rows.length > 0) out.push(`| Status | Layer | Change | Baseline | ${THIS_PR} |`, "|---|---|---:|---:|---:|", ...rows);
  }
  if (quiet.length > 0) {
    const rebuilt = quiet.filter(rebuiltSameSize).length;
    const unchanged = quiet.length - rebuilt;
    const what = [unchanged > 0 ? count(unchanged, "unchanged layer") : "", rebuilt > 0 ? `${count(rebuilt, "layer")} rebuilt with the same size` : ""];
    const summary = `${listing(what.filter(Boolean))}, ${size(sum2(quiet.map((c) => c.current?.size ?? 0)))}`;
    if (detail.unchanged) {
      const rows = quiet.map(
        (c) => rebuilt > 0 ? `| ${layerLabel(c, cells)} | ${rebuiltSameSize(c) ? "rebuilt, same size" : "unchanged"} | ${size(c.current?.size ?? 0)} |` : `| ${layerLabel(c, cells)} | ${size(c.current?.size ?? 0)} |`
      );
      const head = rebuilt > 0 ? ["| Layer | Status | Size |", "|---|---|---:|"] : ["| Layer | Size |", "|---|---:|"];
      out.push("", `<details><summary>${summary}</summary>`, "", ...head, ...rows, "", "</details>");
    } else {
      out.push("", `${summary} (not listed).`);
      trimmed.push("unchanged layers");
    }
  }
  return out;
}
function changedRow(c, cells) {
  const before = c.baseline ? size(c.baseline.size) : "\u2014";
  const after = c.current ? size(c.current.size) : "\u2014";
  return `| ${c.status} | ${layerLabel(c, cells)} | ${change(c.delta, c.deltaPercent)} | ${before} | ${after} |`;
}
function layerLabel(c, cells) {
  const label = originCell(c.origin, cells, c);
  if (c.baselineOrigin && c.baselineOrigin.kind === c.origin.kind && c.origin.kind === "base") {
    return `${originCell(c.baselineOrigin, cells, c)} \u2192 ${referenceCell(c.origin.reference, cells)}`;
  }
  return label;
}
function referenceCell(reference, cells) {
  const short = shortImageName(reference);
  if (short !== imageName(reference)) cells.shortened.add(imageName(reference));
  const at = short.indexOf("@");
  const name = tableCode(wrappable(at === -1 ? short : short.slice(0, at)));
  return at === -1 ? name : `${name}<br>${tableCode(short.slice(at))}`;
}
function originCell(origin, cells, c) {
  switch (origin.kind) {
    case "base": {
      const layers = (c.current ?? c.baseline).digests.length;
      return `base image ${referenceCell(origin.reference, cells)}${layers > 1 ? ` (${layers} layers)` : ""}`;
    }
    case "instruction":
      return tableCode(truncateWords(wrappable(truncate(origin.instruction, cells.width)), WORD_LENGTH));
    case "buildpack":
      return `${tableCode(origin.buildpack)} layer ${tableCode(truncateWords(origin.layer, WORD_LENGTH))}`;
    case "lifecycle":
      return `buildpacks ${escapeMarkdown(truncateWords(origin.layer, WORD_LENGTH))} layer`;
    case "unknown": {
      const digest = (c.current ?? c.baseline).digests[0] ?? "";
      return `layer ${tableCode(truncate(digest, 19))}`;
    }
  }
}
var WORD_LENGTH = 45;
function verdictCell(f) {
  const words = VERDICT_WORDS[f.verdict];
  return isStale(f) ? `**${words}**` : words;
}
function freshnessTable(report, cells) {
  const rows = report.freshness.map((f) => {
    const stage = f.use.runtime ? `${escapeMarkdown(f.use.stage)} (final image)` : escapeMarkdown(f.use.stage);
    const age = f.ageDays === void 0 ? "\u2014" : unbreakable(count(f.ageDays, "day"));
    const notes = f.reasons.map((r) => escapeMarkdown(truncateWords(wrappable(truncate(r, 300)), WORD_LENGTH))).join("<br>");
    const reference = f.verdict === "unresolved" ? "\u2014" : referenceCell(f.use.reference, cells);
    return `| ${verdictCell(f)} | ${reference} | ${age} | ${stage} | ${notes} |`;
  });
  const ageNote = report.maxBaseAge === void 0 ? [] : ["", `Bases older than ${report.maxBaseAge} days (max-base-age) are flagged.`];
  return ["| Status | Base image | Age | Stage | Notes |", "|---|---|---:|---|---|", ...rows, ...ageNote];
}
function sum2(values) {
  return values.reduce((a, b) => a + b, 0);
}
function footer(report) {
  const kind = report.image.sizeKind === "compressed" ? "Sizes are compressed layer blobs as stored in the registry (what a pull downloads)" : "Sizes are uncompressed layers as the local engine stores them (what the disk holds)";
  const parts = [`${kind}; manifests and configs are not counted. SI units (1 MB = 1,000,000 bytes).`];
  if (report.baseline) {
    const origin = report.baseline.origin ? ` from ${ORIGIN_WORDS[report.baseline.origin]}` : "";
    parts.push(`Baseline: ${inlineCode(imageName(report.baseline.reference))}${origin} (${inlineCode(truncate(report.baseline.digest, 19))}).`);
  } else {
    parts.push("No baseline image.");
  }
  parts.push(`This build: ${inlineCode(truncate(report.image.digest, 19))}.`);
  return parts.join(" ");
}

// src/report/produce.ts
var SizeIncreaseError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "SizeIncreaseError";
  }
};
async function readCurrent(deps, client, result) {
  const reference = result.tags[0];
  const [registry, engine] = await Promise.allSettled([
    result.pushed && result.digest ? readImageSummary(client, `${repositoryOf(reference)}@${result.digest}`, reference) : Promise.resolve(void 0),
    readEngineImageSummary(deps.exec, reference)
  ]);
  if (registry.status === "rejected") throw registry.reason;
  const out = [registry.value, engine.status === "fulfilled" ? engine.value : void 0].filter((s) => s !== void 0);
  if (out.length === 0) throw engine.reason;
  return out;
}
async function basesFor(client, image, uses, logger) {
  const runtime = uses.find((u) => u.runtime);
  if (!runtime || image.source !== "registry") return runtime ? { "*": { reference: runtime.reference } } : void 0;
  try {
    const base = await readImageSummary(client, runtime.digest ? `${repositoryOf(runtime.reference)}@${runtime.digest}` : runtime.reference, runtime.reference);
    const byPlatform = { "*": { reference: runtime.reference } };
    for (const p of image.platforms) {
      const match = base.platforms.find((b) => samePlatform(b.platform, p.platform)) ?? (base.platforms.length === 1 ? base.platforms[0] : void 0);
      if (match) byPlatform[p.platform] = baseLayersFrom(runtime, p, match);
    }
    return byPlatform;
  } catch (e) {
    logger.debug(`Base image ${runtime.reference} not read for attribution: ${e.message}`);
    return { "*": { reference: runtime.reference } };
  }
}
async function chooseBaseline(deps, client, inputs, current, snapshot) {
  const tried = [];
  const fromRegistry = async (reference, origin) => {
    try {
      return { summary: await readImageSummary(client, reference), origin };
    } catch (e) {
      tried.push(`${reference}: ${e.message}`);
      return void 0;
    }
  };
  const branchTag = baseBranchTag(inputs.image, deps.github);
  if (!inputs.compareTo && !branchTag) return { reason: "not a pull request, and no compare-to image" };
  let chosen;
  if (inputs.compareTo) chosen = await fromRegistry(inputs.compareTo, "compare-to");
  if (!chosen && !inputs.compareTo && branchTag) chosen = await fromRegistry(branchTag, "base-branch");
  if (!chosen || chosen.summary.sizeKind !== current.sizeKind) {
    const snap = await snapshot();
    const summary = snap ? pickComparable(current, snap.summaries) : void 0;
    if (summary && (!chosen || summary.sizeKind === current.sizeKind)) {
      chosen = { summary, bases: snap.bases, origin: "default-branch-snapshot" };
    } else if (!snap) {
      tried.push("no default-branch snapshot in the Actions cache");
    }
  }
  return chosen ?? { reason: `no baseline image found (${tried.join("; ")})` };
}
async function produceReport(deps, inputs, result) {
  const { logger } = deps;
  const now = deps.now();
  let report;
  let currentForSnapshot;
  let currentBases;
  try {
    const client = await deps.registry(inputs);
    const candidates = await readCurrent(deps, client, result);
    currentForSnapshot = candidates;
    const current = candidates[0];
    const location = snapshotLocation(inputs.image, inputs.platforms, deps.home, deps.github.sha);
    let baseline;
    let facts;
    [currentBases, baseline, facts] = await Promise.all([
      basesFor(client, current, result.baseImages, logger),
      chooseBaseline(deps, client, inputs, current, async () => loadSnapshot(deps.cacheStore, location, logger)),
      gatherBaseFacts(baseImageRegistry(client), result.baseImages, { platform: inputs.platforms[0] })
    ]);
    const baselineCurrent = baseline.summary ? pickComparable(baseline.summary, candidates) ?? current : current;
    const freshness = [...assessBases(facts, { now, maxBaseAge: inputs.maxBaseAge }), ...(result.unresolvedBases ?? []).map(unresolvedFreshness)];
    const comparison = compareImages({
      current: baselineCurrent,
      baseline: baseline.summary,
      currentBases: baselineCurrent === current ? currentBases : void 0,
      baselineBases: baseline.bases ?? currentBases,
      noBaselineReason: baseline.reason
    });
    report = buildReport({
      comparison,
      freshness,
      baselineOrigin: baseline.origin,
      failOnSizeIncrease: inputs.failOnSizeIncrease,
      maxBaseAge: inputs.maxBaseAge,
      now
    });
    if (result.layerReuse) report.layerReuse = describeLayerReuse(result.layerReuse, result.layerReuse.previousImage);
    for (const a of annotationsFor(freshness)) logger.warning(a.message, a.properties);
    if (isDefaultBranchPush(deps.github)) {
      await saveSnapshot(deps.cacheStore, location, { format: "strata-baseline-v1", summaries: currentForSnapshot, bases: currentBases, sha: deps.github.sha }, logger);
    }
  } catch (e) {
    logger.warning(`Image report not produced (the build is unaffected): ${e.message}`);
    await markReportOutdated(deps, inputs, "this run could not produce an image report");
    return void 0;
  }
  await publish(deps, inputs, report);
  if (report.sizeCheck?.status === "failed") throw new SizeIncreaseError(report.sizeCheck.message);
  return report;
}
function isDefaultBranchPush(github) {
  return github.eventName === "push" && !!github.defaultBranch && github.ref === `refs/heads/${github.defaultBranch}`;
}
function markerOf(inputs, github) {
  const variant = [inputs.platforms.join(","), inputs.commentKey].filter(Boolean).join("|") || void 0;
  return markerFor(commentKey({ image: inputs.image, job: github.job, variant }));
}
async function commentTarget(deps, inputs) {
  const { github } = deps;
  const pr = github.pullRequest;
  const wanted = inputs.comment === "always" || inputs.comment === "auto" && pr !== void 0;
  if (!wanted) return { why: "", level: "info" };
  if (!pr) return { why: 'comment is "always", but this run is not for a pull request: the report is in the job summary.', level: "info" };
  if (pr.fork) {
    return { why: `Pull request #${pr.number} comes from a fork, whose token cannot comment`, level: "warning" };
  }
  if (!inputs.githubToken) return { why: "No github-token: the PR comment was not written; the report is in the job summary.", level: "warning" };
  const [owner, repo] = github.repository.split("/");
  return { octokit: await deps.octokit(inputs.githubToken), owner, repo, issueNumber: pr.number, marker: markerOf(inputs, github) };
}
async function markReportOutdated(deps, inputs, why) {
  const { github, logger } = deps;
  try {
    const target = await commentTarget(deps, inputs);
    if (!("octokit" in target)) return;
    const sha = (github.pullRequest?.headSha ?? github.sha).slice(0, 7);
    const run = github.runId ? ` ([run ${github.runId}](${github.serverUrl.replace(/\/+$/, "")}/${github.repository}/actions/runs/${github.runId}))` : "";
    const note = `this report describes an earlier commit: for commit \`${sha}\`, ${why}${run}.`;
    const result = await markOutdated({ ...target, logger, note });
    if (result?.ok) logger.info(`Previous PR comment marked as outdated: ${result.url}`);
    else if (result) logger.debug(`Previous PR comment not marked as outdated (${result.reason}): ${result.message}`);
  } catch (e) {
    logger.debug(`Previous PR comment not marked as outdated: ${e.message}`);
  }
}
async function publish(deps, inputs, report) {
  const { logger, outputs, github } = deps;
  const marker = markerOf(inputs, github);
  const markdown = renderMarkdown(report);
  const body = withMarker(marker, markdown);
  outputs.set("size", String(report.headline.size));
  outputs.set("size-delta", report.headline.delta === void 0 ? "" : String(report.headline.delta));
  outputs.set("stale-bases", report.staleBases.join("\n"));
  outputs.set("report-markdown", body);
  const jsonPath = join2(deps.reportDir, `strata-report-${inputs.image.replace(/[^a-zA-Z0-9._-]+/g, "_")}.json`);
  const mdPath = jsonPath.replace(/\.json$/, ".md");
  try {
    await writeFile2(jsonPath, JSON.stringify(report, null, 2));
    await writeFile2(mdPath, body);
    outputs.set("report-json", jsonPath);
    outputs.set("report-file", mdPath);
  } catch (e) {
    logger.warning(`Report files not written: ${e.message}`);
  }
  try {
    await deps.summary(markdown);
  } catch (e) {
    logger.warning(`Job summary not written: ${e.message}`);
  }
  const target = await commentTarget(deps, inputs);
  if (!("octokit" in target)) {
    const why = target.why && target.level === "warning" && github.pullRequest?.fork ? `${target.why}: the report is in the job summary, the report-markdown output and ${mdPath} (see docs/fork-prs.md to post it from a workflow_run).` : target.why;
    if (why) logger[target.level](why);
    return;
  }
  const result = await upsertComment({ ...target, body: markdown, logger });
  if (result.ok) {
    logger.info(`PR comment ${result.action}: ${result.url}`);
    outputs.set("comment-url", result.url);
  } else {
    logger.warning(`PR comment not written (${result.reason}): ${result.message}. The report is in the job summary and the report-markdown output.`);
  }
}

export {
  sanitizeTag,
  baseBranchTag,
  resolveTags,
  parseLifecycleLog,
  describeLayerReuse,
  OCI_BASE_NAME,
  OCI_BASE_DIGEST,
  LIFECYCLE_METADATA_LABEL,
  recordedBase,
  baseAnnotations,
  runImageFromLabel,
  namedBase,
  selectCacheKeyFiles,
  cacheKeyFor,
  saveKeyFor,
  classifyHit,
  slug,
  platformDescriptors,
  originLabel,
  compareImages,
  assessBases,
  gatherBaseFacts,
  readEngineImageSummary,
  readImageSummary,
  baseImageRegistry,
  plainText,
  truncate,
  VERDICT_WORDS,
  count,
  listing,
  imageName,
  formatBytes,
  formatChange,
  buildReport,
  basesFor,
  produceReport,
  markReportOutdated
};
