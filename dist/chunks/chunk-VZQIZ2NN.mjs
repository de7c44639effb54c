import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  identityPart,
  slug
} from "./chunk-XEES7JCB.mjs";
import {
  readEngineImageSummary
} from "./chunk-OYJANBGF.mjs";
import {
  DOCKER_FOREIGN_LAYER,
  DOCKER_LAYER,
  DOCKER_MANIFEST_LIST,
  OCI_INDEX,
  OCI_LAYER_GZIP,
  OCI_LAYER_NONDISTRIBUTABLE_GZIP,
  OCI_MANIFEST,
  baseMediaType,
  isNotFound,
  platformDescriptors,
  readImageDocuments,
  summarizeRegistryImage
} from "./chunk-LRUIOUFA.mjs";
import {
  digestOf,
  familiarReference,
  formatReference,
  parseReference,
  repositoryOf,
  tagOf
} from "./chunk-FMNSBQPK.mjs";
import {
  findPlatform,
  imagePlatforms,
  platformKey,
  platformString,
  samePlatform
} from "./chunk-W76PVC6K.mjs";
import {
  createHash
} from "./chunk-IKMFQSA6.mjs";
import {
  mkdir,
  readFile,
  writeFile
} from "./chunk-LN2W4AOD.mjs";
import {
  dirname,
  join
} from "./chunk-I2GFJFAX.mjs";

// src/image/labels.ts
var OCI_BASE_NAME = "org.opencontainers.image.base.name";
var OCI_BASE_DIGEST = "org.opencontainers.image.base.digest";
var OCI_CREATED = "org.opencontainers.image.created";
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
function createdFromAnnotations(annotations) {
  const stated = annotations?.[OCI_CREATED]?.trim();
  return stated && Number.isFinite(Date.parse(stated)) ? stated : void 0;
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

// src/rebase/documents.ts
var RebaseError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "RebaseError";
  }
};
function isTopLayerBase(base) {
  return typeof base.topLayer === "string";
}
function platformOf(p) {
  return platformString(p ? { os: p.os, architecture: p.architecture, ...p.variant ? { variant: p.variant } : {} } : void 0);
}
function indexPlatforms(entries) {
  return entries.map((d) => ({ platform: platformOf(d.platform), digest: d.digest, descriptor: d }));
}
function platformManifests(docs) {
  if (docs.root.kind === "index") return indexPlatforms(platformDescriptors(docs.root));
  const config = docs.configs[docs.root.config.digest];
  return [{ platform: platformOf({ os: config?.os, architecture: config?.architecture, ...config?.variant ? { variant: config.variant } : {} }), digest: docs.digest }];
}
function matchPlatformAmong(candidates, platform) {
  const exact = candidates.find((c) => samePlatform(c.platform, platform));
  if (exact) return exact.digest;
  if (platform === "unknown/unknown" && candidates.length === 1) return candidates[0].digest;
  const osArch = (p) => platformKey(p).split("/").slice(0, 2).join("/");
  const sameArch = candidates.filter((c) => osArch(c.platform) === osArch(platform));
  return sameArch.length === 1 ? sameArch[0].digest : void 0;
}
function matchPlatform(docs, platform) {
  return matchPlatformAmong(platformManifests(docs), platform);
}
function manifestOf(docs, digest, what) {
  const manifest = docs.root.kind === "manifest" && digest === docs.digest ? docs.root : docs.manifests[digest];
  if (manifest === void 0) throw new RebaseError(`${what}: manifest ${digest} was not fetched`);
  const config = docs.configs[manifest.config.digest];
  if (config === void 0) throw new RebaseError(`${what}: config ${manifest.config.digest} was not fetched`);
  return { manifest, config };
}
function firstPlatform(docs) {
  const first = platformManifests(docs)[0];
  if (!first) return {};
  const manifest = docs.root.kind === "manifest" ? docs.root : docs.manifests[first.digest];
  return manifest ? { manifest, config: docs.configs[manifest.config.digest] } : {};
}
function diffIdsOf(manifest, config, what) {
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== manifest.layers.length) {
    throw new RebaseError(`${what} has ${manifest.layers.length} layers but its config lists ${diffIds.length} diff_ids; refusing to rebase an inconsistent image`);
  }
  return diffIds;
}

