import { useState } from 'react';

export type PanelSide = 'left' | 'right';

export const PANEL_LIMITS = { min: 220, max: 560 } as const;
const DEFAULT_WIDTHS: Record<PanelSide, number> = { left: 300, right: 340 };
const STORAGE_KEY = 'stepwise.panelWidths';

export function clampPanelWidth(width: number): number {
  return Math.round(Math.min(PANEL_LIMITS.max, Math.max(PANEL_LIMITS.min, width)));
}

function readStored(): Record<PanelSide, number> {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Record<PanelSide, unknown>>;
    const width = (side: PanelSide) => (typeof stored[side] === 'number' && Number.isFinite(stored[side]) ? clampPanelWidth(stored[side]) : DEFAULT_WIDTHS[side]);
    return { left: width('left'), right: width('right') };
  } catch {
    return DEFAULT_WIDTHS; // unreadable or blocked storage: the defaults, not an error
  }
}

/** The side panels' widths, remembered across sessions in localStorage. */
export function usePanelWidths(): [Record<PanelSide, number>, (side: PanelSide, width: number) => void] {
  const [widths, setWidths] = useState(readStored);
  const setWidth = (side: PanelSide, width: number) =>
    setWidths((current) => {
      const next = { ...current, [side]: clampPanelWidth(width) };
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Storage full or blocked: the width still applies for this session.
      }
      return next;
    });
  return [widths, setWidth];
}
