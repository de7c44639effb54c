import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);
import {
  Readable
} from "./chunk-5NHPEEYU.mjs";

// src/io/http-fetch.ts
var MAX_REDIRECTS = 20;
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var NodeHeaders = class {
  raw;
  constructor(raw) {
    this.raw = raw;
  }
  get(name) {
    const v = this.raw[name.toLowerCase()];
    if (v === void 0) return null;
    return Array.isArray(v) ? v.join(", ") : String(v);
  }
  *[Symbol.iterator]() {
    for (const name of Object.keys(this.raw).sort()) yield [name, this.get(name)];
  }
};
var NodeResponse = class {
  stream;
  used = false;
  message;
  url;
  redirected;
  signal;
  constructor(message, url, redirected, signal) {
    this.message = message;
    this.url = url;
    this.redirected = redirected;
    this.signal = signal;
  }
  get status() {
    return this.message.statusCode ?? 0;
  }
  get statusText() {
    return this.message.statusMessage ?? "";
  }
  get ok() {
    return this.status >= 200 && this.status < 300;
  }
  get headers() {
    return new NodeHeaders(this.message.headers);
  }
  get body() {
    if (this.used) return null;
    this.stream ??= Readable.toWeb(this.message);
    return this.stream;
  }
  async arrayBuffer() {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  async text() {
    return (await this.bytes()).toString("utf8");
  }
  async json() {
    return JSON.parse(await this.text());
  }
  async bytes() {
    if (this.used || this.stream) throw new TypeError("Body has already been read");
    this.used = true;
    const message = this.message;
    const signal = this.signal;
    return new Promise((resolve, reject) => {
      const chunks = [];
      message.on("data", (chunk) => chunks.push(chunk));
      message.once("end", () => resolve(Buffer.concat(chunks)));
      message.once("error", (e) => reject(signal?.aborted ? abortReason(signal) : new TypeError("fetch failed", { cause: e })));
      message.once("close", () => {
        if (!message.complete) reject(signal?.aborted ? abortReason(signal) : new TypeError("fetch failed", { cause: new Error("the connection closed before the body ended") }));
      });
    });
  }
};
function abortReason(signal) {
  return signal.reason instanceof Error ? signal.reason : new DOMException("This operation was aborted", "AbortError");
}
function sendOnce(url, method, headers, body, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const options = { method, headers, ...signal ? { signal } : {} };
    const start = (request) => {
      const req = request(url, options, (res) => {
        if (method === "HEAD" || res.statusCode === 204 || res.statusCode === 304) res.resume();
        resolve(res);
      });
      req.on("error", (e) => reject(signal?.aborted ? abortReason(signal) : new TypeError("fetch failed", { cause: e })));
      req.end(body);
    };
    if (url.protocol === "http:") start(process.getBuiltinModule("node:http").request);
    else if (url.protocol === "https:") start(process.getBuiltinModule("node:https").request);
    else reject(new TypeError("fetch failed", { cause: new Error(`unsupported protocol ${JSON.stringify(url.protocol)}`) }));
  });
}
function isStreamBody(body) {
  return body !== void 0 && typeof body !== "string" && !(body instanceof Uint8Array);
}
var httpFetch = async (input, init = {}) => {
  if (isStreamBody(init.body)) return await globalThis.fetch(input, init);
  let url = new URL(input);
  let method = (init.method ?? "GET").toUpperCase();
  let body = init.body;
  const headers = { ...init.headers ?? {} };
  for (let hop = 0; ; hop++) {
    const res = await sendOnce(url, method, headers, body, init.signal);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (!REDIRECTS.has(status) || location === void 0) return new NodeResponse(res, url.href, hop > 0, init.signal);
    res.resume();
    if (hop >= MAX_REDIRECTS) throw new TypeError("fetch failed", { cause: new Error(`more than ${MAX_REDIRECTS} redirects, the last to ${location}`) });
    const next = new URL(location, url);
    if (next.origin !== url.origin) {
      for (const name of Object.keys(headers)) if (/^(authorization|cookie|proxy-authorization)$/i.test(name)) delete headers[name];
    }
    if ((status === 301 || status === 302) && method === "POST" || status === 303 && method !== "GET" && method !== "HEAD") {
      method = "GET";
      body = void 0;
      for (const name of Object.keys(headers)) if (/^content-(type|length|encoding|language|location)$/i.test(name)) delete headers[name];
    }
    url = next;
  }
};

export {
  isStreamBody,
  httpFetch
};