// src/rebase/history.ts
function baseLayerCount(imageDiffIds, oldBase, where) {
  if (isTopLayerBase(oldBase)) {
    const at = imageDiffIds.indexOf(oldBase.topLayer);
    if (at === -1) {
      throw new RebaseError(
        `${where}: the run image's top layer ${oldBase.topLayer} (runImage.topLayer of ${LIFECYCLE_METADATA_LABEL}) is not among the image's layers; cannot tell its base layers apart`
      );
    }
    return at + 1;
  }
  const oldDiffIds = oldBase.diffIds;
  const firstDiff = oldDiffIds.findIndex((d, i) => imageDiffIds[i] !== d);
  if (oldDiffIds.length > imageDiffIds.length || firstDiff !== -1) {
    const at = firstDiff === -1 ? imageDiffIds.length : firstDiff;
    throw new RebaseError(
      `${where}: the old base's layers are not a prefix of the image's layers (they differ at layer ${at}: base ${oldDiffIds[at] ?? "(none)"}, image ${imageDiffIds[at] ?? "(none)"}); the image was not built on that base, so its base layers cannot be told apart. Pass the right --old-base REF@DIGEST`
    );
  }
  return oldDiffIds.length;
}
function spliceHistory(s) {
  const notes = [];
  const imageHistory = s.imageHistory;
  if (imageHistory === void 0) return { notes };
  if (imageHistory.length === 0) return { history: [], notes };
  if (!historyMatchesLayers(imageHistory, s.imageLayers)) {
    notes.push(`${s.platform}: the image's history does not match its layers (${imageHistory.filter(nonEmpty).length} entries made layers, ${s.imageLayers} layers); history dropped`);
    return { notes };
  }
  let split;
  const oldHistory = s.oldHistory;
  if (oldHistory !== void 0 && historyMatchesLayers(oldHistory, s.oldLayers) && imageHistory.slice(0, oldHistory.length).filter(nonEmpty).length === s.oldLayers) {
    split = oldHistory.length;
  } else {
    split = afterNthLayer(imageHistory, s.oldLayers);
    notes.push(`${s.platform}: the old base's history is not known or does not line up; split the image's history after its first ${s.oldLayers} layer entries`);
  }
  let newHistory = s.newHistory ?? [];
  if (!historyMatchesLayers(newHistory, s.newLayers)) {
    newHistory = Array.from({ length: s.newLayers }, () => ({ created_by: `layer of ${s.newBaseName} (strata rebase)` }));
    notes.push(`${s.platform}: the new base's history does not match its layers; one placeholder entry per base layer`);
  }
  return { history: [...cloneJson(newHistory), ...cloneJson(imageHistory.slice(split))], notes };
}
var nonEmpty = (h) => h.empty_layer !== true;
function historyMatchesLayers(history, layers) {
  return history !== void 0 && history.filter(nonEmpty).length === layers;
}
function afterNthLayer(history, n) {
  if (n === 0) return 0;
  let seen = 0;
  for (let i = 0; i < history.length; i++) {
    if (nonEmpty(history[i]) && ++seen === n) return i + 1;
  }
  return history.length;
}
function cloneJson(value) {
  return JSON.parse(JSON.stringify(value));
}

// src/rebase/labels.ts
function updateLifecycleLabel(label, update) {
  const parsed = JSON.parse(label);
  const runImage = typeof parsed.runImage === "object" && parsed.runImage !== null ? parsed.runImage : {};
  runImage.topLayer = update.topLayer;
  runImage.reference = update.reference;
  if (update.image !== void 0) runImage.image = update.image;
  parsed.runImage = runImage;
  return JSON.stringify(parsed);
}
function rebasedLabels(labels, base, where) {
  const out = { ...labels, [OCI_BASE_NAME]: base.name, [OCI_BASE_DIGEST]: base.digest };
  const lifecycle = out[LIFECYCLE_METADATA_LABEL];
  if (lifecycle !== void 0) {
    try {
      out[LIFECYCLE_METADATA_LABEL] = updateLifecycleLabel(lifecycle, { topLayer: base.topLayer, reference: base.runImageReference });
    } catch (e) {
      throw new RebaseError(`${where}: the ${LIFECYCLE_METADATA_LABEL} label is not JSON (${e.message}); refusing to leave it naming the old run image`);
    }
  }
  return out;
}
function rebasedAnnotations(annotations, base) {
  return { ...annotations ?? {}, [OCI_BASE_NAME]: base.name, [OCI_BASE_DIGEST]: base.digest };
}

