import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { createDispatcher } from '../../main/services/apiDispatcher';
import { startWebHost } from '../../main/web/webHost';
import { MAX_ARTICLE_IMAGE_BYTES } from '../../shared/model/resourceCenter';
import { encodePng, noisePng } from '../fixtures/encodePng';
import { webHandlersInTempDir } from './testHandlers';

async function projectWithDispatcher() {
  const { handlers } = await webHandlersInTempDir();
  const created = await handlers['project.create']({ name: 'Help' });
  return { dispatch: createDispatcher(handlers), path: created.path };
}

describe('project.addArticleImage', () => {
  it('stores a crop by its hash and answers the file and its size, which project.readImage gives back', async () => {
    const { dispatch, path } = await projectWithDispatcher();
    const png = encodePng(120, 80, (x, y) => [x * 2, y * 3, 200]);
    const answer = await dispatch('project.addArticleImage', { projectPath: path, dataBase64: png.toString('base64') });
    const file = `${createHash('sha256').update(png).digest('hex')}.png`;
    expect(answer).toEqual({ ok: true, value: { file, bytes: png.byteLength } });
    expect(readFileSync(join(path, 'images', file)).equals(png)).toBe(true);
    expect(await dispatch('project.readImage', { path, file })).toEqual({ ok: true, value: { dataUrl: `data:image/png;base64,${png.toString('base64')}` } });
  });

  it('refuses an image over 256 kB, naming its size and the limit, and writes nothing', async () => {
    const { dispatch, path } = await projectWithDispatcher();
    const png = noisePng(320, 320); // ~300 kB: noise does not compress
    expect(png.byteLength).toBeGreaterThan(MAX_ARTICLE_IMAGE_BYTES);
    const answer = await dispatch('project.addArticleImage', { projectPath: path, dataBase64: png.toString('base64') });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: `The article image is ${Math.ceil(png.byteLength / 1024)} kB; an article image can be at most 256 kB, because the bundle carries it inline. Crop a smaller part of the screen. Nothing was added.` },
    });
    expect(readdirSync(join(path, 'images'))).toEqual([]);
  });

  it('refuses what is not an image', async () => {
    const { dispatch, path } = await projectWithDispatcher();
    const answer = await dispatch('project.addArticleImage', { projectPath: path, dataBase64: Buffer.from('<svg onload="alert(1)"/>').toString('base64') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid', message: 'The article image cannot be used in an article: it is not a PNG, JPEG or WebP image. Nothing was added.' } });
    expect(readdirSync(join(path, 'images'))).toEqual([]);
  });

  it('refuses a project outside the projects folder', async () => {
    const { dispatch } = await projectWithDispatcher();
    const answer = await dispatch('project.addArticleImage', { projectPath: '/etc', dataBase64: encodePng(2, 2, () => [0, 0, 0]).toString('base64') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('project.addArticleImage through the web host (HTTP, token)', () => {
  it('stores a real PNG and refuses one over 256 kB with the sizes named', async () => {
    const { projectsDir, handlers } = await webHandlersInTempDir();
    const rendererDir = join(projectsDir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Stepwise</title>');
    const host = await startWebHost({ dispatch: createDispatcher(handlers, () => undefined), rendererDir });
    try {
      const { path } = await handlers['project.create']({ name: 'Help' });
      const send = async (png: Buffer) => {
        const response = await fetch(`http://127.0.0.1:${host.port}/api/project.addArticleImage`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-stepwise-token': host.token },
          body: JSON.stringify({ projectPath: path, dataBase64: png.toString('base64') }),
        });
        return (await response.json()) as { ok: boolean; value?: { file: string; bytes: number }; error?: { message: string } };
      };
      const fine = encodePng(64, 64, (x, y) => [x * 4, y * 4, 0]);
      expect(await send(fine)).toEqual({ ok: true, value: { file: `${createHash('sha256').update(fine).digest('hex')}.png`, bytes: fine.byteLength } });
      const large = await send(noisePng(320, 320));
      expect(large.ok).toBe(false);
      expect(large.error!.message).toMatch(/^The article image is \d+ kB; an article image can be at most 256 kB/);
      expect(readdirSync(join(path, 'images'))).toHaveLength(1);
    } finally {
      await host.close();
    }
  });
});
