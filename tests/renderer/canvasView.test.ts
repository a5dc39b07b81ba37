import { describe, expect, it } from 'vitest';
import { fitView, steppedZoom, toImagePoint, zoomAt } from '../../renderer/src/canvas/canvasView';
import { elementAtPoint } from '../../renderer/src/canvas/elementAtPoint';
import { withScheme } from '../../renderer/src/screens/withScheme';
import type { MappedElement } from '../../shared/model/screen';

describe('canvas view', () => {
  it('fits the whole screenshot, centred, never above 100%', () => {
    expect(fitView({ width: 800, height: 600 }, { width: 1504, height: 1104 })).toEqual({ zoom: 0.5, x: 24, y: 24, fitted: true });
    expect(fitView({ width: 2000, height: 1500 }, { width: 400, height: 300 }).zoom).toBe(1);
  });

  it('zooms around the pointer: the image pixel under it stays under it', () => {
    const view = { zoom: 0.5, x: 24, y: 24, fitted: true };
    const pointer = { x: 300, y: 200 };
    const before = toImagePoint(view, pointer);
    const after = zoomAt(view, 2, pointer);
    expect(toImagePoint(after, pointer).x).toBeCloseTo(before.x);
    expect(toImagePoint(after, pointer).y).toBeCloseTo(before.y);
    expect(after.fitted).toBe(false);
    expect(zoomAt(view, 100, pointer).zoom).toBe(8);
  });

  it('steps through the usual zoom levels', () => {
    expect(steppedZoom(1, 1)).toBe(1.25);
    expect(steppedZoom(1, -1)).toBe(0.75);
    expect(steppedZoom(0.49, 1)).toBe(0.5);
    expect(steppedZoom(8, 1)).toBe(8);
  });
});

describe('element under the pointer', () => {
  const element = (id: string, x: number, y: number, width: number, height: number): MappedElement => ({ id, box: { x, y, width, height }, tag: 'div', selector: `#${id}`, alternates: [], context: 'document' });
  const elements = [element('page', 0, 0, 1000, 800), element('card', 100, 100, 300, 200), element('button', 120, 250, 80, 30)];
  it('is the innermost (smallest) box that contains the point', () => {
    expect(elementAtPoint(elements, { x: 130, y: 260 })?.id).toBe('button');
    expect(elementAtPoint(elements, { x: 350, y: 120 })?.id).toBe('card');
    expect(elementAtPoint(elements, { x: 900, y: 700 })?.id).toBe('page');
    expect(elementAtPoint(elements, { x: 1200, y: 10 })).toBeNull();
  });
});

describe('typed addresses', () => {
  it.each([
    ['app.example.com/dashboard', 'https://app.example.com/dashboard'],
    ['localhost:3000/x', 'http://localhost:3000/x'],
    ['127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://example.com', 'http://example.com'],
    ['  https://example.com  ', 'https://example.com'],
    ['file:///etc/passwd', 'file:///etc/passwd'],
  ])('%s -> %s', (typed, url) => {
    expect(withScheme(typed)).toBe(url);
  });
});
