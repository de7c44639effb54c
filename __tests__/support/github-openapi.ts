// GitHub's published OpenAPI description (@octokit/openapi, api.github.com.json) as a contract
// check for the GitHub API emulation: every request Strata sends must be an operation GitHub has,
// with parameters and a body its schema accepts, and every response the emulation returns must
// match the documented schema for its status. A fault the emulation injects with a status GitHub
// does not document for the operation (5xx, 429) is checked against GitHub's "Basic Error" shape.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

interface Operation {
  parameters?: Array<Ref | Parameter>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses: Record<string, Ref | { content?: Record<string, { schema?: unknown }> }>;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: unknown;
}
interface Ref {
  $ref: string;
}

const SPEC_ID = 'https://api.github.com/openapi.json';

let loaded: { spec: { paths: Record<string, Record<string, Operation>> }; ajv: Ajv; routes: Array<{ template: string; regex: RegExp }> } | undefined;
const compiled = new Map<string, ValidateFunction>();

function load() {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  // OpenAPI 3.0 schemas: `nullable`, `example`, `x-*` are not JSON Schema keywords; not strict.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, discriminator: false });
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  ajv.addSchema({ ...spec, $id: SPEC_ID });
  const routes = Object.keys(spec.paths).map((template) => ({
    template,
    regex: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
  loaded = { spec, ajv, routes };
  return loaded;
}

function pointer(path: string): string {
  return path.replace(/~/g, '~0').replace(/\//g, '~1');
}

function deref<T>(value: T | Ref): T {
  const { spec } = load();
  let v: unknown = value;
  while (v && typeof v === 'object' && '$ref' in v) {
    const parts = (v as Ref).$ref.replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    v = parts.reduce((o: unknown, k) => (o as Record<string, unknown>)[k], spec);
  }
  return v as T;
}

function validatorAt(jsonPointer: string): ValidateFunction {
  let v = compiled.get(jsonPointer);
  if (!v) {
    v = load().ajv.compile({ $ref: `${SPEC_ID}#${jsonPointer}` });
    compiled.set(jsonPointer, v);
  }
  return v;
}

function errorsOf(v: ValidateFunction): string {
  return (v.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

/** The operation for a request path (without the emulation's origin), or undefined. */
function operationFor(method: string, pathname: string): { template: string; op: Operation } | undefined {
  const { spec, routes } = load();
  // A concrete path beats a template (/user/repos vs /user/{id}): prefer fewer parameters.
  const matches = routes.filter((r) => r.regex.test(pathname) && spec.paths[r.template]![method.toLowerCase()]);
  matches.sort((a, b) => (a.template.match(/\{/g) ?? []).length - (b.template.match(/\{/g) ?? []).length);
  const m = matches[0];
  return m ? { template: m.template, op: spec.paths[m.template]![method.toLowerCase()]! } : undefined;
}

/** Problems with a request as GitHub's description defines it; empty when it conforms. */
export function checkRequest(method: string, url: URL, body: unknown): string[] {
  const found = operationFor(method, url.pathname);
  if (!found) return [`${method} ${url.pathname}: no such operation in GitHub's REST API`];
  const problems: string[] = [];
  const where = `${method} ${found.template}`;
  const params = (found.op.parameters ?? []).map((p) => deref<Parameter>(p));
  for (const [name, value] of url.searchParams) {
    const p = params.find((x) => x.in === 'query' && x.name === name);
    if (!p) {
      problems.push(`${where}: unknown query parameter "${name}"`);
      continue;
    }
    const schema = p.schema as { type?: string; maximum?: number; minimum?: number } | undefined;
    if (schema?.type === 'integer') {
      if (!/^[0-9]+$/.test(value)) problems.push(`${where}: query "${name}"=${JSON.stringify(value)} is not an integer`);
      else if (schema.maximum !== undefined && Number(value) > schema.maximum) problems.push(`${where}: query "${name}"=${value} is above ${schema.maximum}`);
    }
  }
  const content = found.op.requestBody?.content?.['application/json'];
  if (content?.schema) {
    const v = validatorAt(`/paths/${pointer(found.template)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`);
    if (!v(body)) problems.push(`${where}: request body does not match the schema: ${errorsOf(v)}`);
  } else if (body !== undefined && method !== 'GET') {
    problems.push(`${where}: sends a body GitHub does not take`);
  }
  return problems;
}

/** Problems with a response the emulation returns; empty when it conforms. */
export function checkResponse(method: string, url: URL, status: number, body: unknown): string[] {
  const found = operationFor(method, url.pathname);
  if (!found) return [];
  const where = `${method} ${found.template} -> ${status}`;
  const documented = found.op.responses[String(status)];
  if (!documented) {
    // Faults GitHub returns on any operation without documenting them per operation.
    if (status >= 500 || status === 429) {
      const v = validatorAt('/components/schemas/basic-error');
      return v(body) ? [] : [`${where}: error body does not match GitHub's Basic Error: ${errorsOf(v)}`];
    }
    return [`${where}: status not documented for this operation`];
  }
  const response = deref<{ content?: Record<string, { schema?: unknown }> }>(documented);
  if (!response.content?.['application/json']?.schema) return [];
  const base = '$ref' in documented ? (documented).$ref.replace(/^#/, '') : `/paths/${pointer(found.template)}/${method.toLowerCase()}/responses/${status}`;
  const v = validatorAt(`${base}/content/application~1json/schema`);
  return v(body) ? [] : [`${where}: response body does not match the schema: ${errorsOf(v)}`];
}
