import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  dockerConfigDir
} from "./chunk-FMNSBQPK.mjs";
import {
  existsSync,
  readFileSync
} from "./chunk-AFJQPEMD.mjs";
import {
  homedir
} from "./chunk-QYXCPXHB.mjs";
import {
  join
} from "./chunk-I2GFJFAX.mjs";
import "./chunk-HB5L67CJ.mjs";

// src/io/buildx-plugin.ts
function buildxPluginDirs(configDir, extraDirs) {
  return [
    ...extraDirs,
    join(configDir, "cli-plugins"),
    "/usr/local/lib/docker/cli-plugins",
    "/usr/local/libexec/docker/cli-plugins",
    "/usr/lib/docker/cli-plugins",
    "/usr/libexec/docker/cli-plugins"
  ];
}
function findBuildxPlugin(env, home = homedir()) {
  if (process.platform !== "linux") return void 0;
  const configDir = dockerConfigDir(env, home);
  let extra = [];
  try {
    const config = JSON.parse(readFileSync(join(configDir, "config.json"), "utf8"));
    if (Array.isArray(config.cliPluginsExtraDirs)) extra = config.cliPluginsExtraDirs.filter((d) => typeof d === "string");
  } catch {
  }
  return buildxPluginDirs(configDir, extra).map((dir) => join(dir, "docker-buildx")).find((path) => existsSync(path));
}
export {
  buildxPluginDirs,
  findBuildxPlugin
};
