import { useEffect } from 'react';
import { listenForTokenMessages } from '../api/token-handoff.js';
import { useSessionStore } from '../store/session-store.js';

/** Accepts tokens posted by the embedding marketplace page (see `listenForTokenMessages` for the origin checks). */
export function useTokenHandoff(): void {
  useEffect(() => listenForTokenMessages(window, (token) => useSessionStore.getState().signIn(token)), []);
}
