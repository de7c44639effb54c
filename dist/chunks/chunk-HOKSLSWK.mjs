import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  driverStatusOf,
  engineHistoryOf,
  engineInspectOf,
  parseEngineHistory,
  parseEngineInspect
} from "./chunk-OYJANBGF.mjs";
import {
  ENGINE_API_MS
} from "./chunk-55EGGPV3.mjs";
import {
  dockerConfigDir
} from "./chunk-FMNSBQPK.mjs";
import {
  readFileSync
} from "./chunk-AFJQPEMD.mjs";
import {
  homedir
} from "./chunk-QYXCPXHB.mjs";
import {
  join
} from "./chunk-I2GFJFAX.mjs";

// src/io/docker-engine-cli.ts
function failure(args, r) {
  return new Error(`\`docker ${args.join(" ")}\` failed (exit ${r.exitCode}): ${(r.stderr || r.stdout).trim()}`);
}
var NO_SUCH_IMAGE = /No such image/i;
function createCliEngine(exec, address) {
  return {
    address,
    async image(reference) {
      const args = ["image", "inspect", "--format", "{{json .}}", reference];
      const r = await exec.run("docker", args);
      if (r.exitCode === 0) return parseEngineInspect(r.stdout, reference);
      if (NO_SUCH_IMAGE.test(r.stderr)) return void 0;
      throw failure(args, r);
    },
    async history(reference) {
      const args = ["history", "--no-trunc", "--human=false", "--format", "{{json .}}", reference];
      const r = await exec.run("docker", args);
      if (r.exitCode === 0) return parseEngineHistory(r.stdout, reference);
      if (NO_SUCH_IMAGE.test(r.stderr)) return void 0;
      throw failure(args, r);
    },
    async driverStatus() {
      const args = ["info", "--format", "{{json .DriverStatus}}"];
      const r = await exec.run("docker", args);
      if (r.exitCode !== 0) throw new Error((r.stderr || r.stdout).trim() || `\`docker ${args.join(" ")}\` failed (exit ${r.exitCode})`);
      try {
        return driverStatusOf(JSON.parse(r.stdout));
      } catch {
        throw new Error(`\`docker ${args.join(" ")}\` printed something other than JSON: ${JSON.stringify(r.stdout.slice(0, 120))}`);
      }
    }
  };
}

