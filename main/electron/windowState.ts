import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../services/atomicWrite';

const DEFAULT = { width: 1440, height: 900 };

/** The main window's last size and place, if it still fits on a connected display. */
export function restoredBounds(stateDir: string): Partial<Rectangle> & { width: number; height: number } {
  try {
    const saved = JSON.parse(readFileSync(join(stateDir, 'window-state.json'), 'utf8')) as Rectangle;
    const visible = screen.getAllDisplays().some(({ workArea: area }) => saved.x >= area.x - 50 && saved.y >= area.y - 50 && saved.x + 100 <= area.x + area.width && saved.y + 100 <= area.y + area.height);
    if (visible && saved.width >= 960 && saved.height >= 600) return saved;
  } catch {
    // No saved state yet, or a damaged one: start with the default size.
  }
  return DEFAULT;
}

/** Remembers the window's bounds when it closes (normal bounds, not maximised ones). */
export function rememberBounds(window: BrowserWindow, stateDir: string): void {
  window.on('close', () => {
    void writeFileAtomic(join(stateDir, 'window-state.json'), JSON.stringify(window.getNormalBounds())).catch(() => undefined);
  });
}
