import { useEffect, useState } from 'react';
import { dismissNotice, useUiStore, type Notice } from '../store/uiStore';
import { Icon } from '../ui/Icon';
import './notices.css';

/** How long information stays on screen while the pointer and focus are elsewhere. */
export const NOTICE_DISMISS_MS = 6_000;

/**
 * Information goes by itself after a few seconds (not while the pointer is on it or focus is in
 * it, so its Undo can be reached); errors stay until dismissed, as they may need reading twice.
 * Notices sit at the bottom left, clear of the canvas's zoom controls.
 */
export function Notices() {
  const notices = useUiStore((state) => state.notices);
  return (
    <div className="notices notices-clear-of-canvas">
      {notices.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} />
      ))}
    </div>
  );
}

function NoticeCard({ notice }: { notice: Notice }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const staysPut = notice.tone === 'error' || hovered || focused;
  useEffect(() => {
    if (staysPut) return;
    const timer = setTimeout(() => dismissNotice(notice.id), NOTICE_DISMISS_MS);
    return () => clearTimeout(timer);
  }, [staysPut, notice.id]);
  return (
    <div
      className={`notice ${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => !event.currentTarget.contains(event.relatedTarget as Node | null) && setFocused(false)}
    >
      <p>{notice.message}</p>
      {notice.action ? (
        <button
          type="button"
          className="button small"
          onClick={() => {
            notice.action!.run();
            dismissNotice(notice.id);
          }}
        >
          {notice.action.label}
        </button>
      ) : null}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismissNotice(notice.id)}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
