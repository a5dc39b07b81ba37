import { isRightToLeft } from '../../../shared/bundle/rightToLeft';
import { localeDisplayName } from '../../../shared/model/locales';
import { useEditingLocale } from '../store/editingLocale';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';

/** Which language the inspector edits and the canvas shows; hidden while the project has one. */
export function EditingLocalePicker() {
  const available = useDocumentStore((state) => state.project?.locales.available ?? []);
  const { locale } = useEditingLocale();
  if (available.length < 2) return null;
  return (
    <label className="editing-locale">
      Editing
      <select value={locale} onChange={(event) => useUiStore.setState({ editingLocale: event.target.value })}>
        {available.map((code) => (
          <option key={code} value={code}>
            {localeDisplayName(code) ?? code}
            {isRightToLeft(code) ? ' (RTL)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
