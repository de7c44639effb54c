import { createRequire as __strataCreateRequire } from 'node:module'; const require = __strataCreateRequire(import.meta.url);

// src/detect/signals.ts
var DEFAULT_BUILDER = "paketobuildpacks/builder-jammy-base";
var FULL_BUILDER = "paketobuildpacks/builder-jammy-full";
var LISTED_DIRS = ["META-INF", "WEB-INF", "htdocs"];
function matchesPattern(pattern, path) {
  const slash = pattern.lastIndexOf("/");
  const dir = slash < 0 ? "" : pattern.slice(0, slash + 1);
  const name = pattern.slice(slash + 1);
  if (!path.startsWith(dir) || path.slice(dir.length).includes("/")) return false;
  const rest = path.slice(dir.length);
  if (name === "") return rest !== "";
  if (name.startsWith("*")) return rest.endsWith(name.slice(1)) && rest.length > name.length - 1;
  return rest === name;
}
var GROUPS = [
  { language: "ruby", label: "Ruby", builder: DEFAULT_BUILDER, rules: [{ pattern: "Gemfile", buildpack: "paketo-buildpacks/bundle-install" }] },
  {
    language: "dotnet",
    label: ".NET",
    builder: DEFAULT_BUILDER,
    rules: [
      { pattern: "*.csproj", buildpack: "paketo-buildpacks/dotnet-publish" },
      { pattern: "*.fsproj", buildpack: "paketo-buildpacks/dotnet-publish" },
      { pattern: "*.vbproj", buildpack: "paketo-buildpacks/dotnet-publish" },
      { pattern: "*.runtimeconfig.json", buildpack: "paketo-buildpacks/dotnet-execute" }
    ]
  },
  {
    language: "go",
    label: "Go",
    builder: DEFAULT_BUILDER,
    rules: [
      { pattern: "*.go", buildpack: "paketo-buildpacks/go-build" },
      { pattern: "go.mod", buildpack: "paketo-buildpacks/go-mod-vendor" }
    ]
  },
  {
    language: "java",
    label: "Java",
    builder: DEFAULT_BUILDER,
    rules: [
      { pattern: "pom.xml", buildpack: "paketo-buildpacks/maven" },
      ...["build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts"].map((pattern) => ({ pattern, buildpack: "paketo-buildpacks/gradle" })),
      { pattern: "build.sbt", buildpack: "paketo-buildpacks/sbt" },
      { pattern: "project.clj", buildpack: "paketo-buildpacks/leiningen" },
      { pattern: "META-INF/MANIFEST.MF", buildpack: "paketo-buildpacks/executable-jar" },
      { pattern: "WEB-INF/", buildpack: "paketo-buildpacks/apache-tomcat" }
    ]
  },
  {
    language: "web-server",
    label: "web server (nginx/httpd)",
    builder: DEFAULT_BUILDER,
    rules: [
      { pattern: "nginx.conf", buildpack: "paketo-buildpacks/nginx" },
      { pattern: "httpd.conf", buildpack: "paketo-buildpacks/httpd" }
    ]
  },
  {
    language: "nodejs",
    label: "Node.js",
    builder: DEFAULT_BUILDER,
    rules: [
      { pattern: "package.json", buildpack: "paketo-buildpacks/npm-install" },
      ...["server.js", "app.js", "main.js", "index.js"].map((pattern) => ({ pattern, buildpack: "paketo-buildpacks/node-start" }))
    ]
  },
  {
    language: "python",
    label: "Python",
    builder: DEFAULT_BUILDER,
    rules: [
      { pattern: "requirements.txt", buildpack: "paketo-buildpacks/pip-install" },
      { pattern: "Pipfile", buildpack: "paketo-buildpacks/pipenv-install" },
      { pattern: "pyproject.toml", buildpack: "paketo-buildpacks/poetry-install" },
      { pattern: "environment.yml", buildpack: "paketo-buildpacks/conda-env-update" },
      { pattern: "package-list.txt", buildpack: "paketo-buildpacks/conda-env-update" },
      { pattern: "*.py", buildpack: "paketo-buildpacks/python-start" }
    ]
  },
  {
    language: "php",
    label: "PHP",
    builder: FULL_BUILDER,
    rules: [
      { pattern: "composer.json", buildpack: "paketo-buildpacks/composer-install" },
      { pattern: "*.php", buildpack: "paketo-buildpacks/php-builtin-server" },
      { pattern: "htdocs/*.php", buildpack: "paketo-buildpacks/php-dist" }
    ]
  },
  { language: "procfile", label: "Procfile", builder: DEFAULT_BUILDER, rules: [{ pattern: "Procfile", buildpack: "paketo-buildpacks/procfile" }] }
];
var UNSUPPORTED = [
  {
    language: "Rust",
    file: "Cargo.toml",
    advice: 'No Paketo builder carries Rust. Add the community buildpack paketo-community/rust in project.toml ([[io.buildpacks.group]] uri = "docker://docker.io/paketocommunity/rust") so pack runs it on the default builder, or set the buildpack-builder input to a builder that includes it; or add a Dockerfile.'
  }
];
function normalise(paths) {
  return [...new Set(paths.map((p) => p.replace(/\\/g, "/").replace(/^\.\//, "")))].sort();
}
function languageMatches(paths) {
  const files = normalise(paths);
  const found = [];
  for (const group of GROUPS) {
    for (const rule of group.rules) {
      const file = files.find((f) => matchesPattern(rule.pattern, f));
      if (file === void 0) continue;
      const match = { language: group.language, label: group.label, file, builder: group.builder, buildpack: rule.buildpack };
      if (group.language === "go" && !files.some((f) => matchesPattern("*.go", f))) {
        match.note = "go-build looks for *.go at the root: for a main package elsewhere set BP_GO_TARGETS (e.g. ./cmd/app) in buildpack-env";
      }
      found.push(match);
      break;
    }
  }
  return found;
}
function unsupportedLanguage(paths) {
  if (languageMatches(paths).length > 0) return void 0;
  const files = normalise(paths);
  return UNSUPPORTED.find((u) => files.includes(u.file));
}
function signalPatterns() {
  return GROUPS.flatMap((g) => g.rules.map((r) => r.pattern));
}

// src/detect/mode.ts
var DOCKERFILE_NAMES = ["Dockerfile", "Containerfile"];
var DESCRIPTOR = "project.toml";
var DetectionError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "DetectionError";
  }
};
function join(dir, name) {
  return dir === "." || dir === "" ? name : `${dir.replace(/\/+$/, "")}/${name}`;
}
function findDockerfile(contextFiles) {
  return DOCKERFILE_NAMES.find((n) => contextFiles.includes(n));
}
function findBuildpackMarker(contextFiles) {
  return languageMatches(contextFiles)[0]?.file ?? (contextFiles.includes(DESCRIPTOR) ? DESCRIPTOR : void 0);
}
function markerList() {
  return [...signalPatterns(), DESCRIPTOR].join(", ");
}
function unsupportedError(req) {
  const unsupported = unsupportedLanguage(req.contextFiles);
  if (!unsupported || req.contextFiles.includes(DESCRIPTOR) || req.buildpackBuilder?.trim()) return void 0;
  return new DetectionError(
    `The context ${JSON.stringify(req.context)} is a ${unsupported.language} app (${join(req.context, unsupported.file)}), and there is no ${DOCKERFILE_NAMES.join(" or ")}. ${unsupported.advice}`
  );
}
function detectMode(req) {
  const { requested, contextFiles, context, file } = req;
  if (file && !file.exists) {
    throw new DetectionError(
      `Input "file" names ${JSON.stringify(file.path)}, which does not exist. Give a path relative to the workspace, or leave "file" empty to use ${DOCKERFILE_NAMES.join(" or ")} in the context.`
    );
  }
  const found = findDockerfile(contextFiles);
  const dockerfile = file?.path ?? (found ? join(context, found) : void 0);
  if (requested === "dockerfile") {
    if (!dockerfile) {
      throw new DetectionError(
        `Input "mode" is "dockerfile" but there is no ${DOCKERFILE_NAMES.join(" or ")} in the context ${JSON.stringify(context)}. Add one, set "file" to its path, or use mode "buildpack" or "auto".`
      );
    }
    return { mode: "dockerfile", dockerfile, decidedBy: "mode", reason: `mode input is "dockerfile"; building ${dockerfile}` };
  }
  const marker = findBuildpackMarker(contextFiles) ?? (req.buildpackBuilder?.trim() ? unsupportedLanguage(contextFiles)?.file : void 0);
  if (requested === "buildpack") {
    if (!marker) {
      throw unsupportedError(req) ?? new DetectionError(
        `Input "mode" is "buildpack" but the context ${JSON.stringify(context)} holds none of the files the default builders detect (${markerList()}). Check "context", or use mode "dockerfile".`
      );
    }
    const ignored = dockerfile ? ` (${dockerfile} is ignored)` : "";
    return { mode: "buildpack", decidedBy: "mode", reason: `mode input is "buildpack"; app recognised by ${join(context, marker)}${ignored}` };
  }
  if (file) {
    return { mode: "dockerfile", dockerfile: file.path, decidedBy: "file", reason: `file input ${file.path} means a Dockerfile build` };
  }
  if (dockerfile && found) {
    return { mode: "dockerfile", dockerfile, decidedBy: found, reason: `${dockerfile} found, so BuildKit builds it` };
  }
  if (marker) {
    return {
      mode: "buildpack",
      decidedBy: marker,
      reason: `no Dockerfile; ${join(context, marker)} found, so Cloud Native Buildpacks build it`
    };
  }
  throw unsupportedError(req) ?? new DetectionError(
    `Cannot tell how to build the context ${JSON.stringify(context)}: it has no ${DOCKERFILE_NAMES.join(" or ")} and none of the files the default builders detect (${markerList()}). Add a Dockerfile, point "context" at your app, or set "file".`
  );
}

export {
  DEFAULT_BUILDER,
  LISTED_DIRS,
  languageMatches,
  unsupportedLanguage,
  DOCKERFILE_NAMES,
  DetectionError,
  join,
  findDockerfile,
  findBuildpackMarker,
  detectMode
};
