import { useEffect, useRef, useState } from 'react';

/** Renaming in place: Enter or leaving the field keeps the new name, Esc keeps the old one. */
export function RenameField({ name, onRename, onDone }: { name: string; onRename(name: string): void; onDone(): void }) {
  const [value, setValue] = useState(name);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const commit = () => {
    onRename(value);
    onDone();
  };
  return (
    <input
      ref={input}
      className="rename-input"
      aria-label={`New name for ${name}`}
      value={value}
      maxLength={200}
      onChange={(event) => setValue(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDone();
        }
      }}
    />
  );
}
