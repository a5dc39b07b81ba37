import { createContext, useContext } from 'react';
import type { BuilderClient } from '../../../shared/api/client';
import type { CommandRegistry } from '../commands/commandRegistry';
import type { ProjectSession } from './projectSession';

export interface AppServices {
  client: BuilderClient;
  commands: CommandRegistry;
  session: ProjectSession;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp() needs <AppContext.Provider> above it.');
  return services;
}
