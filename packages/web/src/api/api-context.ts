import { createContext } from 'react';
import type { ParleyApi } from './parley-api.js';

/** The signed-in session's SDK client (or a test fake); null outside a session. Read it with `useApi()`. */
export const ApiContext = createContext<ParleyApi | null>(null);
