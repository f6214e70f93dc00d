import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { DOCUMENT_FORMATS } from '../../src/admin/formats.js';

// Every admin API request is checked against docs/admin-api.yaml, compiled here into one
// validator per operation. Nothing else checks fields, so the document and the server
// cannot drift apart.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface FieldError {
  /** JSON Pointer into the request: `/body/redirect_uris/0`, `/query/limit`, `/path/client_id`. */
  path: string;
  message: string;
}

export interface Operation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/integrations/{client_id}`. */
  template: string;
  permission: string | undefined;
  /** `x-session-only`: a personal access token may not call it. */
  sessionOnly: boolean;
  hasBody: boolean;
  bodyRequired: boolean;
  match(path: string): Record<string, string> | undefined;
  /** Checks and coerces the request; returns the failing fields, or none. */
  validate(request: { path: Record<string, string>; query: Record<string, string>; body: unknown }): FieldError[];
}

const addStandardFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** RFC 3986's formats, plus the document's own (`browser-url`, `native-app-url`), defined where the elements read them too. */
function addFormats(ajv: Ajv2020): void {
  addStandardFormats(ajv);
  for (const [name, test] of Object.entries(DOCUMENT_FORMATS)) ajv.addFormat(name, test);
}
const DOCUMENT_ID = 'admin-api';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Points `#/components/schemas/X` at the document registered with Ajv under DOCUMENT_ID. */
function rewriteRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    result[key] = key === '$ref' && typeof child === 'string' ? child.replace('#/components/schemas/', `${DOCUMENT_ID}#/$defs/`) : rewriteRefs(child);
  }
  return result;
}

