// Which way to build: pure, from the names of the files in the build context and the inputs.
import type { BuildMode } from '../build/types.js';
import type { ModeInput } from '../inputs.js';

export const DOCKERFILE_NAMES = ['Dockerfile', 'Containerfile'] as const;

/** Files by which the public buildpack builders recognise an app (any one of them is enough). */
export const BUILDPACK_MARKERS = [
  'package.json',
  'go.mod',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'requirements.txt',
  'pyproject.toml',
  'Pipfile',
  'Gemfile',
  'composer.json',
  'Cargo.toml',
  '*.csproj',
  'Procfile',
  'project.toml',
] as const;

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
  /** Names of the entries directly in the context directory. */
  contextFiles: readonly string[];
  /** The context as given (for messages and paths). */
  context: string;
  /** The `file` input, when set, and whether it exists. */
  file?: { path: string; exists: boolean };
}

function join(dir: string, name: string): string {
  return dir === '.' || dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`;
}

function matches(marker: string, name: string): boolean {
  return marker.startsWith('*') ? name.endsWith(marker.slice(1)) : name === marker;
}

export function findDockerfile(contextFiles: readonly string[]): string | undefined {
  return DOCKERFILE_NAMES.find((n) => contextFiles.includes(n));
}

export function findBuildpackMarker(contextFiles: readonly string[]): string | undefined {
  for (const marker of BUILDPACK_MARKERS) {
    const hit = contextFiles.find((f) => matches(marker, f));
    if (hit) return hit;
  }
  return undefined;
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

  const marker = findBuildpackMarker(contextFiles);
  if (requested === 'buildpack') {
    if (!marker) {
      throw new DetectionError(
        `Input "mode" is "buildpack" but the context ${JSON.stringify(context)} holds none of the files buildpacks recognise (${BUILDPACK_MARKERS.join(', ')}). Check "context", or use mode "dockerfile".`,
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
  throw new DetectionError(
    `Cannot tell how to build the context ${JSON.stringify(context)}: it has no ${DOCKERFILE_NAMES.join(' or ')} and none of the files buildpacks recognise (${BUILDPACK_MARKERS.join(', ')}). Add a Dockerfile, point "context" at your app, or set "file".`,
  );
}
