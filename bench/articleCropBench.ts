// Cropping an article image on the canvas: the time from the drawn rectangle to the bytes sent to
// the host, in Chromium, with the renderer's own code (encodeUnderCap, canvasCropEncoder). A
// screenshot of a UI fits as PNG; a photo-like crop (noise, the worst case) goes through WebP and
// JPEG and is scaled down until it fits 256 kB.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../playwright.config';
import { kb, ms, printTable } from './measure';

const ENTRY = `
import { canvasCropEncoder, encodeUnderCap } from './renderer/src/canvas/articleImageCrop';
window.cropBench = async (kind, width, height) => {
  const source = document.createElement('canvas');
  source.width = width;
  source.height = height;
  const draw = source.getContext('2d');
  if (kind === 'noise') {
    const pixels = draw.createImageData(width, height);
    for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = i % 4 === 3 ? 255 : (Math.random() * 256) | 0;
    draw.putImageData(pixels, 0, 0);
  } else {
    // A dashboard: a header bar, cards with numbers, rows of text.
    draw.fillStyle = '#f4f5f7'; draw.fillRect(0, 0, width, height);
    draw.fillStyle = '#111827'; draw.fillRect(0, 0, width, 96);
    draw.font = '28px sans-serif';
    for (let row = 0; row < 40; row++) for (let col = 0; col < 4; col++) {
      draw.fillStyle = '#fff'; draw.fillRect(60 + col * 620, 140 + row * 36, 580, 30);
      draw.fillStyle = '#374151'; draw.fillText('Invoice INV-' + (1000 + row * 4 + col) + ' was sent to Acme', 70 + col * 620, 164 + row * 36);
    }
  }
  const box = { x: 0, y: 0, width, height };
  const start = performance.now();
  const blob = await encodeUnderCap(canvasCropEncoder(source, box));
  return { ms: performance.now() - start, bytes: blob.size, type: blob.type };
};
`;

export async function runArticleCropBench(): Promise<void> {
  const bundled = await build({ stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'iife', write: false, logLevel: 'silent' });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>crop bench</title>');
    await page.addScriptTag({ content: bundled.outputFiles[0]!.text });
    const rows: { name: string; value: string }[] = [];
    for (const [kind, width, height, what] of [
      ['ui', 1280, 800, 'a whole 1280x800 UI screenshot'],
      ['ui', 2560, 1600, 'a whole 2560x1600 UI screenshot (2x)'],
      ['noise', 400, 300, 'a 400x300 photo-like crop'],
      ['noise', 1280, 800, 'a 1280x800 photo-like crop'],
    ] as const) {
      const times: number[] = [];
      let last = { ms: 0, bytes: 0, type: '' };
      for (let run = 0; run < 3; run++) {
        last = await page.evaluate(([k, w, h]) => (window as unknown as { cropBench(kind: string, width: number, height: number): Promise<{ ms: number; bytes: number; type: string }> }).cropBench(k, w, h), [kind, width, height] as const);
        times.push(last.ms);
      }
      times.sort((a, b) => a - b);
      rows.push({ name: `${what}`, value: `${ms(times[1]!)}, ${kb(last.bytes)} ${last.type.replace('image/', '')}` });
    }
    printTable('Article image crop (encode under 256 kB, Chromium, median of 3)', rows);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runArticleCropBench();
