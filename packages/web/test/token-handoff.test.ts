import { afterEach, describe, expect, it, vi } from 'vitest';
import { consumeFragmentToken, isTokenMessage } from '../src/api/token-handoff.js';
import { tokenSubject } from '../src/lib/token-subject.js';

describe('token hand-off', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('takes #token= from the URL and removes it from history', () => {
    window.history.replaceState(null, '', '/c/conv-1?x=1#token=abc.def.ghi');
    const replace = vi.spyOn(window.history, 'replaceState');
    expect(consumeFragmentToken(window.location, window.history)).toBe('abc.def.ghi');
    expect(replace).toHaveBeenCalledOnce();
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/c/conv-1?x=1');
    expect(consumeFragmentToken(window.location, window.history)).toBeNull();
  });

  it('accepts only well-formed token messages', () => {
    expect(isTokenMessage({ type: 'parley:token', token: 'abc' })).toBe(true);
    expect(isTokenMessage({ type: 'parley:token', token: '' })).toBe(false);
    expect(isTokenMessage({ type: 'other', token: 'abc' })).toBe(false);
    expect(isTokenMessage('parley:token')).toBe(false);
  });

  it('reads the subject of a JWT without verifying it', () => {
    const payload = btoa(JSON.stringify({ sub: 'client-alice', role: 'client' })).replace(/=+$/, '');
    expect(tokenSubject(`header.${payload}.signature`)).toBe('client-alice');
    expect(tokenSubject('not-a-jwt')).toBeNull();
  });
});
