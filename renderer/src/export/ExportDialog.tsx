import { useMemo, useState } from 'react';
import { serializeBundle } from '../../../shared/bundle/buildBundle';
import { validateBundle } from '../../../shared/bundle/validateBundle';
import { lintProject } from '../../../shared/lint/lintProject';
import { useApp } from '../app/appContext';
import { describeError } from '../app/projectSession';
import { Modal } from '../dialogs/Modal';
import { useDocumentStore } from '../store/documentStore';
import { notify, useUiStore } from '../store/uiStore';
import { downloadText, fileSlug } from './download';
import { ProblemsList } from './ProblemsList';
import { flowNameAt, tryBuildBundle } from '../preview/tryBuildBundle';
import { bundleImageFiles } from '../../../shared/bundle/bundleImageData';
import { useImageData } from '../preview/bundleImages';
import { LastCheckNote } from '../health/LastCheckNote';

/** Embed code that runs as pasted (no names the page must define); the user line is there to fill in. */
function snippets(fileName: string) {
  return {
    script: `<script src="https://unpkg.com/@stepwise/player/dist/stepwise-player.iife.js"></script>
<script>
  fetch('/${fileName}')
    .then((response) => response.json())
    .then((bundle) => {
      const player = Stepwise.createPlayer({
        bundle,
        // user: { id: 'your signed-in user id', traits: { plan: 'pro' } }, // for user rules; progress is per user
        onEvent: (event) => console.log('stepwise', event.type, event), // send these to your analytics
      });
    });
</script>`,
    npm: `// npm install @stepwise/player
import { createPlayer } from '@stepwise/player';
import bundle from './${fileName}';

const player = createPlayer({
  bundle,
  // user: { id: 'your signed-in user id', traits: { plan: 'pro' } }, // for user rules; progress is per user
  onEvent: (event) => console.log('stepwise', event.type, event), // send these to your analytics
});`,
  };
}

/** Export: pick the flows, see the problems (errors block), download the bundle or the standalone preview, copy the embed code. */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const { client } = useApp();
  const project = useDocumentStore((state) => state.project)!;
  const projectPath = useUiStore((state) => state.projectPath)!;
  const [readyOnly, setReadyOnly] = useState(false);
  const [snippet, setSnippet] = useState<'script' | 'npm'>('script');
  const [busy, setBusy] = useState(false);
  const problems = useMemo(() => lintProject(project, { readyOnly }), [project, readyOnly]);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const readyCount = project.flows.filter((flow) => flow.status === 'ready').length;
  const flowCount = readyOnly ? readyCount : project.flows.length;
  const fileName = `${fileSlug(project.name)}.bundle.json`;
  const code = snippets(fileName)[snippet];
  // Article images travel inside the bundle: read them (cached) before building; one that cannot be read blocks the export, named.
  const imageData = useImageData(client, projectPath, bundleImageFiles(project, readyOnly));
  const built = useMemo(() => (imageData && !errors ? tryBuildBundle(project, { readyOnly, imageData }) : null), [project, readyOnly, imageData, errors]);
  const buildProblems = built && !built.ok ? built.problems : [];

  const exportBundle = () => {
    if (!built) return;
    const text = built.ok ? serializeBundle(built.bundle) : '';
    // The same check a developer's CI runs: what we write must pass the published schema.
    const check = built.ok ? validateBundle(text) : built;
    if (!check.ok) return notify('error', `The bundle did not pass its schema: ${check.problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}`);
    downloadText(fileName, text, 'application/json');
    notify('info', `Exported ${flowCount} flow(s) to ${fileName}.`);
  };
  const exportPreview = async () => {
    setBusy(true);
    try {
      const { html } = await client.call('project.standalonePreview', { path: projectPath, project, readyOnly });
      downloadText(`${fileSlug(project.name)}-preview.html`, html, 'text/html');
    } catch (error) {
      notify('error', describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="Export"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="button" disabled={busy || flowCount === 0} onClick={() => void exportPreview()}>
            Download standalone preview
          </button>
          <button
            type="button"
            className="button primary"
            disabled={errors > 0 || flowCount === 0 || !built || !built.ok}
            title={errors || buildProblems.length ? 'Fix the errors first' : !built ? 'Reading the article images…' : undefined}
            onClick={exportBundle}
          >
            Download bundle
          </button>
        </>
      }
    >
      <div className="export-body">
        <fieldset className="segmented" aria-label="Flows to export">
          <label>
            <input type="radio" name="flows" checked={!readyOnly} onChange={() => setReadyOnly(false)} /> All flows ({project.flows.length})
          </label>
          <label>
            <input type="radio" name="flows" checked={readyOnly} onChange={() => setReadyOnly(true)} /> Only Ready ({readyCount})
          </label>
        </fieldset>
        <LastCheckNote />
        <section aria-label="Export problems">
          <h3 className="export-heading">
            {errors ? `${errors} error(s) block the export` : buildProblems.length ? 'The bundle cannot be built' : problems.length ? `${problems.length} warning(s); export is allowed` : 'Ready to export'}
          </h3>
          {buildProblems.length ? (
            // What blocks the build comes first, above the warnings; long file names wrap inside the dialog.
            <ul className="export-build-problems" role="alert" aria-label="Why the bundle cannot be built" style={{ listStyle: 'none', padding: 0, overflowWrap: 'anywhere' }}>
              {buildProblems.map((problem, index) => {
                const flowName = flowNameAt(project, problem.path);
                // Messages about an article image name their flow already.
                const named = flowName && !problem.message.startsWith(`“${flowName}”`);
                return (
                  <li key={`${problem.path}-${index}`} className="error-text">
                    {named ? <>In “{flowName}”: </> : null}
                    {problem.message}
                  </li>
                );
              })}
            </ul>
          ) : null}
          <ProblemsList problems={problems} onSelect={onClose} />
        </section>
        <section aria-label="Embed code">
          <div className="export-heading-row">
            <h3 className="export-heading">For your developers</h3>
            <div className="segmented small" role="radiogroup" aria-label="Snippet">
              <label>
                <input type="radio" name="snippet" checked={snippet === 'script'} onChange={() => setSnippet('script')} /> Script tag
              </label>
              <label>
                <input type="radio" name="snippet" checked={snippet === 'npm'} onChange={() => setSnippet('npm')} /> npm
              </label>
            </div>
          </div>
          {/* Focusable: long code scrolls sideways, and keyboard users must be able to scroll it. */}
          <pre className="snippet" aria-label="Embed snippet" tabIndex={0}>
            <code>{code}</code>
          </pre>
          <button type="button" className="button small" onClick={() => void navigator.clipboard.writeText(code).then(() => notify('info', 'Copied the embed code.'), () => notify('error', 'The clipboard is not available here; select the code and copy it.'))}>
            Copy code
          </button>
        </section>
      </div>
    </Modal>
  );
}
