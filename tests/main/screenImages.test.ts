import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/services/apiDispatcher';
import { inspectImage, MAX_IMAGE_BYTES } from '../../main/services/imageFile';
import { webHandlersInTempDir } from './testHandlers';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/images/${name}`, import.meta.url)));

/** A PNG whose header claims a size; enough for the size check, which comes before decoding. */
function pngClaiming(width: number, height: number): Buffer {
  const png = Buffer.from(fixture('mockup.png'));
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return png;
}

function gif(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(32);
  bytes.write('GIF89a', 0, 'latin1');
  bytes.writeUInt16LE(width, 6);
  bytes.writeUInt16LE(height, 8);
  return bytes;
}

describe('inspectImage', () => {
  it.each([
    ['mockup.png', 'png'],
    ['mockup.jpg', 'jpg'],
    ['mockup.webp', 'webp'],
  ])('accepts %s', (name, extension) => {
    expect(inspectImage(fixture(name), name)).toEqual({ extension, width: 320, height: 200 });
  });

  it.each([
    ['notes.txt', Buffer.from('hello, these are notes'), 'notes.txt cannot be used as a screen: it is not a PNG, JPEG or WebP image. Nothing was added.'],
    ['empty.png', Buffer.alloc(0), 'empty.png cannot be used as a screen: the file is empty. Nothing was added.'],
    ['cut.png', fixture('mockup.png').subarray(0, 2_000), 'cut.png cannot be used as a screen: the file is truncated (its end is missing). Nothing was added.'],
    ['cut.jpg', fixture('mockup.jpg').subarray(0, 1_500), 'cut.jpg cannot be used as a screen: the file is truncated (its end is missing). Nothing was added.'],
    ['cut.webp', fixture('mockup.webp').subarray(0, 600), 'cut.webp cannot be used as a screen: the file is truncated (its end is missing). Nothing was added.'],
    ['wide.png', pngClaiming(20_000, 100), 'wide.png cannot be used as a screen: it is 20000×100 pixels; each side can be at most 16,384 pixels. Nothing was added.'],
    ['tall.png', pngClaiming(100, 16_385), 'tall.png cannot be used as a screen: it is 100×16385 pixels; each side can be at most 16,384 pixels. Nothing was added.'],
    ['anim.gif', gif(10, 10), 'anim.gif cannot be used as a screen: it is a GIF image; use PNG, JPEG or WebP. Nothing was added.'],
  ])('refuses %s', (name, bytes, message) => {
    expect(() => inspectImage(bytes, name)).toThrow(message);
  });

  it('refuses files over 50 MB before reading them', () => {
    const huge = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    fixture('mockup.png').copy(huge);
    expect(() => inspectImage(huge, 'huge.png')).toThrow('huge.png cannot be used as a screen: it is 50.0 MB; images up to 50 MB can be added. Nothing was added.');
  });
});

describe('screen.addImage', () => {
  it('stores the image by its hash and answers an image screen without a map', async () => {
    const { projectsDir, handlers } = await webHandlersInTempDir();
    const dispatch = createDispatcher(handlers);
    const created = await handlers['project.create']({ name: 'Images' });
    const answer = await dispatch('screen.addImage', { projectPath: created.path, fileName: 'Checkout mockup.webp', dataBase64: fixture('mockup.webp').toString('base64') });
    expect(answer.ok).toBe(true);
    const { screen } = (answer as { value: { screen: { name: string; image: { file: string; width: number }; source: unknown; elements: unknown[] } } }).value;
    expect(screen.name).toBe('Checkout mockup');
    expect(screen.image.file).toMatch(/^[0-9a-f]{64}\.webp$/);
    expect(screen.image.width).toBe(320);
    expect(screen.source).toEqual({ kind: 'image', originalName: 'Checkout mockup.webp' });
    expect(screen.elements).toEqual([]);
    // On disk: one file, inside the project in the projects folder, named by the SHA-256 of exactly the bytes sent.
    const bytes = fixture('mockup.webp');
    expect(readdirSync(join(created.path, 'images'))).toEqual([screen.image.file]);
    expect(screen.image.file).toBe(`${createHash('sha256').update(bytes).digest('hex')}.webp`);
    const stored = join(created.path, 'images', screen.image.file);
    expect(relative(projectsDir, stored)).toBe(join('Images.stepwise', 'images', screen.image.file));
    expect(readFileSync(stored).equals(bytes)).toBe(true);
    // And the editor gets the same picture back.
    const read = await dispatch('project.readImage', { path: created.path, file: screen.image.file });
    expect(read).toEqual({ ok: true, value: { dataUrl: `data:image/webp;base64,${bytes.toString('base64')}` } });
  });

  it('refuses a broken image with a message and writes nothing', async () => {
    const { handlers } = await webHandlersInTempDir();
    const dispatch = createDispatcher(handlers);
    const created = await handlers['project.create']({ name: 'Images' });
    const answer = await dispatch('screen.addImage', { projectPath: created.path, fileName: 'cut.png', dataBase64: fixture('mockup.png').subarray(0, 900).toString('base64') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid', message: 'cut.png cannot be used as a screen: the file is truncated (its end is missing). Nothing was added.' } });
    expect(readdirSync(join(created.path, 'images'))).toEqual([]);
  });

  it('keeps images inside the projects folder', async () => {
    const { handlers } = await webHandlersInTempDir();
    const answer = await createDispatcher(handlers)('screen.addImage', { projectPath: '/etc', fileName: 'x.png', dataBase64: fixture('mockup.png').toString('base64') });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
