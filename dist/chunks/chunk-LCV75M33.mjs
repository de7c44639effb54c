import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  RegistryClient,
  createCredentialResolver,
  parseDockerConfig,
  parseReference,
  readDockerConfigFile
} from "./chunk-A6A7MM7N.mjs";

// src/registry/for-run.ts
import { homedir } from "node:os";
async function createRunRegistryClient(opts) {
  return new RegistryClient(await runRegistryOptions(opts));
}
async function runRegistryOptions(opts) {
  let dockerConfig;
  const file = await readDockerConfigFile(opts.env, opts.env.HOME || homedir());
  if (file) {
    try {
      dockerConfig = parseDockerConfig(file.content, file.path);
      for (const note of dockerConfig.notes) opts.logger.debug(note);
    } catch (e) {
      opts.logger.warning(`Ignoring the docker config: ${e.message}`);
    }
  }
  const input = opts.image && opts.username && opts.password ? { registry: parseReference(opts.image).registry, username: opts.username, password: opts.password } : void 0;
  return {
    fetch: globalThis.fetch,
    credentials: createCredentialResolver({ input, dockerConfig }),
    timeoutMs: 3e4,
    logger: opts.logger
  };
}
function baseImageRegistry(client) {
  return {
    headDigest: async (reference) => (await client.headDigest(reference)).digest,
    listTags: (repository) => client.listTags(repository),
    async getImageCreated(reference, platform) {
      const root = await client.getManifest(reference);
      let configDigest;
      if (root.document.kind === "manifest") {
        configDigest = root.document.config.digest;
      } else {
        const entries = root.document.manifests.filter((m) => m.platform && m.platform.os !== "unknown");
        const wanted = platform ? entries.find((m) => `${m.platform.os}/${m.platform.architecture}${m.platform.variant ? `/${m.platform.variant}` : ""}`.startsWith(platform)) : void 0;
        const entry = wanted ?? entries[0];
        if (!entry) return void 0;
        const child = await client.getManifest(reference, entry.digest);
        if (child.document.kind === "manifest") configDigest = child.document.config.digest;
      }
      return configDigest ? (await client.getConfig(reference, configDigest)).created : void 0;
    },
    async listPlatformDigests(reference) {
      const root = await client.getManifest(reference);
      return root.document.kind === "index" ? root.document.manifests.map((m) => m.digest) : [];
    }
  };
}

export {
  createRunRegistryClient,
  runRegistryOptions,
  baseImageRegistry
};
