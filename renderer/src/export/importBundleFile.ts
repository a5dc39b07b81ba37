import { importBundle } from '../../../shared/bundle/importBundle';
import { validateBundle } from '../../../shared/bundle/validateBundle';
import { useDocumentStore } from '../store/documentStore';
import { notify } from '../store/uiStore';

/**
 * Imports a bundle file into the open project as one undoable change. A bundle that does not
 * validate is refused with every problem listed, and the project is left exactly as it was.
 */
export async function importBundleFile(file: File): Promise<void> {
  const project = useDocumentStore.getState().project;
  if (!project) return;
  const result = validateBundle(await file.text());
  if (!result.ok) {
    const list = result.problems.slice(0, 12).map((problem) => `• ${problem.path} ${problem.message}`).join('\n');
    const more = result.problems.length > 12 ? `\n…and ${result.problems.length - 12} more.` : '';
    notify('error', `${file.name} was not imported (nothing changed):\n${list}${more}`);
    return;
  }
  const outcome = importBundle(project, result.bundle);
  useDocumentStore.getState().change('Import bundle', (draft) => {
    Object.assign(draft, outcome.project);
  });
  notify('info', `Imported ${outcome.added} flow(s) from ${file.name}.${outcome.renamed.length ? ` Renamed: ${outcome.renamed.join('; ')}.` : ''}`);
}
