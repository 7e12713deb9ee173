import { createHash, createHmac } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MaterialStorageSettings } from '../../../lib/services.ts';

/** Where material files live: a folder on disk by default, an S3-compatible bucket when configured. */
export interface MaterialStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or null when there is no such object. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are ours (`<locality>/<material>/<version>-<random>`), but never let one leave the folder. */
function assertSafeKey(key: string) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(key) || key.split('/').some((p) => p === '..' || p === ''))
    throw new Error(`Unsafe storage key: ${key}`);
}

export class DiskStorage implements MaterialStorage {
  readonly root: string;
  constructor(root: string) {
    this.root = root;
  }

  private file(key: string) {
    assertSafeKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, bytes: Uint8Array, _contentType?: string): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Written aside and renamed: a reader never sees half a file.
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.file(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}

export type S3Settings = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
};

const sha256Hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it (each path segment; `/` kept). */
function encodeRfc3986(value: string) {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * AWS Signature Version 4 for one request (headers only, no query string parameters): returns the
 * headers to send, `Authorization` included. `now` is fixed in tests against AWS's published example.
 */
export function signV4(req: {
  method: string;
  url: URL;
  headers: Record<string, string>;
  payloadHash: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service?: string;
  now?: Date;
}): Record<string, string> {
  const service = req.service ?? 's3';
  const amzDate = (req.now ?? new Date())
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v.trim()])),
    host: req.url.host,
    'x-amz-content-sha256': req.payloadHash,
    'x-amz-date': amzDate,
  };
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]}\n`).join('');
  const signedHeaders = names.join(';');
  const query = [...req.url.searchParams]
    .map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`)
    .sort()
    .join('&');
  const canonicalPath = req.url.pathname
    .split('/')
    .map((s) => encodeRfc3986(decodeURIComponent(s)))
    .join('/');
  const canonicalRequest = [
    req.method,
    canonicalPath,
    query,
    canonicalHeaders,
    signedHeaders,
    req.payloadHash,
  ].join('\n');
  const scope = `${day}/${req.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const kDate = hmac(`AWS4${req.secretAccessKey}`, day);
  const kSigning = hmac(hmac(hmac(kDate, req.region), service), 'aws4_request');
  const signature = createHmac('sha256', kSigning).update(stringToSign).digest('hex');
  const { host: _host, ...rest } = headers;
  return {
    ...rest,
    authorization: `AWS4-HMAC-SHA256 Credential=${req.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`,
  };
}

/** S3-compatible storage (AWS S3, MinIO, Ceph, OVH, …), path-style addressing, signed with SigV4. */
export class S3Storage implements MaterialStorage {
  readonly settings: S3Settings;
  private readonly fetcher: typeof fetch;
  constructor(settings: S3Settings, fetcher: typeof fetch = fetch) {
    this.settings = settings;
    this.fetcher = fetcher;
  }

  objectUrl(key: string): URL {
    assertSafeKey(key);
    const base = this.settings.endpoint.replace(/\/+$/, '');
    return new URL(
      `${base}/${encodeRfc3986(this.settings.bucket)}/${key.split('/').map(encodeRfc3986).join('/')}`,
    );
  }

  private async send(method: string, key: string, body?: Uint8Array, contentType?: string) {
    const url = this.objectUrl(key);
    const headers = signV4({
      method,
      url,
      headers: contentType ? { 'content-type': contentType } : {},
      payloadHash: sha256Hex(body ?? new Uint8Array()),
      accessKeyId: this.settings.accessKeyId,
      secretAccessKey: this.settings.secretAccessKey,
      region: this.settings.region,
    });
    return this.fetcher(url, { method, headers, body: body ? Buffer.from(body) : undefined });
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const res = await this.send('PUT', key, bytes, contentType);
    if (!res.ok) throw new Error(`S3 PUT ${key} failed: ${res.status}`);
  }

  async get(key: string): Promise<Uint8Array | null> {
    const res = await this.send('GET', key);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`S3 GET ${key} failed: ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key} failed: ${res.status}`);
  }
}

/** The storage settings from the environment (the server reads the same in server/config.ts). */
export function materialStorageSettingsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): MaterialStorageSettings {
  const s3 =
    env.S3_ENDPOINT && env.S3_BUCKET && env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? {
          endpoint: env.S3_ENDPOINT,
          bucket: env.S3_BUCKET,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          region: env.S3_REGION || 'us-east-1',
        }
      : null;
  return { dataDir: path.resolve(env.DATA_DIR || './data'), s3 };
}

const cache = new Map<string, MaterialStorage>();

/** The storage for these settings (from the app's config; the environment when absent). */
export function materialStorage(settings?: MaterialStorageSettings | null): MaterialStorage {
  const s = settings ?? materialStorageSettingsFromEnv();
  const id = JSON.stringify(s);
  let storage = cache.get(id);
  if (!storage) {
    storage = s.s3 ? new S3Storage(s.s3) : new DiskStorage(path.join(s.dataDir, 'materials'));
    cache.set(id, storage);
  }
  return storage;
}
