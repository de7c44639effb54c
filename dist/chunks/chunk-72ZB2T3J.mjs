import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  LIFECYCLE_METADATA_LABEL,
  OCI_BASE_DIGEST,
  OCI_BASE_NAME,
  namedBase
} from "./chunk-QENUDSVZ.mjs";
import {
  DOCKER_FOREIGN_LAYER,
  DOCKER_LAYER,
  DOCKER_MANIFEST_LIST,
  OCI_INDEX,
  OCI_LAYER_GZIP,
  OCI_LAYER_NONDISTRIBUTABLE_GZIP,
  OCI_MANIFEST,
  RegistryError,
  baseMediaType,
  platformDescriptors,
  readImageDocuments
} from "./chunk-MFKHNTSA.mjs";
import {
  formatReference,
  parseReference
} from "./chunk-BK2RAPPI.mjs";
import {
  platformKey,
  platformString,
  samePlatform
} from "./chunk-W76PVC6K.mjs";

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

// src/rebase/plan.ts
import { createHash } from "node:crypto";

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
    const imageName = run.image ? parseRef(run.image, `runImage.image ${JSON.stringify(run.image)}`) : void 0;
    return {
      ...ref ? { ref } : {},
      ...imageName ? { name: formatReference(withoutDigest(imageName)) } : ref?.tag !== void 0 ? { name: formatReference(withoutDigest(ref)) } : {},
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
      if (!(old.topLayer && e instanceof RegistryError && e.status === 404)) throw e;
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

export {
  rebaseImage
};
