import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { consumeFragmentToken } from './api/token-handoff.js';
import { App } from './components/App.js';
import { useSessionStore } from './store/session-store.js';
import './index.css';

// A token handed over in the URL fragment (`#token=<jwt>`) signs in and leaves the address bar and history.
const handedOver = consumeFragmentToken(window.location, window.history);
if (handedOver) useSessionStore.getState().signIn(handedOver);

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
