// Images built with --load (not pushed) are read from the local Docker engine. The engine only
// knows uncompressed sizes, so these summaries say sizeKind 'uncompressed' and the comparison
// must not mix them with registry sizes.
import type { DockerEngine } from '../adapters.js';
import { platformString } from './platforms.js';
import type { HistoryEntry, ImageSummary, LayerInfo } from './types.js';

export interface EngineInspect {
  Id: string;
  RepoDigests?: string[];
  Created?: string;
  Os?: string;
  Architecture?: string;
  Variant?: string;
  Config?: { Labels?: Record<string, string> | null };
  RootFS?: { Type?: string; Layers?: string[] };
}

export interface EngineHistoryRow {
  createdAt?: string;
  createdBy: string;
  comment?: string;
  /** Bytes (from --human=false). */
  size: number;
}

export class EngineImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineImageError';
  }
}

/**
 * The image in GET /images/{name}/json (an object) or `docker image inspect`'s output (an array of
 * one, the same document): the CLI prints what the API returns.
 */
export function engineInspectOf(json: unknown, reference: string): EngineInspect {
  const first: unknown = Array.isArray(json) ? json[0] : json;
  if (typeof first !== 'object' || first === null || typeof (first as EngineInspect).Id !== 'string') {
    throw new EngineImageError(`The Docker engine's inspect of ${reference} holds no image: ${JSON.stringify(JSON.stringify(json ?? null).slice(0, 120))}`);
  }
  return first as EngineInspect;
}

/** `docker image inspect REF` output (the CLI fallback). */
export function parseEngineInspect(stdout: string, reference: string): EngineInspect {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw new EngineImageError(`docker image inspect ${reference} printed something other than JSON: ${JSON.stringify(stdout.slice(0, 120))}`);
  }
  return engineInspectOf(json, reference);
}

/**
 * GET /images/{name}/history: newest first, Created in unix seconds, Size in bytes. (The CLI's
 * `docker history` derives its CreatedAt and Size columns from these.) Oldest first here.
 */
export function engineHistoryOf(json: unknown, reference: string): EngineHistoryRow[] {
  if (!Array.isArray(json)) {
    throw new EngineImageError(`The Docker engine's history of ${reference} is not a list: ${JSON.stringify(JSON.stringify(json ?? null).slice(0, 120))}`);
  }
  return json
    .map((row: unknown, i): EngineHistoryRow => {
      const r = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
      if (typeof r.Size !== 'number' || !Number.isFinite(r.Size) || r.Size < 0) {
        throw new EngineImageError(`The Docker engine's history of ${reference}, row ${i + 1}, has an unreadable size ${JSON.stringify(r.Size)}`);
      }
      // A missing timestamp is 0 (or, from some builders, negative): no date rather than 1970.
      const created = typeof r.Created === 'number' && r.Created > 0 ? new Date(r.Created * 1000).toISOString().replace('.000Z', 'Z') : undefined;
      return {
        createdBy: typeof r.CreatedBy === 'string' ? r.CreatedBy : '',
        size: r.Size,
        ...(created ? { createdAt: created } : {}),
        ...(typeof r.Comment === 'string' && r.Comment !== '' ? { comment: r.Comment } : {}),
      };
    })
    .reverse();
}

/** GET /info's DriverStatus (`docker info --format '{{json .DriverStatus}}'`): pairs, or null. */
export function driverStatusOf(json: unknown): Array<[string, string]> {
  const rows = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as { DriverStatus?: unknown }).DriverStatus : json;
  if (!Array.isArray(rows)) return [];
  return rows.filter((r): r is [string, string] => Array.isArray(r) && r.length === 2 && r.every((v) => typeof v === 'string'));
}

