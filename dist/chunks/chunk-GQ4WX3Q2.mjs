import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// src/github/errors.ts
var GitHubUnavailableError = class extends Error {
  constructor(reason, rateLimited, cause) {
    super(`GitHub API not asked again in this step: ${reason}`, { cause });
    this.reason = reason;
    this.rateLimited = rateLimited;
    this.name = "GitHubUnavailableError";
  }
  reason;
  rateLimited;
};

export {
  GitHubUnavailableError
};
