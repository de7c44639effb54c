// Adapters over the Actions runner's files and commands (@actions/core), for the action's entrypoints.
import * as core from '@actions/core';
import type { Logger, Outputs, StateStore } from '../adapters.js';

export const actionsLogger: Logger = {
  info: (m) => core.info(m),
  warning: (m, p) => core.warning(m, p),
  error: (m, p) => core.error(m, p),
  debug: (m) => core.debug(m),
  group: (name, fn) => core.group(name, fn),
};

export const actionsOutputs: Outputs = {
  set: (name, value) => core.setOutput(name, value),
};

export const actionsState: StateStore = {
  get: (name) => core.getState(name),
  set: (name, value) => core.saveState(name, value),
};


export async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}

export const maskSecret = (value: string): void => core.setSecret(value);
export const failStep = (message: string): void => core.setFailed(message);
export const addPath = (dir: string): void => core.addPath(dir);