// src/rebase/plan.ts
function documentOf(mediaType, value) {
  const bytes = Buffer.from(JSON.stringify(value), "utf8");
  return { mediaType, digest: `sha256:${createHash("sha256").update(bytes).digest("hex")}`, size: bytes.length, bytes };
}
function isOciManifest(manifest) {
  return manifest.mediaType === void 0 || baseMediaType(manifest.mediaType) === OCI_MANIFEST;
}
function baseLayerFor(image, layer, what) {
  const type = baseMediaType(layer.mediaType);
  if (type === DOCKER_FOREIGN_LAYER || type.includes(".nondistributable.") || type === OCI_LAYER_NONDISTRIBUTABLE_GZIP) {
    throw new RebaseError(`${what}: layer ${layer.digest} is a foreign (non-distributable) layer (${layer.mediaType}); rebasing onto it is not supported`);
  }
  if (isOciManifest(image)) return { ...layer };
  if (type === DOCKER_LAYER) {
    const { annotations: _a, ...rest } = layer;
    return rest;
  }
  if (type === OCI_LAYER_GZIP) return { mediaType: DOCKER_LAYER, digest: layer.digest, size: layer.size };
  throw new RebaseError(
    `${what}: layer ${layer.digest} has media type ${layer.mediaType}, which a Docker v2s2 manifest cannot carry; push the image as OCI, or use a gzip-compressed base`
  );
}
function descriptorJson(d, oci) {
  return {
    mediaType: d.mediaType,
    digest: d.digest,
    size: d.size,
    ...oci && d.annotations && Object.keys(d.annotations).length ? { annotations: d.annotations } : {},
    ...oci && d.artifactType ? { artifactType: d.artifactType } : {},
    ...d.platform ? { platform: d.platform } : {}
  };
}
function planPlatformRebase(input) {
  const where = `image ${input.platform} (${input.sourceDigest})`;
  const { manifest: image, config: imageConfig } = input.image;
  const imageDiffIds = diffIdsOf(image, imageConfig, where);
  const newDiffIds = diffIdsOf(input.newBase.manifest, input.newBase.config, `new base ${input.newBaseName} ${input.platform}`);
  const oldBase = isTopLayerBase(input.oldBase) ? input.oldBase : { diffIds: diffIdsOf(input.oldBase.manifest, input.oldBase.config, `old base ${input.platform}`), history: input.oldBase.config.history };
  const oldCount = baseLayerCount(imageDiffIds, oldBase, where);
  const imageOs = imageConfig.os;
  const imageArch = imageConfig.architecture;
  if (imageOs && input.newBase.config.os && imageOs !== input.newBase.config.os || imageArch && input.newBase.config.architecture && imageArch !== input.newBase.config.architecture) {
    throw new RebaseError(`${where}: the new base is ${input.newBase.config.os}/${input.newBase.config.architecture}, the image ${imageOs}/${imageArch}`);
  }
  const oldBaseLayers = image.layers.slice(0, oldCount);
  const appLayers = image.layers.slice(oldCount);
  const newBaseLayers = input.newBase.manifest.layers.map((l) => baseLayerFor(image, l, `new base ${input.newBaseName} ${input.platform}`));
  const config = cloneJson(imageConfig);
  config.rootfs = { ...config.rootfs ?? {}, type: "layers", diff_ids: [...newDiffIds, ...imageDiffIds.slice(oldCount)] };
  const spliced = spliceHistory({
    platform: input.platform,
    imageHistory: imageConfig.history,
    imageLayers: imageDiffIds.length,
    oldLayers: oldCount,
    oldHistory: isTopLayerBase(oldBase) ? void 0 : oldBase.history,
    newHistory: input.newBase.config.history,
    newLayers: newDiffIds.length,
    newBaseName: input.newBaseName
  });
  const notes = spliced.notes;
  if (spliced.history === void 0) delete config.history;
  else config.history = spliced.history;
  const record = { name: input.newBaseName, digest: input.newBaseDigest };
  const inner = config.config ?? {};
  const labels = rebasedLabels(
    inner.Labels ?? {},
    { ...record, topLayer: newDiffIds[newDiffIds.length - 1] ?? "", runImageReference: `${input.newBaseRepository}@${input.newBase.digest}` },
    where
  );
  config.config = { ...inner, Labels: labels };
  const configDoc = documentOf(image.config.mediaType, config);
  const oci = isOciManifest(image);
  const manifestJson = {
    schemaVersion: 2,
    ...image.mediaType !== void 0 ? { mediaType: image.mediaType } : {},
    config: descriptorJson({ mediaType: image.config.mediaType, digest: configDoc.digest, size: configDoc.size }, oci),
    layers: [...newBaseLayers, ...appLayers].map((l) => descriptorJson(l, oci))
  };
  if (oci) {
    manifestJson.annotations = rebasedAnnotations(image.annotations, record);
  }
  if (image.subject) notes.push(`${input.platform}: the image's subject (${image.subject.digest}) was dropped; it described the old image`);
  const manifestDoc = documentOf(image.mediaType ?? OCI_MANIFEST, manifestJson);
  const platform = {
    platform: input.platform,
    sourceDigest: input.sourceDigest,
    manifest: manifestDoc,
    config: configDoc,
    configDocument: config,
    oldBaseLayers,
    newBaseLayers,
    appLayers,
    newBaseManifestDigest: input.newBase.digest
  };
  return { platform, notes };
}
function droppedReason(d, runnable) {
  if (runnable.has(d.digest)) return void 0;
  if (d.annotations?.["vnd.docker.reference.type"] === "attestation-manifest") {
    return `attestation manifest ${d.digest} dropped: it attests the old image (for ${d.annotations["vnd.docker.reference.digest"] ?? "an old manifest"}), not the rebased one`;
  }
  return `index entry ${d.digest} (${d.mediaType || "no media type"}${d.platform ? `, ${platformOf(d.platform)}` : ""}) dropped: not a platform image that can be rebased`;
}
function planRebase(input) {
  const newBaseDigest = input.newBase.digest;
  const platforms = platformManifests(input.image);
  if (platforms.length === 0) throw new RebaseError(`image ${input.image.reference} has no platform images to rebase`);
  const planned = platforms.map((p) => {
    const image = manifestOf(input.image, p.digest, `image ${p.platform}`);
    const newDigest = matchPlatform(input.newBase, p.platform);
    if (newDigest === void 0) {
      throw new RebaseError(
        `the new base ${input.newBaseName} has no ${p.platform} image (it has ${platformManifests(input.newBase).map((x) => x.platform).join(", ") || "none"})`
      );
    }
    const newBase = { ...manifestOf(input.newBase, newDigest, `new base ${p.platform}`), digest: newDigest };
    let oldBase;
    if (isTopLayerBase(input.oldBase)) {
      oldBase = input.oldBase;
    } else {
      const oldDigest = matchPlatform(input.oldBase, p.platform);
      if (oldDigest === void 0) throw new RebaseError(`the old base ${input.oldBase.reference} has no ${p.platform} image`);
      oldBase = manifestOf(input.oldBase, oldDigest, `old base ${p.platform}`);
    }
    return planPlatformRebase({
      platform: p.platform,
      sourceDigest: p.digest,
      image,
      oldBase,
      newBase,
      newBaseName: input.newBaseName,
      newBaseDigest,
      newBaseRepository: input.newBaseRepository
    });
  });
  const platformPlans = planned.map((p) => p.platform);
  const notes = planned.flatMap((p) => p.notes);
  let root;
  if (input.image.root.kind === "manifest") {
    root = platformPlans[0].manifest;
  } else {
    const index = planIndex(input.image.root, platformPlans, { name: input.newBaseName, digest: newBaseDigest });
    root = index.document;
    notes.push(...index.notes);
  }
  return { root, platforms: platformPlans, sourceDigest: input.image.digest, newBase: { name: input.newBaseName, digest: newBaseDigest }, notes };
}
function planIndex(index, platforms, base) {
  const notes = [];
  const bySource = new Map(platforms.map((p) => [p.sourceDigest, p]));
  const runnable = new Set(platformDescriptors(index).map((d) => d.digest));
  const oci = index.mediaType === void 0 || baseMediaType(index.mediaType) === OCI_INDEX;
  const manifests = [];
  for (const d of index.manifests) {
    const why = droppedReason(d, runnable);
    if (why !== void 0) {
      notes.push(why);
      continue;
    }
    const p = bySource.get(d.digest);
    if (p === void 0) throw new RebaseError(`index entry ${d.digest} (${platformOf(d.platform)}) has no rebased manifest`);
    manifests.push(descriptorJson({ ...d, mediaType: p.manifest.mediaType, digest: p.manifest.digest, size: p.manifest.size }, oci));
  }
  const json = {
    schemaVersion: 2,
    ...index.mediaType !== void 0 ? { mediaType: index.mediaType } : {},
    manifests
  };
  if (oci) json.annotations = rebasedAnnotations(index.annotations, base);
  return { document: documentOf(index.mediaType ?? (oci ? OCI_INDEX : DOCKER_MANIFEST_LIST), json), notes };
}