// src/io/docker-engine.ts
var DEFAULT_SOCKET = "/var/run/docker.sock";
function engineEndpoint(env, currentContext, configDir) {
  const host = env.DOCKER_HOST ?? "";
  if (host === "") {
    const context = env.DOCKER_CONTEXT || currentContext || "default";
    if (context !== "default") return { kind: "cli", reason: `docker context ${JSON.stringify(context)}` };
    return { kind: "unix", socketPath: DEFAULT_SOCKET, address: `unix://${DEFAULT_SOCKET}` };
  }
  let url;
  try {
    url = new URL(host);
  } catch {
    return { kind: "cli", reason: `DOCKER_HOST=${JSON.stringify(shown(host))}` };
  }
  if (url.protocol === "unix:") {
    const socketPath = host.slice("unix://".length) || DEFAULT_SOCKET;
    return { kind: "unix", socketPath, address: `unix://${socketPath}` };
  }
  const tlsVerify = (env.DOCKER_TLS_VERIFY ?? "") !== "";
  if (url.protocol !== "tcp:" || url.pathname !== "" && url.pathname !== "/" || !tlsVerify && (env.DOCKER_TLS ?? "") !== "") {
    return { kind: "cli", reason: `DOCKER_HOST=${JSON.stringify(shown(host))}` };
  }
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const port = url.port ? Number(url.port) : tlsVerify ? 2376 : 2375;
  return {
    kind: "tcp",
    host: hostname,
    port,
    ...tlsVerify ? { tls: { certDir: env.DOCKER_CERT_PATH || configDir } } : {},
    address: `tcp://${url.host.includes(":") || url.port ? url.host : `${url.host}:${port}`}`
  };
}
function shown(host) {
  return host.replace(/\/\/([^/@:]*):[^/@]*@/, "//$1:***@");
}
function currentContextOf(content) {
  if (content === void 0) return void 0;
  try {
    const json2 = JSON.parse(content);
    return typeof json2.currentContext === "string" && json2.currentContext !== "" ? json2.currentContext : void 0;
  } catch {
    return "unreadable config.json";
  }
}
var NEWEST_API = "1.51";
function apiVersionFor(engine) {
  if (!engine || !/^\d+\.\d+$/.test(engine)) return void 0;
  const [major, minor] = engine.split(".").map(Number);
  const [newestMajor, newestMinor] = NEWEST_API.split(".").map(Number);
  return major < newestMajor || major === newestMajor && minor < newestMinor ? engine : NEWEST_API;
}
var EngineCallError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "EngineCallError";
  }
};
var MAX_BODY = 32 * 1024 * 1024;
function get({ endpoint, request, tls }, path, timeoutMs) {
  const call = `GET ${path} on ${endpoint.address}`;
  return new Promise((resolve, reject) => {
    const options = {
      method: "GET",
      path,
      agent: false,
      ...endpoint.kind === "unix" ? { socketPath: endpoint.socketPath } : { host: endpoint.host, port: endpoint.port, ...tls }
    };
    const req = request(options, (res) => {
      const chunks = [];
      let size = 0;
      res.on("data", (d) => {
        size += d.length;
        if (size > MAX_BODY) req.destroy(new EngineCallError(`${call} answered more than ${MAX_BODY} bytes`));
        else chunks.push(d);
      });
      res.on("error", (e) => fail(e));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
      });
    });
    const fail = (e) => {
      clearTimeout(timer);
      reject(e instanceof EngineCallError ? e : new EngineCallError(`${call} failed: ${e.message}`));
    };
    const timer = setTimeout(() => req.destroy(new EngineCallError(`${call} did not answer within ${Math.round(timeoutMs / 1e3)} s`)), timeoutMs);
    req.on("error", fail);
    req.end();
  });
}
function json(answer, call) {
  try {
    return JSON.parse(answer.body);
  } catch {
    throw new EngineCallError(`${call} answered something other than JSON: ${JSON.stringify(answer.body.slice(0, 120))}`);
  }
}
function messageOf(answer) {
  try {
    const m = JSON.parse(answer.body).message;
    if (typeof m === "string") return m;
  } catch {
  }
  return answer.body.trim().slice(0, 200);
}
function imagePath(reference) {
  return encodeURIComponent(reference).replace(/%2F/gi, "/").replace(/%3A/gi, ":").replace(/%40/gi, "@");
}
function readTls(certDir) {
  return { ca: readFileSync(join(certDir, "ca.pem")), cert: readFileSync(join(certDir, "cert.pem")), key: readFileSync(join(certDir, "key.pem")) };
}
function createApiEngine(endpoint, bounds = ENGINE_API_MS) {
  const tls = endpoint.kind === "tcp" && endpoint.tls ? readTls(endpoint.tls.certDir) : void 0;
  let transport;
  const connection = () => (
    // getBuiltinModule, not import(): an ES import of node:http reads every export, and its lazy
    // WebSocket/MessageEvent getters load undici (~10-20 ms) for nothing.
    transport ??= Promise.resolve(
      tls ? { endpoint, request: process.getBuiltinModule("node:https").request, tls } : { endpoint, request: process.getBuiltinModule("node:http").request }
    )
  );
  let prefix;
  const versionPrefix = () => prefix ??= connection().then(async (t) => {
    const answer = await get(t, "/_ping", bounds.ping);
    if (answer.status !== 200) throw new EngineCallError(`GET /_ping on ${endpoint.address} answered ${answer.status}: ${messageOf(answer)}`);
    const header = answer.headers["api-version"];
    const version = apiVersionFor(Array.isArray(header) ? header[0] : header);
    return version ? `/v${version}` : "";
  });
  const read = async (path, notFound) => {
    const full = `${await versionPrefix()}${path}`;
    const answer = await get(await connection(), full, bounds.read);
    if (answer.status === 404 && notFound === "undefined") return void 0;
    if (answer.status !== 200) throw new EngineCallError(`GET ${full} on ${endpoint.address} answered ${answer.status}: ${messageOf(answer)}`);
    return json(answer, `GET ${full} on ${endpoint.address}`);
  };
  return {
    address: endpoint.address,
    async image(reference) {
      const doc = await read(`/images/${imagePath(reference)}/json`, "undefined");
      return doc === void 0 ? void 0 : engineInspectOf(doc, reference);
    },
    async history(reference) {
      const doc = await read(`/images/${imagePath(reference)}/history`, "undefined");
      return doc === void 0 ? void 0 : engineHistoryOf(doc, reference);
    },
    async driverStatus() {
      return driverStatusOf(await read("/info", "error"));
    }
  };
}
function createDockerEngine({ env, exec, home = homedir() }) {
  const configDir = dockerConfigDir(env, home);
  const needsContext = (env.DOCKER_HOST ?? "") === "" && (env.DOCKER_CONTEXT ?? "") === "";
  const endpoint = engineEndpoint(env, needsContext ? currentContextOf(readOptional(join(configDir, "config.json"))) : void 0, configDir);
  if (endpoint.kind === "cli") return createCliEngine(exec, `the docker CLI's endpoint (${endpoint.reason})`);
  try {
    return createApiEngine(endpoint);
  } catch (e) {
    return createCliEngine(exec, `the docker CLI's endpoint (${endpoint.address}; TLS certificates unreadable here: ${e.message})`);
  }
}
function readOptional(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return void 0;
  }
}

export {
  engineEndpoint,
  currentContextOf,
  apiVersionFor,
  EngineCallError,
  createApiEngine,
  createDockerEngine
};
