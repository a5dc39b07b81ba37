import type { Problem } from '../../../shared/validation/problems';

/** Why the preview cannot play: each problem with its place in the bundle, in the preview area itself. */
export function PreviewProblems({ title, problems }: { title: string; problems: ReadonlyArray<Problem & { flowName?: string | undefined }> }) {
  return (
    <div className="preview-problems" role="alert">
      <strong>{title}</strong>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.path}-${index}`}>
            {problem.flowName ? <>In “{problem.flowName}”: </> : null}
            <code>{problem.path}</code> {problem.message}
          </li>
        ))}
      </ul>
      <p className="muted small">The Problems panel lists them too. Fix them, then press Restart.</p>
    </div>
  );
}