// src/rebase/push.ts
function repoKey(ref) {
  return `${ref.registry}/${ref.repository}`;
}
function sameRepo(a, b) {
  return a.registry === b.registry && a.repository === b.repository;
}
async function pool(items, limit, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  });
  await Promise.all(workers);
}
async function ensureBlob(writer, target, source, blob) {
  if (await writer.blobExists(target, blob.digest)) return "exists";
  let uploadUrl;
  if (source.registry === target.registry && !sameRepo(source, target)) {
    const mount = await writer.mountBlob(target, blob.digest, source.repository);
    if (mount.mounted) return "mounted";
    uploadUrl = mount.uploadUrl;
  }
  await writer.copyBlob(source, target, blob, uploadUrl);
  return "copied";
}
async function ensureDocumentBlob(writer, target, doc) {
  if (await writer.blobExists(target, doc.digest)) return "exists";
  await writer.uploadBlob(target, doc.digest, doc.bytes);
  return "uploaded";
}
async function pushRebase(opts) {
  const { writer, plan, logger } = opts;
  const blobs = { exists: 0, mounted: 0, copied: 0, uploaded: 0 };
  const pushed = [];
  const byRepo = /* @__PURE__ */ new Map();
  for (const t of opts.targets) {
    const key = repoKey(t);
    const entry = byRepo.get(key) ?? { repo: { registry: t.registry, repository: t.repository }, tags: [] };
    if (t.tag !== void 0 && !entry.tags.includes(t.tag)) entry.tags.push(t.tag);
    byRepo.set(key, entry);
  }
  for (const { repo, tags } of byRepo.values()) {
    const layers = /* @__PURE__ */ new Map();
    for (const p of plan.platforms) {
      for (const l of p.newBaseLayers) if (!layers.has(l.digest)) layers.set(l.digest, { blob: l, source: opts.newBaseRepository });
      for (const l of p.appLayers) if (!layers.has(l.digest)) layers.set(l.digest, { blob: l, source: opts.imageRepository });
    }
    await pool([...layers.values()], opts.concurrency ?? 4, async ({ blob, source }) => {
      const outcome = await ensureBlob(writer, repo, source, blob);
      blobs[outcome]++;
      logger.debug(`${repoKey(repo)}: layer ${blob.digest} ${outcome}${outcome === "mounted" || outcome === "copied" ? ` from ${repoKey(source)}` : ""}`);
    });
    const configs = new Map(plan.platforms.map((p) => [p.config.digest, p.config]));
    for (const config of configs.values()) blobs[await ensureDocumentBlob(writer, repo, config)]++;
    if (plan.platforms.length > 1 || plan.root.digest !== plan.platforms[0]?.manifest.digest) {
      for (const p of plan.platforms) {
        await writer.putManifest(repo, p.manifest.digest, p.manifest);
      }
    }
    await writer.putManifest(repo, plan.root.digest, plan.root);
    pushed.push(formatReference({ ...repo, digest: plan.root.digest }));
    for (const tag of tags) {
      await writer.putManifest(repo, tag, plan.root);
      pushed.push(formatReference({ ...repo, tag }));
      logger.info(`pushed ${formatReference({ ...repo, tag })}@${plan.root.digest}`);
    }
  }
  return { digest: plan.root.digest, pushed, blobs };
}

