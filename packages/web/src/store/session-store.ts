import { create } from 'zustand';
import { readStoredToken, writeStoredToken } from '../api/token-storage.js';

/** Who is signed in: the bearer token the SDK sends, and whether the server refused it. */
export interface SessionState {
  /** The JWT sent as `Authorization: Bearer` and in the Socket.IO handshake; null when signed out. */
  token: string | null;
  /** True after a `401 UNAUTHENTICATED` (REST or socket): the token expired or was refused. */
  expired: boolean;
  /** Starts (or refreshes) a session with `token` and keeps it in localStorage. */
  signIn: (token: string) => void;
  /** Ends the session and forgets the stored token. */
  signOut: () => void;
  /** Marks the token as refused; the stored copy is forgotten so a reload does not reuse it. */
  expire: () => void;
}

/** The session store; its token survives reloads through localStorage (`parley.token`). */
export const useSessionStore = create<SessionState>()((set) => ({
  token: readStoredToken(),
  expired: false,
  signIn: (token) => {
    writeStoredToken(token);
    set({ token, expired: false });
  },
  signOut: () => {
    writeStoredToken(null);
    set({ token: null, expired: false });
  },
  expire: () => {
    writeStoredToken(null);
    set({ token: null, expired: true });
  },
}));
