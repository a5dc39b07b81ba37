import { render, type RenderResult } from '@testing-library/react';
import type { BuilderClient } from '../../../shared/api/client';
import type { BuilderMethod } from '../../../shared/api/contract';
import { createProject } from '../../../shared/model/create';
import type { Project } from '../../../shared/model/project';
import { App } from '../../../renderer/src/app/App';
import { AppContext } from '../../../renderer/src/app/appContext';
import { createProjectSession } from '../../../renderer/src/app/projectSession';
import { createAppCommands } from '../../../renderer/src/commands/appCommands';
import { useDocumentStore } from '../../../renderer/src/store/documentStore';
import { useUiStore } from '../../../renderer/src/store/uiStore';

export type FakeHost = Partial<Record<BuilderMethod, (input: never) => unknown>>;

/** A client whose methods answer from `host` (unlisted ones resolve to an empty object). */
export function fakeClient(host: FakeHost = {}): BuilderClient & { calls: Array<{ method: BuilderMethod; input: unknown }> } {
  const calls: Array<{ method: BuilderMethod; input: unknown }> = [];
  return {
    calls,
    async call(method, input) {
      calls.push({ method, input });
      const answer = host[method];
      return (answer ? await answer(input as never) : {}) as never;
    },
  };
}

/** Opens `project` as if the host had loaded it from `/projects/Acme.stepwise`. */
export function openProject(project: Project = createProject('Acme')): void {
  useDocumentStore.getState().load(project);
  useUiStore.setState({
    projectPath: '/projects/Acme.stepwise',
    savedProject: useDocumentStore.getState().project,
    selectedFlowId: null,
    selectedItemIds: [],
    previewFlowId: null,
    dialog: { kind: 'none' },
    notices: [],
  });
}

/** The whole app, as main.tsx mounts it, over a fake host. */
export function renderApp(client: BuilderClient = fakeClient()): RenderResult {
  const session = createProjectSession(client);
  return render(
    <AppContext.Provider value={{ client, session, commands: createAppCommands(session, client) }}>
      <App />
    </AppContext.Provider>,
  );
}
