import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppContext, type AppServices } from './app/appContext';
import { describeError } from './app/projectSession';
import { createProjectSession } from './app/projectSession';
import { createAppCommands } from './commands/appCommands';
import { connectHost } from './host/connectHost';
import { notify, useUiStore } from './store/uiStore';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const connection = connectHost();

if (connection.problem) {
  root.render(
    <main className="start">
      <div className="start-card" role="alert">
        <h1>Stepwise cannot reach its host</h1>
        <p>{connection.problem}</p>
      </div>
    </main>,
  );
} else {
  const session = createProjectSession(connection.client);
  const services: AppServices = { client: connection.client, session, commands: createAppCommands(session, connection.client) };
  connection.onMenuCommand((id) => services.commands.execute(id, 'menu'));
  connection.client.call('app.info', {}).then(
    (appInfo) => useUiStore.setState({ appInfo }),
    (error: unknown) => notify('error', describeError(error)),
  );
  root.render(
    <StrictMode>
      <AppContext.Provider value={services}>
        <App />
      </AppContext.Provider>
    </StrictMode>,
  );
}