function resolve(document: JsonObject, value: Json): JsonObject {
  const ref = (value as JsonObject)?.['$ref'];
  if (typeof ref !== 'string') return value as JsonObject;
  let target: Json = document;
  for (const part of ref.replace(/^#\//, '').split('/')) target = (target as JsonObject)[part] as Json;
  return target as JsonObject;
}

function describe(error: ErrorObject, root: string): FieldError {
  let path = root + error.instancePath;
  if (error.keyword === 'required') return { path: `${path}/${(error.params as { missingProperty: string }).missingProperty}`, message: 'is required' };
  if (error.keyword === 'additionalProperties') {
    path += `/${(error.params as { additionalProperty: string }).additionalProperty}`;
    return { path, message: 'is not a known field' };
  }
  if (error.keyword === 'pattern' || error.keyword === 'anyOf') {
    // A regular expression means nothing to the person filling in a form: say what it asks for.
    const description = (error.parentSchema as { description?: string } | undefined)?.description;
    return { path, message: description ? `is not valid: ${description}` : 'is not in the expected format' };
  }
  return { path, message: error.message ?? 'is invalid' };
}

/**
 * `if` failures only repeat what their `then` errors say. A value that fits none of an `anyOf`'s
 * forms (a callback URL that is neither a web nor a native one) gets the one message of the
 * `anyOf`, not one per form: the forms' own errors are at the same place.
 */
function describeAll(errors: ErrorObject[] | null | undefined, root: string): FieldError[] {
  const all = (errors ?? []).filter((e) => e.keyword !== 'if');
  const fitsNone = new Set(all.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  return all.filter((e) => e.keyword === 'anyOf' || !fitsNone.has(e.instancePath)).map((e) => describe(e, root));
}

const documents = new Map<string, JsonObject>();

/**
 * The document, parsed once per process: every server start (and a test file starts dozens)
 * reads it for its validators and for settings such as the client authentication methods,
 * and parsing the YAML takes tens of milliseconds. Nothing writes to it.
 */
function readDocument(file: string): JsonObject {
  let document = documents.get(file);
  if (!document) {
    document = parse(readFileSync(file, 'utf8')) as JsonObject;
    documents.set(file, document);
  }
  return document;
}

export function loadOperations(file: string): Operation[] {
  const document = readDocument(file);
  const components = document.components as JsonObject;
  const strictAjv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, strictTypes: false });
  // Query and path parameters arrive as strings: coerce them to the declared types.
  const paramAjv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, coerceTypes: true, useDefaults: true });
  for (const ajv of [strictAjv, paramAjv]) {
    addFormats(ajv);
    ajv.addKeyword({ keyword: 'x-permission' });
    ajv.addSchema({ $id: DOCUMENT_ID, $defs: rewriteRefs(components.schemas as Json) as JsonObject });
  }

  const operations: Operation[] = [];
  for (const [template, pathItem] of Object.entries(document.paths as JsonObject)) {
    const item = pathItem as JsonObject;
    for (const method of METHODS) {
      const op = item[method] as JsonObject | undefined;
      if (!op) continue;
      const parameters = [...((item.parameters as Json[]) ?? []), ...((op.parameters as Json[]) ?? [])].map((p) => resolve(document, p));
      const group = (where: string): JsonObject => {
        const properties: JsonObject = {};
        const required: string[] = [];
        for (const p of parameters.filter((p) => p.in === where)) {
          properties[p.name as string] = rewriteRefs(p.schema as Json);
          if (p.required) required.push(p.name as string);
        }
        return { type: 'object', properties, required, additionalProperties: false };
      };
      const validateParams = paramAjv.compile({ type: 'object', properties: { path: group('path'), query: group('query') } });
      const body = (op.requestBody as JsonObject | undefined)?.content as JsonObject | undefined;
      const bodySchema = (body?.['application/json'] as JsonObject | undefined)?.schema;
      const validateBody: ValidateFunction | undefined = bodySchema ? strictAjv.compile(rewriteRefs(bodySchema) as JsonObject) : undefined;
      const names: string[] = [];
      const pattern = new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
          names.push(name);
          return '([^/]+)';
        })}$`,
      );
      const permission = op['x-permission'] as string | undefined;
      operations.push({
        operationId: op.operationId as string,
        method: method.toUpperCase(),
        template,
        permission: permission === 'none' ? undefined : permission,
        sessionOnly: op['x-session-only'] === true,
        hasBody: validateBody !== undefined,
        bodyRequired: Boolean((op.requestBody as JsonObject | undefined)?.required),
        match(path) {
          const found = pattern.exec(path);
          if (!found) return undefined;
          try {
            return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
          } catch {
            return undefined;
          }
        },
        validate(request) {
          const errors: FieldError[] = [];
          const params = { path: request.path, query: request.query };
          if (!validateParams(params)) errors.push(...describeAll(validateParams.errors, ''));
          // Ajv coerces "Infinity" and "1e400" to Infinity and then lets it past `maximum`
          // (strictNumbers does not cover coercion): no parameter of the document is infinite.
          for (const where of ['path', 'query'] as const) {
            for (const [name, value] of Object.entries(params[where])) {
              if (typeof value === 'number' && !Number.isFinite(value)) errors.push({ path: `/${where}/${name}`, message: 'must be a finite number' });
            }
          }
          Object.assign(request.path, params.path);
          Object.assign(request.query, params.query);
          if (validateBody) {
            if (request.body === undefined) {
              if (this.bodyRequired) errors.push({ path: '/body', message: 'a JSON body is required' });
            } else if (!validateBody(request.body)) {
              errors.push(...describeAll(validateBody.errors, '/body'));
            }
          } else if (request.body !== undefined) {
            errors.push({ path: '/body', message: 'this operation takes no body' });
          }
          return errors;
        },
      });
    }
  }
  return operations;
}

const schemaValidators = new Map<string, (schema: string, value: unknown) => FieldError[]>();

/**
 * Validates a value against one of the document's component schemas: for the rules the admin API
 * applies to a whole integration, and for checking responses in tests. One per document and
 * process, as the document is: setting one up takes tens of milliseconds, and every server start
 * (a test file starts dozens) asks for it.
 */
export function schemaValidator(file: string): (schema: string, value: unknown) => FieldError[] {
  let validator = schemaValidators.get(file);
  if (!validator) {
    validator = newSchemaValidator(file);
    schemaValidators.set(file, validator);
  }
  return validator;
}

function newSchemaValidator(file: string): (schema: string, value: unknown) => FieldError[] {
  const document = readDocument(file);
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-permission' });
  ajv.addSchema({ $id: DOCUMENT_ID, $defs: rewriteRefs((document.components as JsonObject).schemas as Json) as JsonObject });
  return (schema, value) => {
    const validate = ajv.getSchema(`${DOCUMENT_ID}#/$defs/${schema}`);
    if (!validate) throw new Error(`no schema ${schema} in the document`);
    return validate(value) ? [] : describeAll(validate.errors, '');
  };
}

/**
 * The values a property of one of the document's component schemas may take (its `enum`):
 * for settings elsewhere in the server that must offer exactly what the document allows.
 */
export function enumOf(file: string, schema: string, property?: string): string[] {
  const document = readDocument(file);
  const schemas = (document.components as JsonObject).schemas as JsonObject;
  const named = schemas[schema] as JsonObject | undefined;
  const values = (property === undefined ? named : ((named?.properties as JsonObject | undefined)?.[property] as JsonObject | undefined))?.enum;
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) throw new Error(`no enum at ${schema}${property ? `.${property}` : ''} in the document`);
  return values as string[];
}
