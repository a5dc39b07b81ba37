/** Line icons drawn inline (24x24 grid), so the app needs no icon font or emoji font. */
const ICONS = {
  pencil: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  undo: 'M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5l-5-5M20 9H10a6 6 0 0 0 0 12h3',
  save: 'M5 4h11l3 3v13H5zM8 4v5h7V4M8 20v-6h8v6',
  image: 'M4 5h16v14H4zM4 16l5-5l4 4l3-3l4 4M15 9.5a1.5 1.5 0 1 0 0 .01',
  close: 'M6 6l12 12M18 6L6 18',
  keyboard: 'M3 7h18v10H3zM7 11h.01M11 11h.01M15 11h.01M8 14h8',
  play: 'M7 5l12 7l-12 7z',
  copy: 'M9 9h11v11H9zM5 15H4V4h11v1',
  target: 'M12 20a8 8 0 1 0 0-16a8 8 0 0 0 0 16M12 16a4 4 0 1 0 0-8a4 4 0 0 0 0 8M12 12h.01',
  palette: 'M12 3a9 9 0 1 0 0 18c1 0 1.5-.8 1.5-1.5c0-1.2-1-1.5-1-2.5s.8-1.5 1.8-1.5H16a5 5 0 0 0 5-5c0-4-4-7.5-9-7.5M7.5 11h.01M10 7h.01M15 7.5h.01',
  globe: 'M12 21a9 9 0 1 0 0-18a9 9 0 0 0 0 18M3 12h18M12 3c2.5 3 2.5 15 0 18M12 3c-2.5 3-2.5 15 0 18',
  camera: 'M4 8h3l2-3h6l2 3h3v11H4zM12 16.5a3.5 3.5 0 1 0 0-7a3.5 3.5 0 0 0 0 7',
  refresh: 'M20 11a8 8 0 1 0-2.3 5.7M20 5v6h-6',
  zoomIn: 'M11 18a7 7 0 1 0 0-14a7 7 0 0 0 0 14M20 20l-4-4M8 11h6M11 8v6',
  zoomOut: 'M11 18a7 7 0 1 0 0-14a7 7 0 0 0 0 14M20 20l-4-4M8 11h6',
  fit: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  arrowLeft: 'M19 12H5M11 6l-6 6l6 6',
  arrowRight: 'M5 12h14M13 6l6 6l-6 6',
} as const;

export type IconName = keyof typeof ICONS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true">
      <path d={ICONS[name]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
