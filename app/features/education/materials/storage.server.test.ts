import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskStorage, materialStorage, S3Storage, signV4 } from './storage.server.ts';

const EMPTY_SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('SigV4 signing', () => {
  it('matches AWS’s published example (GET Object with a Range header)', () => {
    const headers = signV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: EMPTY_SHA,
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      region: 'us-east-1',
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-date']).toBe('20130524T000000Z');
  });
});

describe('S3 storage', () => {
  it('puts, gets and deletes with signed path-style requests', async () => {
    const calls: { method: string; url: string; headers: Record<string, string>; body?: unknown }[] = [];
    const objects = new Map<string, Uint8Array>();
    const fake = (async (input: URL | RequestInfo, init?: RequestInit) => {
      const url = String(input);
      const headers = init?.headers as Record<string, string>;
      calls.push({ method: init?.method ?? 'GET', url, headers });
      if (init?.method === 'PUT') objects.set(url, new Uint8Array(init.body as Buffer));
      if (init?.method === 'DELETE') objects.delete(url);
      if (init?.method === 'GET') {
        const o = objects.get(url);
        return o ? new Response(new Uint8Array(o)) : new Response('', { status: 404 });
      }
      return new Response('', { status: 200 });
    }) as typeof fetch;
    const s3 = new S3Storage(
      {
        endpoint: 'https://s3.example.pl/',
        bucket: 'splot',
        accessKeyId: 'AK',
        secretAccessKey: 'SK',
        region: 'waw',
      },
      fake,
    );
    await s3.put('loc/mat/v1-x', new TextEncoder().encode('abc'), 'text/plain');
    expect(calls[0]!.url).toBe('https://s3.example.pl/splot/loc/mat/v1-x');
    expect(calls[0]!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AK\/\d{8}\/waw\/s3\/aws4_request,SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date,Signature=[0-9a-f]{64}$/,
    );
    expect(calls[0]!.headers['x-amz-content-sha256']).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(new TextDecoder().decode((await s3.get('loc/mat/v1-x'))!)).toBe('abc');
    await s3.delete('loc/mat/v1-x');
    expect(await s3.get('loc/mat/v1-x')).toBeNull();
  });
});

describe('disk storage', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('keeps files under the folder and refuses keys that would leave it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'splot-materials-'));
    dirs.push(dir);
    const disk = new DiskStorage(dir);
    await disk.put('a/b/v1-x', new Uint8Array([1, 2, 3]), 'application/pdf');
    expect([...(await disk.get('a/b/v1-x'))!]).toEqual([1, 2, 3]);
    await disk.delete('a/b/v1-x');
    expect(await disk.get('a/b/v1-x')).toBeNull();
    await disk.delete('a/b/v1-x');
    await expect(disk.put('../escape', new Uint8Array([1]), 'text/plain')).rejects.toThrow(/Unsafe/);
  });

  it('is chosen unless all four S3 settings are present', () => {
    expect(materialStorage({ dataDir: '/srv/splot', s3: null })).toBeInstanceOf(DiskStorage);
    expect((materialStorage({ dataDir: '/srv/splot', s3: null }) as DiskStorage).root).toBe(
      '/srv/splot/materials',
    );
    expect(
      materialStorage({
        dataDir: '/srv/splot',
        s3: { endpoint: 'https://s3', bucket: 'b', accessKeyId: 'a', secretAccessKey: 's', region: 'r' },
      }),
    ).toBeInstanceOf(S3Storage);
  });
});
