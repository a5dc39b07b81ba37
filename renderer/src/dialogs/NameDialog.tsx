import { useState } from 'react';
import { Modal } from './Modal';

interface NameDialogProps {
  title: string;
  label: string;
  confirmLabel: string;
  initialName?: string;
  onConfirm(name: string): Promise<boolean>;
  onClose(): void;
}

/** Asks for a name (new project, save as), refusing an empty one and staying open if the host fails. */
export function NameDialog({ title, label, confirmLabel, initialName = '', onConfirm, onClose }: NameDialogProps) {
  const [name, setName] = useState(initialName);
  const [busy, setBusy] = useState(false);
  const trimmed = name.trim();
  const submit = async () => {
    if (!trimmed || busy) return;
    setBusy(true);
    const done = await onConfirm(trimmed);
    setBusy(false);
    if (done) onClose();
  };
  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="name-dialog-form" className="button primary" disabled={!trimmed || busy}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <form
        id="name-dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span className="field-label">{label}</span>
          <input autoFocus value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
        </label>
      </form>
    </Modal>
  );
}
