// Where an image's base ends and what its history becomes on a new base. Pure: diffIDs and
// history entries in, a layer count and a new history (with notes for a reader) out.
import { LIFECYCLE_METADATA_LABEL } from '../image/labels.js';
import type { ConfigHistory } from '../registry/manifest.js';
import { RebaseError, isTopLayerBase, type TopLayerBase } from './documents.js';

/** The old base as the split needs it: its diffIDs (and history), or a buildpack top layer. */
export type BaseLayers = { diffIds: readonly string[]; history?: readonly ConfigHistory[] } | TopLayerBase;

/**
 * How many of the image's layers (from the bottom) are the old base's. Throws RebaseError when
 * the old base's layers are not a prefix of the image's, or its top layer is not among them.
 */
export function baseLayerCount(imageDiffIds: readonly string[], oldBase: BaseLayers, where: string): number {
  if (isTopLayerBase(oldBase)) {
    const at = imageDiffIds.indexOf(oldBase.topLayer);
    if (at === -1) {
      throw new RebaseError(
        `${where}: the run image's top layer ${oldBase.topLayer} (runImage.topLayer of ${LIFECYCLE_METADATA_LABEL}) is not among the image's layers; cannot tell its base layers apart`,
      );
    }
    return at + 1;
  }
  const oldDiffIds = oldBase.diffIds;
  const firstDiff = oldDiffIds.findIndex((d, i) => imageDiffIds[i] !== d);
  if (oldDiffIds.length > imageDiffIds.length || firstDiff !== -1) {
    const at = firstDiff === -1 ? imageDiffIds.length : firstDiff;
    throw new RebaseError(
      `${where}: the old base's layers are not a prefix of the image's layers (they differ at layer ${at}: ` +
        `base ${oldDiffIds[at] ?? '(none)'}, image ${imageDiffIds[at] ?? '(none)'}); ` +
        'the image was not built on that base, so its base layers cannot be told apart. Pass the right --old-base REF@DIGEST',
    );
  }
  return oldDiffIds.length;
}

export interface HistorySplice {
  /** os/arch[/variant], for the notes. */
  platform: string;
  /** The image's history and how many layers it has. */
  imageHistory: readonly ConfigHistory[] | undefined;
  imageLayers: number;
  /** How many of the image's layers are the old base's (baseLayerCount), and its history when known. */
  oldLayers: number;
  oldHistory: readonly ConfigHistory[] | undefined;
  /** The new base's history and layer count, and its name for placeholder entries. */
  newHistory: readonly ConfigHistory[] | undefined;
  newLayers: number;
  newBaseName: string;
}

/**
 * The image's history on the new base: the new base's entries, then the image's own after the
 * old base's. `history` is undefined when the image had none, or one that did not match its
 * layers (then it is dropped, with a note); an empty history stays empty.
 */
export function spliceHistory(s: HistorySplice): { history?: ConfigHistory[]; notes: string[] } {
  const notes: string[] = [];
  const imageHistory = s.imageHistory;
  if (imageHistory === undefined) return { notes };
  if (imageHistory.length === 0) return { history: [], notes };
  if (!historyMatchesLayers(imageHistory, s.imageLayers)) {
    notes.push(`${s.platform}: the image's history does not match its layers (${imageHistory.filter(nonEmpty).length} entries made layers, ${s.imageLayers} layers); history dropped`);
    return { notes };
  }
  let split: number;
  const oldHistory = s.oldHistory;
  if (oldHistory !== undefined && historyMatchesLayers(oldHistory, s.oldLayers) && imageHistory.slice(0, oldHistory.length).filter(nonEmpty).length === s.oldLayers) {
    split = oldHistory.length;
  } else {
    split = afterNthLayer(imageHistory, s.oldLayers);
    notes.push(`${s.platform}: the old base's history is not known or does not line up; split the image's history after its first ${s.oldLayers} layer entries`);
  }
  let newHistory: readonly ConfigHistory[] = s.newHistory ?? [];
  if (!historyMatchesLayers(newHistory, s.newLayers)) {
    newHistory = Array.from({ length: s.newLayers }, () => ({ created_by: `layer of ${s.newBaseName} (strata rebase)` }));
    notes.push(`${s.platform}: the new base's history does not match its layers; one placeholder entry per base layer`);
  }
  return { history: [...cloneJson(newHistory), ...cloneJson(imageHistory.slice(split))], notes };
}

const nonEmpty = (h: ConfigHistory) => h.empty_layer !== true;

function historyMatchesLayers(history: readonly ConfigHistory[] | undefined, layers: number): boolean {
  return history !== undefined && history.filter(nonEmpty).length === layers;
}

/** Index just after the n-th history entry that made a layer (0 when n is 0). */
export function afterNthLayer(history: readonly ConfigHistory[], n: number): number {
  if (n === 0) return 0;
  let seen = 0;
  for (let i = 0; i < history.length; i++) {
    if (nonEmpty(history[i]!) && ++seen === n) return i + 1;
  }
  return history.length;
}

export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
