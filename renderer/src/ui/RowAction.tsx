import { Icon, type IconName } from './Icon';

/** An icon button on a list row (play, duplicate, rename, delete): named for screen readers, titled for the mouse. */
export function RowAction({ icon, label, title, danger = false, size = 15, onClick }: { icon: IconName; label: string; title: string; danger?: boolean; size?: number; onClick(): void }) {
  return (
    <button type="button" className={`icon-button${danger ? ' danger' : ''}`} aria-label={label} title={title} onClick={onClick}>
      <Icon name={icon} size={size} />
    </button>
  );
}