/** `docker history --no-trunc --human=false --format '{{json .}}'`: one JSON object per line, newest first. */
export function parseEngineHistory(stdout: string, reference: string): EngineHistoryRow[] {
  const rows: EngineHistoryRow[] = [];
  for (const [i, line] of stdout.split('\n').entries()) {
    if (line.trim() === '') continue;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new EngineImageError(`docker history ${reference} line ${i + 1} is not JSON: ${JSON.stringify(line.slice(0, 120))}`);
    }
    const size = parseSize(row.Size);
    if (size === undefined) {
      throw new EngineImageError(`docker history ${reference} line ${i + 1} has an unreadable size ${JSON.stringify(row.Size)}`);
    }
    rows.push({
      createdBy: typeof row.CreatedBy === 'string' ? row.CreatedBy : '',
      size,
      ...(typeof row.CreatedAt === 'string' && row.CreatedAt !== '' ? { createdAt: row.CreatedAt } : {}),
      ...(typeof row.Comment === 'string' && row.Comment !== '' ? { comment: row.Comment } : {}),
    });
  }
  return rows.reverse();
}

function parseSize(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  // Human-readable sizes (an engine that ignored --human=false); docker uses SI units.
  const m = /^([\d.]+)\s*([kMGT]?B)$/i.exec(v.trim());
  if (!m) return undefined;
  const unit = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 }[m[2]!.toLowerCase()]!;
  return Math.round(Number(m[1]) * unit);
}

// Instructions that only change the config. `docker history` does not say which rows made a
// layer (the config's empty_layer flag is not exposed), and a real layer can be 0 bytes.
const METADATA_ONLY = /^(?:\/bin\/sh -c #\(nop\)\s*)?(?:ENV|LABEL|CMD|ENTRYPOINT|EXPOSE|USER|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL|VOLUME|MAINTAINER)\b/i;

/**
 * Marks which history rows (oldest first) produced the image's layers: rows with bytes do;
 * zero-byte rows fill the remaining count unless they are metadata-only instructions.
 */
export function layerRows(history: EngineHistoryRow[], layerCount: number): boolean[] {
  const isLayer = history.map((h) => h.size > 0);
  let missing = layerCount - isLayer.filter(Boolean).length;
  for (let i = 0; i < history.length && missing > 0; i++) {
    if (!isLayer[i] && !METADATA_ONLY.test(history[i]!.createdBy)) {
      isLayer[i] = true;
      missing--;
    }
  }
  return isLayer;
}

export function summarizeEngineImage(reference: string, inspect: EngineInspect, history: EngineHistoryRow[]): ImageSummary {
  const diffIds = inspect.RootFS?.Layers ?? [];
  const isLayer = layerRows(history, diffIds.length);
  const layerSizes = history.filter((_, i) => isLayer[i]).map((h) => h.size);
  // If the rows and the layers still disagree, sizes are unknown rather than misattributed.
  const aligned = layerSizes.length === diffIds.length;
  const layers: LayerInfo[] = diffIds.map((diffId, i) => ({
    digest: diffId,
    size: aligned ? layerSizes[i]! : 0,
    diffId,
  }));
  const entries: HistoryEntry[] = history.map((h, i) => ({
    ...(h.createdAt ? { created: h.createdAt } : {}),
    ...(h.createdBy ? { createdBy: h.createdBy } : {}),
    ...(h.comment ? { comment: h.comment } : {}),
    emptyLayer: !isLayer[i],
  }));
  const platform = platformString({
    ...(inspect.Os ? { os: inspect.Os } : {}),
    ...(inspect.Architecture ? { architecture: inspect.Architecture } : {}),
    ...(inspect.Variant ? { variant: inspect.Variant } : {}),
  });
  return {
    reference,
    digest: inspect.Id,
    source: 'engine',
    sizeKind: 'uncompressed',
    platforms: [
      {
        platform,
        // With the containerd image store the image ID is the manifest digest; with the classic
        // store it is the config digest. Either way it identifies this platform's image.
        manifestDigest: inspect.Id,
        configDigest: inspect.Id,
        ...(inspect.Created ? { created: inspect.Created } : {}),
        layers,
        history: entries,
        labels: { ...(inspect.Config?.Labels ?? {}) },
      },
    ],
  };
}

/** Reads a local image from the engine (its API, or the docker CLI where the API is out of reach). */
export async function readEngineImageSummary(engine: DockerEngine, reference: string): Promise<ImageSummary> {
  const [inspect, history] = await Promise.all([engine.image(reference), engine.history(reference)]);
  if (!inspect || !history) throw new EngineImageError(`No such image: ${reference} in the Docker engine at ${engine.address}`);
  return summarizeEngineImage(reference, inspect, history);
}
