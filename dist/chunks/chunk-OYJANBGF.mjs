import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  platformString
} from "./chunk-W76PVC6K.mjs";

// src/image/engine.ts
var EngineImageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "EngineImageError";
  }
};
function engineInspectOf(json, reference) {
  const first = Array.isArray(json) ? json[0] : json;
  if (typeof first !== "object" || first === null || typeof first.Id !== "string") {
    throw new EngineImageError(`The Docker engine's inspect of ${reference} holds no image: ${JSON.stringify(JSON.stringify(json ?? null).slice(0, 120))}`);
  }
  return first;
}
function parseEngineInspect(stdout, reference) {
  let json;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new EngineImageError(`docker image inspect ${reference} printed something other than JSON: ${JSON.stringify(stdout.slice(0, 120))}`);
  }
  return engineInspectOf(json, reference);
}
function engineHistoryOf(json, reference) {
  if (!Array.isArray(json)) {
    throw new EngineImageError(`The Docker engine's history of ${reference} is not a list: ${JSON.stringify(JSON.stringify(json ?? null).slice(0, 120))}`);
  }
  return json.map((row, i) => {
    const r = typeof row === "object" && row !== null ? row : {};
    if (typeof r.Size !== "number" || !Number.isFinite(r.Size) || r.Size < 0) {
      throw new EngineImageError(`The Docker engine's history of ${reference}, row ${i + 1}, has an unreadable size ${JSON.stringify(r.Size)}`);
    }
    const created = typeof r.Created === "number" && r.Created > 0 ? new Date(r.Created * 1e3).toISOString().replace(".000Z", "Z") : void 0;
    return {
      createdBy: typeof r.CreatedBy === "string" ? r.CreatedBy : "",
      size: r.Size,
      ...created ? { createdAt: created } : {},
      ...typeof r.Comment === "string" && r.Comment !== "" ? { comment: r.Comment } : {}
    };
  }).reverse();
}
function driverStatusOf(json) {
  const rows = typeof json === "object" && json !== null && !Array.isArray(json) ? json.DriverStatus : json;
  if (!Array.isArray(rows)) return [];
  return rows.filter((r) => Array.isArray(r) && r.length === 2 && r.every((v) => typeof v === "string"));
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
    const size = parseSize(row.Size);
    if (size === void 0) {
      throw new EngineImageError(`docker history ${reference} line ${i + 1} has an unreadable size ${JSON.stringify(row.Size)}`);
    }
    rows.push({
      createdBy: typeof row.CreatedBy === "string" ? row.CreatedBy : "",
      size,
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
function layerRows(history, layerCount) {
  const isLayer = history.map((h) => h.size > 0);
  let missing = layerCount - isLayer.filter(Boolean).length;
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
async function readEngineImageSummary(engine, reference) {
  const [inspect, history] = await Promise.all([engine.image(reference), engine.history(reference)]);
  if (!inspect || !history) throw new EngineImageError(`No such image: ${reference} in the Docker engine at ${engine.address}`);
  return summarizeEngineImage(reference, inspect, history);
}

export {
  engineInspectOf,
  parseEngineInspect,
  engineHistoryOf,
  driverStatusOf,
  parseEngineHistory,
  readEngineImageSummary
};