// src/rebase/rebase.ts
var TAG_ONLY = /^[\w][\w.-]{0,127}$/;
function withoutDigest(ref) {
  return { registry: ref.registry, repository: ref.repository, ...ref.tag !== void 0 ? { tag: ref.tag } : {} };
}
function baseName(ref, digest) {
  return ref.tag !== void 0 ? formatReference(withoutDigest(ref)) : formatReference({ registry: ref.registry, repository: ref.repository, digest });
}
function fetchImageDocuments(client, ref, digest, platforms) {
  return readImageDocuments(client, ref, {
    ...digest !== void 0 ? { digest } : {},
    displayName: formatReference(ref),
    ...platforms ? { choose: (entries) => platforms.map((p) => matchPlatformAmong(indexPlatforms(entries), p)) } : {},
    nestedIndex: (_reference, d) => new RebaseError(`${formatReference(ref)}: ${d} is a nested index; not supported`)
  });
}
function parseRef(input, what) {
  try {
    return parseReference(input);
  } catch (e) {
    throw new RebaseError(`${what}: ${e.message}`);
  }
}
function resolveOldBase(labels, oldBase, annotations) {
  if (oldBase !== void 0) {
    const ref = parseRef(oldBase, "--old-base");
    if (ref.digest === void 0) {
      throw new RebaseError(`--old-base ${JSON.stringify(oldBase)} needs a digest (REF@sha256:\u2026): a tag resolves to today's base, not the one the image was built on`);
    }
    return { ref, ...ref.tag !== void 0 ? { name: formatReference(withoutDigest(ref)) } : {}, digest: ref.digest, from: "--old-base" };
  }
  const named = namedBase(annotations, labels);
  if (named?.kind === "recorded") {
    const recorded = named;
    const { name } = recorded;
    const where = recorded.from === "annotations" ? "annotation" : "label";
    const ref = parseRef(name, `the image's ${OCI_BASE_NAME} ${where}`);
    const digest = ref.digest ?? recorded.digest;
    if (!digest) {
      throw new RebaseError(`the image's ${OCI_BASE_NAME} ${where} names ${name} but no ${OCI_BASE_DIGEST} records which digest it was built on; pass --old-base REF@DIGEST`);
    }
    return { ref: { ...ref, digest }, ...ref.tag !== void 0 ? { name: formatReference(withoutDigest(ref)) } : {}, digest, from: `the ${OCI_BASE_NAME} / base.digest ${where}s` };
  }
  const run = named?.kind === "run-image" ? named.run : {};
  if (run.reference || run.topLayer) {
    const from = `the run image in the ${LIFECYCLE_METADATA_LABEL} label`;
    let ref;
    if (run.reference && run.reference.lastIndexOf("@") > 0) {
      try {
        ref = parseReference(run.reference);
      } catch {
        ref = void 0;
      }
    }
    const imageName2 = run.image ? parseRef(run.image, `runImage.image ${JSON.stringify(run.image)}`) : void 0;
    return {
      ...ref ? { ref } : {},
      ...imageName2 ? { name: formatReference(withoutDigest(imageName2)) } : ref?.tag !== void 0 ? { name: formatReference(withoutDigest(ref)) } : {},
      ...ref?.digest ? { digest: ref.digest } : {},
      ...run.topLayer ? { topLayer: run.topLayer } : {},
      from
    };
  }
  throw new RebaseError(
    `no base image is known for this image: it has neither the ${OCI_BASE_NAME} / ${OCI_BASE_DIGEST} labels nor a buildpack ${LIFECYCLE_METADATA_LABEL} label; pass --old-base REF@DIGEST`
  );
}
function resolveTargets(image, tags) {
  if (!tags || tags.length === 0) return [withoutDigest(image).tag !== void 0 ? withoutDigest(image) : { registry: image.registry, repository: image.repository }];
  return tags.map((t) => {
    const v = t.trim();
    if (TAG_ONLY.test(v) && !v.includes(":")) return { registry: image.registry, repository: image.repository, tag: v };
    const ref = parseRef(v, `--tag ${JSON.stringify(v)}`);
    if (ref.digest !== void 0) throw new RebaseError(`--tag ${JSON.stringify(v)} has a digest; a tag is what gets written (the digest is the result's)`);
    return ref;
  });
}
async function rebaseImage(opts) {
  const { client, logger } = opts;
  const imageRef = parseRef(opts.image, "IMAGE");
  const targets = resolveTargets(imageRef, opts.tags);
  const image = await fetchImageDocuments(client, imageRef);
  const platforms = platformManifests(image).map((p) => p.platform);
  const first = firstPlatform(image);
  const labels = { ...first.config?.config?.Labels ?? {} };
  const old = resolveOldBase(labels, opts.oldBase, first.manifest?.annotations);
  logger.info(`image     ${formatReference(imageRef)} (${image.digest}), ${platforms.join(", ")}`);
  logger.info(`old base  ${old.name ?? old.ref?.repository ?? "(unnamed)"}${old.digest ? `@${old.digest}` : ""}${old.topLayer && !old.digest ? ` (top layer ${old.topLayer})` : ""}: from ${old.from}`);
  const newInput = opts.newBase ?? old.name;
  if (newInput === void 0) {
    throw new RebaseError(`the old base (${old.ref ? formatReference(old.ref) : old.topLayer}) has no tag to resolve again; pass --new-base REF`);
  }
  const newRef = parseRef(newInput, opts.newBase !== void 0 ? "--new-base" : "the old base");
  const newDigest = newRef.digest ?? (await client.headDigest(newRef)).digest;
  const newName = baseName(newRef, newDigest);
  logger.info(`new base  ${newName}@${newDigest}`);
  const newBase = await fetchImageDocuments(client, newRef, newDigest, platforms);
  const base = {
    image: formatReference(imageRef),
    previousDigest: image.digest,
    oldBase: { ...old.name ? { name: old.name } : {}, ...old.digest ? { digest: old.digest } : {}, ...old.topLayer ? { topLayer: old.topLayer } : {}, from: old.from },
    newBase: { name: newName, digest: newDigest }
  };
  const newPlatformDigests = new Set(platformManifests(newBase).map((p) => p.digest));
  const newTop = firstPlatform(newBase).config?.rootfs?.diff_ids?.at(-1);
  const sameTop = old.digest === void 0 && old.topLayer !== void 0 && newTop === old.topLayer;
  if (sameTop || old.digest !== void 0 && (old.digest === newDigest || newPlatformDigests.has(old.digest))) {
    const message2 = `${base.image} is already on the current base ${newName}@${newDigest}; nothing to do`;
    logger.info(message2);
    return { status: "up-to-date", message: message2, ...base, digest: image.digest, platforms: [], pushed: [], notes: [] };
  }
  let oldBase;
  if (old.ref) {
    try {
      oldBase = await fetchImageDocuments(client, old.ref, old.digest, platforms);
    } catch (e) {
      if (!(old.topLayer && isNotFound(e))) throw e;
      logger.warning(`the old run image ${formatReference(old.ref)} is gone (${e.message}); splitting at runImage.topLayer ${old.topLayer}`);
      oldBase = { topLayer: old.topLayer, reference: formatReference(old.ref) };
    }
  } else {
    oldBase = { topLayer: old.topLayer, ...old.name ? { reference: old.name } : {} };
  }
  const plan = planRebase({
    image,
    oldBase,
    newBase,
    newBaseName: newName,
    newBaseRepository: `${newRef.registry}/${newRef.repository}`
  });
  for (const note of plan.notes) logger.info(`note: ${note}`);
  const platformResults = plan.platforms.map((p) => ({
    platform: p.platform,
    previousDigest: p.sourceDigest,
    digest: p.manifest.digest,
    oldBaseLayers: p.oldBaseLayers.length,
    newBaseLayers: p.newBaseLayers.length,
    appLayers: p.appLayers.length
  }));
  for (const p of platformResults) {
    logger.info(`${p.platform.padEnd(14)} ${p.oldBaseLayers} base layer(s) \u2192 ${p.newBaseLayers}, ${p.appLayers} app layer(s) kept: ${p.digest}`);
  }
  const targetText = targets.map((t) => formatReference(t)).join(", ");
  if (opts.dryRun) {
    const message2 = `dry run: would push ${plan.root.digest} to ${targetText}`;
    logger.info(message2);
    return { status: "dry-run", message: message2, ...base, digest: plan.root.digest, platforms: platformResults, pushed: [], notes: plan.notes, plan };
  }
  if (!opts.writer) throw new RebaseError("rebaseImage needs a writer unless dryRun is set");
  const pushed = await pushRebase({
    writer: opts.writer,
    plan,
    imageRepository: { registry: imageRef.registry, repository: imageRef.repository },
    newBaseRepository: { registry: newRef.registry, repository: newRef.repository },
    targets,
    logger
  });
  const b = pushed.blobs;
  const message = `rebased ${base.image} onto ${newName}@${newDigest}: ${plan.root.digest} (layers: ${b.exists} present, ${b.mounted} mounted, ${b.copied} copied)`;
  logger.info(message);
  return { status: "rebased", message, ...base, digest: plan.root.digest, platforms: platformResults, pushed: pushed.pushed, blobs: b, notes: plan.notes, plan };
}

