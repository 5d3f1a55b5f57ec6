import { useRealtimeStore } from '../../src/store/realtime-store.js';
import { createFakeApi, type FakeApi } from './fake-api.js';
import { makeConversation, makeMessage, makeProject } from './factories.js';

/** `count` messages from Paul, seq 1 to `count`, each saying "Message number <seq>". */
export function numberedHistory(count: number) {
  return Array.from({ length: count }, (_, index) => makeMessage({ seq: index + 1, text: `Message number ${index + 1}` }));
}

/**
 * A fresh realtime store, connected, and a fake API answering {@link makeConversation}, its project and `history`,
 * for tests that open that conversation.
 */
export function fakeApiWithConversation(history: ReturnType<typeof numberedHistory>): FakeApi {
  useRealtimeStore.getState().reset();
  useRealtimeStore.getState().setConnection({ state: 'connected', error: null });
  const fake = createFakeApi();
  fake.conversationsGet.mockResolvedValue(makeConversation());
  fake.projectsGet.mockResolvedValue(makeProject());
  fake.serve(history);
  return fake;
}
