import { dismissNotice, useUiStore } from '../store/uiStore';
import { Icon } from '../ui/Icon';

/** Errors stay until dismissed (they may need reading twice); information is announced politely. */
export function Notices() {
  const notices = useUiStore((state) => state.notices);
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <p>{notice.message}</p>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismissNotice(notice.id)}>
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
