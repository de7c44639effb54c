import type { BuildMode } from '../detect/mode.js';
import type { LayerReuse } from './lifecycle-log.js';

/** A base image the build started from: a FROM line or the buildpack run image. */
export interface BaseImageUse {
  /** As written after ARG/build-arg substitution, e.g. node:20.11-slim */
  reference: string;
  /** The digest it resolved to when built (index or manifest digest), when known. */
  digest?: string;
  /** Stage name or index in a multi-stage Dockerfile; 'run-image' for buildpacks. */
  stage: string;
  /** The final stage's base: what the image ships on. */
  runtime: boolean;
  /** The target platforms it is a base of, when not all of the build's (e.g. FROM base-${TARGETARCH}). */
  platforms?: string[];
  /** Where it was declared, for annotations. */
  file?: string;
  line?: number;
}

/** A FROM whose reference Strata could not work out (e.g. an ARG without a default or build arg). */
export interface UnresolvedBaseUse {
  stage: string;
  line: number;
  reason: string;
  runtime: boolean;
  file?: string;
}

export interface BuildResult {
  mode: BuildMode;
  /** Full references the image was tagged as. */
  tags: string[];
  /** Registry manifest/index digest when pushed (sha256:...). */
  digest?: string;
  /** Local image/config id when known. */
  imageId?: string;
  pushed: boolean;
  /** Raw build metadata (buildx --metadata-file, or pack's report.toml as JSON). */
  metadata: Record<string, unknown>;
  baseImages: BaseImageUse[];
  /** Buildpack mode: the builder used. */
  builder?: string;
  /** Dockerfile mode: FROM lines whose base could not be resolved (reported as such, never guessed). */
  unresolvedBases?: UnresolvedBaseUse[];
  /** Buildpack mode: what the lifecycle reused, in its own words (parsed from its log). */
  layerReuse?: LayerReuse & { previousImage?: string };
}
