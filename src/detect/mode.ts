// Which way to build: pure, from a listing of the build context (listing.ts) and the inputs. What
// counts as a buildpack app is signals.ts, the table builder choice reads too.
import type { ModeInput } from '../inputs.js';
import { languageMatches, signalPatterns, unsupportedLanguage } from './signals.js';

/** The two ways Strata builds; detection decides, build/ carries it in its result. */
export type BuildMode = 'dockerfile' | 'buildpack';

export const DOCKERFILE_NAMES = ['Dockerfile', 'Containerfile'] as const;

/** Not a language, but pack's project descriptor: its presence means "build me with buildpacks". */
const DESCRIPTOR = 'project.toml';

export interface ModeDecision {
  mode: BuildMode;
  /** One line for the log and the `mode-reason` output. */
  reason: string;
  /** The Dockerfile to build (dockerfile mode), relative to the workspace. */
  dockerfile?: string;
  /** The file that decided, relative to the context (or the input that did). */
  decidedBy: string;
}

export class DetectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DetectionError';
  }
}

export interface DetectRequest {
  requested: ModeInput;
  /** Paths relative to the context: its root entries and those of signals.ts LISTED_DIRS. */
  contextFiles: readonly string[];
  /** The buildpack-builder input: a builder the user chose may carry what the defaults don't. */
  buildpackBuilder?: string;
  /** The context as given (for messages and paths). */
  context: string;
  /** The `file` input, when set, and whether it exists. */
  file?: { path: string; exists: boolean };
}

export function join(dir: string, name: string): string {
  return dir === '.' || dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`;
}

export function findDockerfile(contextFiles: readonly string[]): string | undefined {
  return DOCKERFILE_NAMES.find((n) => contextFiles.includes(n));
}

/** The file by which the default builders' detection would recognise the app (signals.ts), or project.toml. */
export function findBuildpackMarker(contextFiles: readonly string[]): string | undefined {
  return languageMatches(contextFiles)[0]?.file ?? (contextFiles.includes(DESCRIPTOR) ? DESCRIPTOR : undefined);
}

function markerList(): string {
  return [...signalPatterns(), DESCRIPTOR].join(', ');
}

/** A language no default builder carries, with no project.toml or builder input to bring one. */
function unsupportedError(req: DetectRequest): DetectionError | undefined {
  const unsupported = unsupportedLanguage(req.contextFiles);
  if (!unsupported || req.contextFiles.includes(DESCRIPTOR) || req.buildpackBuilder?.trim()) return undefined;
  return new DetectionError(
    `The context ${JSON.stringify(req.context)} is a ${unsupported.language} app (${join(req.context, unsupported.file)}), and there is no ${DOCKERFILE_NAMES.join(' or ')}. ${unsupported.advice}`,
  );
}

export function detectMode(req: DetectRequest): ModeDecision {
  const { requested, contextFiles, context, file } = req;
  if (file && !file.exists) {
    throw new DetectionError(
      `Input "file" names ${JSON.stringify(file.path)}, which does not exist. Give a path relative to the workspace, or leave "file" empty to use ${DOCKERFILE_NAMES.join(' or ')} in the context.`,
    );
  }
  const found = findDockerfile(contextFiles);
  const dockerfile = file?.path ?? (found ? join(context, found) : undefined);

  if (requested === 'dockerfile') {
    if (!dockerfile) {
      throw new DetectionError(
        `Input "mode" is "dockerfile" but there is no ${DOCKERFILE_NAMES.join(' or ')} in the context ${JSON.stringify(context)}. Add one, set "file" to its path, or use mode "buildpack" or "auto".`,
      );
    }
    return { mode: 'dockerfile', dockerfile, decidedBy: 'mode', reason: `mode input is "dockerfile"; building ${dockerfile}` };
  }

  // A language the default builders lack still means buildpacks when the user chose a builder.
  const marker = findBuildpackMarker(contextFiles) ?? (req.buildpackBuilder?.trim() ? unsupportedLanguage(contextFiles)?.file : undefined);
  if (requested === 'buildpack') {
    if (!marker) {
      throw (
        unsupportedError(req) ??
        new DetectionError(
          `Input "mode" is "buildpack" but the context ${JSON.stringify(context)} holds none of the files the default builders detect (${markerList()}). Check "context", or use mode "dockerfile".`,
        )
      );
    }
    const ignored = dockerfile ? ` (${dockerfile} is ignored)` : '';
    return { mode: 'buildpack', decidedBy: 'mode', reason: `mode input is "buildpack"; app recognised by ${join(context, marker)}${ignored}` };
  }

  if (file) {
    return { mode: 'dockerfile', dockerfile: file.path, decidedBy: 'file', reason: `file input ${file.path} means a Dockerfile build` };
  }
  if (dockerfile && found) {
    return { mode: 'dockerfile', dockerfile, decidedBy: found, reason: `${dockerfile} found, so BuildKit builds it` };
  }
  if (marker) {
    return {
      mode: 'buildpack',
      decidedBy: marker,
      reason: `no Dockerfile; ${join(context, marker)} found, so Cloud Native Buildpacks build it`,
    };
  }
  throw (
    unsupportedError(req) ??
    new DetectionError(
      `Cannot tell how to build the context ${JSON.stringify(context)}: it has no ${DOCKERFILE_NAMES.join(' or ')} and none of the files the default builders detect (${markerList()}). Add a Dockerfile, point "context" at your app, or set "file".`,
    )
  );
}
