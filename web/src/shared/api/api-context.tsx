import { createContext, useContext, type ReactNode } from 'react';
import type { HttpClient } from './http-client';

const ApiContext = createContext<HttpClient | null>(null);

export function ApiProvider({ client, children }: { client: HttpClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): HttpClient {
  const client = useContext(ApiContext);
  if (client === null) throw new Error('useApi outside ApiProvider');
  return client;
}