// src/compare/tag-flavour.ts
var TAG = /^(?<prefix>(?:.*?[^\d.])??)(?<version>\d+(?:\.\d+)*)(?<pre>(?:a|b|rc|alpha|beta|pre|preview|dev)\.?\d*|-(?:alpha|beta|rc|pre|preview|dev|snapshot|nightly|canary)(?:[.-]?\d+)*(?=$|[-_]))?(?<suffix>[-_+].*)?$/i;
function parseTag(tag) {
  const m = TAG.exec(tag);
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
  const size = total(layers);
  const changes = aggregateBase(
    layers.map((l) => {
      const s = { index: l.index, digests: [l.digest], size: l.size };
      return presence === "added" ? { status: "added", origin: l.origin, current: s, delta: l.size } : { status: "removed", origin: l.origin, baseline: s, delta: -l.size };
    })
  );
  return presence === "added" ? { platform, presence, currentSize: size, changes } : { platform, presence, baselineSize: size, changes };
}
function total(layers) {
  return layers.reduce((sum, l) => sum + l.size, 0);
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
    const change = { status, origin: after.origin, baseline: sideOf(before), current: sideOf(after), delta };
    if (status === "changed") change.deltaPercent = percent(delta, before.size);
    if (originLabel(before.origin) !== originLabel(after.origin)) change.baselineOrigin = before.origin;
    return change;
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
      size: present.reduce((sum, s) => sum + s.size, 0)
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
  const [created, currentDigest, tags] = await Promise.all([
    registry.getImageCreated ? attempt(`reading when ${datedRef} was built`, () => registry.getImageCreated(datedRef, options.platform)) : void 0,
    tagRef ? attempt(`resolving ${tagRef}`, () => registry.headDigest(tagRef)) : void 0,
    tag && !options.skipTags ? attempt(`listing tags of ${repositoryOf(use.reference)}`, () => registry.listTags(repositoryOf(use.reference))) : void 0
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

// src/image/remote.ts
async function readImageSummary(client, refInput, displayName) {
  return summarizeRegistryImage(await readImageDocuments(client, refInput, displayName !== void 0 ? { displayName } : {}));
}

// src/registry/base-image-registry.ts
function baseImageRegistry(client) {
  return {
    headDigest: async (reference) => (await client.headDigest(reference)).digest,
    listTags: (repository) => client.listTags(repository),
    async getImageCreated(reference, platform) {
      const root = await client.getManifest(reference);
      const wanted = root.document.kind === "index" ? await platform : void 0;
      const choose = (entries) => {
        const described = entries.filter((m) => m.platform);
        return (wanted ? findPlatform(described, wanted) : void 0) ?? described[0];
      };
      const stated = createdFromAnnotations(root.document.kind === "index" ? choose(platformDescriptors(root.document))?.annotations : root.document.annotations);
      if (stated) return stated;
      const docs = await readImageDocuments(client, reference, { digest: root.digest, choose: (entries) => [choose(entries)?.digest] });
      const manifest = docs.root.kind === "manifest" ? docs.root : Object.values(docs.manifests)[0];
      return manifest ? docs.configs[manifest.config.digest]?.created : void 0;
    },
    async listPlatformDigests(reference) {
      const root = await client.getManifest(reference);
      return root.document.kind === "index" ? platformDescriptors(root.document).map((m) => m.digest) : [];
    }
  };
}

// src/report/known-bases.ts
function sameRepositoryAndTag(a, b) {
  try {
    const x = parseReference(a);
    const y = parseReference(b);
    return x.registry === y.registry && x.repository === y.repository && x.tag === y.tag && x.digest === y.digest;
  } catch {
    return a === b;
  }
}
function basesFromLabels(image) {
  return basesNamed(imagePlatforms(image)[0]);
}
function basesNamed(first) {
  const named = namedBase(first?.annotations, first?.labels);
  if (named?.kind === "recorded") {
    const use = { reference: named.name, stage: "base", runtime: true };
    if (named.digest && !named.name.includes("@")) use.digest = named.digest;
    return { uses: [use], from: `the ${OCI_BASE_NAME} ${named.from === "annotations" ? "annotation" : "label"}` };
  }
  if (named?.kind === "run-image") {
    const { run } = named;
    const runDigest = digestOf(run.reference);
    const runRef = run.image ?? (runDigest ? run.reference : void 0);
    if (runRef) {
      const use = { reference: runRef, stage: "run-image", runtime: true };
      if (runDigest && runRef !== run.reference) use.digest = runDigest;
      return { uses: [use], from: `the buildpack run image (${LIFECYCLE_METADATA_LABEL} label)` };
    }
  }
  return { uses: [] };
}
function knownBases(image, references) {
  return knownBasesNamed(imagePlatforms(image)[0], references);
}
function knownBasesFromAnnotations(annotations, references) {
  return recordedBase(annotations, void 0) ? knownBasesNamed({ annotations }, references) : void 0;
}
function knownBasesNamed(first, references) {
  if (references.length === 0) return basesNamed(first);
  const recorded = recordedBase(first?.annotations, first?.labels);
  const labelled = recorded?.name;
  const labelledDigest = recorded?.digest;
  const uses = references.map((reference, i) => {
    const runtime = i === references.length - 1;
    const use = { reference, stage: runtime ? "final" : `stage ${i}`, runtime };
    if (labelled && labelledDigest && !reference.includes("@") && sameRepositoryAndTag(reference, labelled)) use.digest = labelledDigest;
    return use;
  });
  return { uses, from: "--base" };
}
function baseEntryFor(entries, found) {
  return found ?? (entries.length === 1 ? entries[0] : void 0);
}
async function baseLayersByBlob(client, at, image, runtime) {
  const root = (await client.getManifest(at)).document;
  const described = root.kind === "index" ? platformDescriptors(root) : [];
  const found = await Promise.all(
    image.platforms.map(async (p) => {
      let manifest = root;
      if (root.kind === "index") {
        const entry = baseEntryFor(described, findPlatform(described, p.platform));
        if (!entry) return "none";
        manifest = (await client.getManifest(at, entry.digest)).document;
      }
      if (manifest.kind !== "manifest" || manifest.layers.length === 0) return void 0;
      const layers = baseLayersFrom(runtime, p, { layers: manifest.layers.map((l) => ({ digest: l.digest, size: l.size })) });
      return layers.layerCount === manifest.layers.length ? layers : void 0;
    })
  );
  if (found.includes(void 0)) return void 0;
  const byPlatform = { "*": { reference: runtime.reference } };
  image.platforms.forEach((p, i) => {
    const layers = found[i];
    if (layers && layers !== "none") byPlatform[p.platform] = layers;
  });
  return byPlatform;
}
async function basesFor(client, image, uses, logger) {
  const runtime = uses.find((u) => u.runtime);
  if (!runtime || image.source !== "registry") return runtime ? { "*": { reference: runtime.reference } } : void 0;
  try {
    const at = runtime.digest ? `${repositoryOf(runtime.reference)}@${runtime.digest}` : runtime.reference;
    const byBlobs = await baseLayersByBlob(client, at, image, runtime);
    if (byBlobs) return byBlobs;
    const base = await readImageSummary(client, at, runtime.reference);
    const byPlatform = { "*": { reference: runtime.reference } };
    for (const p of image.platforms) {
      const match = baseEntryFor(base.platforms, base.platforms.find((b) => samePlatform(b.platform, p.platform)));
      if (match) byPlatform[p.platform] = baseLayersFrom(runtime, p, match);
    }
    return byPlatform;
  } catch (e) {
    logger.debug(`Base image ${runtime.reference} not read for attribution: ${e.message}`);
    return { "*": { reference: runtime.reference } };
  }
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
  const headline = {
    platformCount: comparison.platforms.filter((p) => p.presence !== "removed").length,
    size: first?.currentSize ?? 0,
    sizeKind: comparison.current.sizeKind
  };
  if (first) headline.platform = first.platform;
  if (comparison.status === "compared" && first?.delta !== void 0) {
    headline.delta = first.delta;
    if (first.deltaPercent !== void 0) headline.deltaPercent = first.deltaPercent;
  }
  const report = {
    schemaVersion: 1,
    generatedAt: input.now.toISOString(),
    image: comparison.current,
    headline,
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

// src/report/assemble.ts
var ImageReadError = class extends Error {
  constructor(reference, attempts) {
    super(`cannot read image ${JSON.stringify(reference)}: ${attempts.join("; ")}`);
    this.reference = reference;
    this.name = "ImageReadError";
  }
  reference;
};
var oneLine2 = (text) => text.replace(/\s+/g, " ").trim();
var messageOf = (e) => oneLine2(e instanceof Error ? e.message : String(e));
async function readImage(source, adapters) {
  const { reference } = source;
  const at = source.registry === void 0 ? reference : source.registry;
  const fromRegistry = async () => at === null ? void 0 : readImageSummary(adapters.client, at, reference);
  const fromEngine = () => readEngineImageSummary(adapters.engine, reference);
  const registryMiss = (e) => `its registry: ${messageOf(e)}`;
  const engineMiss = (e) => `the local Docker engine: ${messageOf(e)}`;
  if (source.engine === "alongside") {
    const [registry, engine] = await Promise.allSettled([fromRegistry(), fromEngine()]);
    if (registry.status === "rejected") throw new ImageReadError(reference, [registryMiss(registry.reason)]);
    const out = [registry.value, engine.status === "fulfilled" ? engine.value : void 0].filter((s) => s !== void 0);
    if (out.length === 0) throw new ImageReadError(reference, [engineMiss(engine.reason)]);
    return out.map((summary) => ({ summary }));
  }
  let registryError;
  try {
    const summary = await fromRegistry();
    if (summary) return [{ summary }];
  } catch (e) {
    registryError = messageOf(e);
  }
  const missed = registryError === void 0 ? [] : [`its registry: ${registryError}`];
  if (source.engine === "never") throw new ImageReadError(reference, missed.length > 0 ? missed : ["not in a registry, and the local engine is not asked"]);
  try {
    return [{ summary: await fromEngine(), ...registryError === void 0 ? {} : { fallback: registryError } }];
  } catch (e) {
    throw new ImageReadError(reference, [...missed, engineMiss(e)]);
  }
}
async function chooseBaseline(request, reads, current) {
  const tried = [];
  let chosen;
  for (const [i, candidate] of request.baselines.entries()) {
    const read = reads[i];
    if (read.status === "rejected") {
      tried.push(messageOf(read.reason));
      continue;
    }
    const summary = pickComparable(current, read.value.map((r) => r.summary));
    chosen = { read: read.value.find((r) => r.summary === summary), origin: candidate.origin };
    break;
  }
  if (request.snapshot && (!chosen || chosen.read.summary.sizeKind !== current.sizeKind)) {
    const snapshot = await request.snapshot();
    const summary = snapshot ? pickComparable(current, snapshot.summaries) : void 0;
    if (summary && (!chosen || summary.sizeKind === current.sizeKind)) {
      chosen = { read: { summary }, origin: "default-branch-snapshot", bases: snapshot.bases };
    } else if (!snapshot) {
      tried.push("no default-branch snapshot in the Actions cache");
    }
  }
  return { chosen, tried };
}
async function basesFromManifest(client, source, references) {
  if (source.registry === null) return void 0;
  const at = source.registry ?? source.reference;
  try {
    let manifest = (await client.getManifest(at)).document;
    if (manifest.kind === "index") {
      const first = platformDescriptors(manifest)[0];
      if (!first) return void 0;
      manifest = (await client.getManifest(at, first.digest)).document;
    }
    return manifest.kind === "manifest" ? knownBasesFromAnnotations(manifest.annotations, references)?.uses : void 0;
  } catch {
    return void 0;
  }
}
function sameUses(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
async function assembleReport(adapters, request) {
  const { client, logger } = adapters;
  const named = "uses" in request.bases ? Promise.resolve(request.bases.uses) : basesFromManifest(client, request.current, request.bases.references);
  const reads = Promise.all([readImage(request.current, adapters), Promise.allSettled(request.baselines.map((b) => readImage(b, adapters)))]);
  const platformOf2 = (image2) => request.platform ?? imagePlatforms(image2)[0]?.platform;
  const early = named.then(
    (uses) => uses ? {
      uses,
      facts: gatherBaseFacts(baseImageRegistry(client), uses, {
        platform: request.platform ?? reads.then(([current2]) => platformOf2(current2[0].summary), () => void 0)
      })
    } : void 0
  );
  const [current, baselineReads] = await reads;
  const image = current[0].summary;
  const bases = "references" in request.bases ? knownBases(image, request.bases.references) : { uses: [...request.bases.uses] };
  const platform = platformOf2(image);
  const started = await early;
  const facts = started && sameUses(started.uses, bases.uses) ? started.facts : gatherBaseFacts(baseImageRegistry(client), bases.uses, platform ? { platform } : {});
  const [currentBases, { chosen, tried }] = await Promise.all([basesFor(client, image, bases.uses, logger), chooseBaseline(request, baselineReads, image)]);
  let baselineBases = chosen?.bases ?? currentBases;
  if (chosen && !chosen.bases) {
    const own = basesFromLabels(chosen.read.summary);
    if (own.uses.length > 0) baselineBases = await basesFor(client, chosen.read.summary, own.uses, logger) ?? currentBases;
  }
  const compared = chosen ? pickComparable(chosen.read.summary, current.map((r) => r.summary)) ?? image : image;
  const baselineError = chosen ? void 0 : tried.join("; ") || void 0;
  const comparison = compareImages({
    current: compared,
    baseline: chosen?.read.summary,
    currentBases: compared === image ? currentBases : void 0,
    baselineBases,
    noBaselineReason: baselineError ?? request.noBaselineReason
  });
  const now = adapters.now();
  const unresolved = "unresolved" in request.bases ? request.bases.unresolved ?? [] : [];
  const freshness = [...assessBases(await facts, { now, maxBaseAge: request.maxBaseAge }), ...unresolved.map(unresolvedFreshness)];
  const report = buildReport({
    comparison,
    freshness,
    baselineOrigin: chosen?.origin,
    failOnSizeIncrease: request.failOnSizeIncrease,
    maxBaseAge: request.maxBaseAge,
    now
  });
  return {
    report,
    current,
    currentBases,
    ...chosen ? { baseline: chosen.read } : {},
    ...baselineError ? { baselineError } : {},
    bases
  };
}

export {
  LIFECYCLE_METADATA_LABEL,
  baseAnnotations,
  runImageFromLabel,
  isStale,
  annotationsFor,
  originLabel,
  escapeMarkdown,
  tableCode,
  inlineCode,
  mermaidLabel,
  truncateWords,
  wrappable,
  truncate,
  VERDICT_WORDS,
  count,
  listing,
  imageName,
  shortImageName,
  formatBytes,
  formatChange,
  unbreakable,
  describeThreshold,
  rebaseImage,
  snapshotLocation,
  loadSnapshot,
  saveSnapshot,
  assembleReport
};
