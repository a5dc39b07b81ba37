import { useDocumentStore } from './documentStore';
import { useUiStore } from './uiStore';

/** The language being edited and the project's default. */
export function useEditingLocale(): { locale: string; defaultLocale: string } {
  const defaultLocale = useDocumentStore((state) => state.project?.locales.defaultLocale ?? 'en');
  const available = useDocumentStore((state) => state.project?.locales.available);
  const editing = useUiStore((state) => state.editingLocale);
  return { locale: editing && available?.includes(editing) ? editing : defaultLocale, defaultLocale };
}
