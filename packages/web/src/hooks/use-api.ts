import { useContext } from 'react';
import { ApiContext } from '../api/api-context.js';
import type { ParleyApi } from '../api/parley-api.js';

/** The session's SDK client from {@link ApiContext}. Throws when used outside a signed-in session. */
export function useApi(): ParleyApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiContext value={client}> above it');
  return api;
}
