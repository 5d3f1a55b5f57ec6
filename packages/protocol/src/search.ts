import { z } from 'zod';
import { IdSchema, boundedText, pageSchema } from './common.js';
import { MessageSchema } from './messages.js';

/** Longest search text, in Unicode code points. */
export const MAX_SEARCH_LENGTH = 200;

/**
 * `GET /api/search/messages` query (issue 5, "Search"). `q` is plain words, trimmed, 1 to 200 code points:
 * a message matches when it holds every word (case-insensitive, accents count), the last one also as a
 * prefix; quotes, `*`, `OR`, `NEAR`, `-` and `:` are ordinary text, never operators. `conversationId`
 * narrows the search to one conversation of the caller's. `cursor` is the previous page's `nextCursor`.
 */
export const SearchMessagesQuerySchema = z.object({
  q: boundedText(MAX_SEARCH_LENGTH),
  conversationId: IdSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchMessagesQuery = z.infer<typeof SearchMessagesQuerySchema>;

/** A matched word inside a hit's `snippet`: UTF-16 offsets (JavaScript string indexes), `end` exclusive. */
export const SearchHighlightSchema = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .meta({ id: 'SearchHighlight' });
export type SearchHighlight = z.infer<typeof SearchHighlightSchema>;

/**
 * One search hit: the message, and an excerpt of its text around the matches (about 20 words, with `…`
 * where text was cut) as plain text, never HTML. `highlights` locate the matched words in `snippet`, in
 * order and without overlaps, for the client to mark.
 */
export const SearchHitSchema = z
  .object({ message: MessageSchema, snippet: z.string(), highlights: z.array(SearchHighlightSchema) })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** A page of hits, best match first (then newest first). */
export const SearchPageSchema = pageSchema(SearchHitSchema).meta({ id: 'SearchPage' });
export type SearchPage = z.infer<typeof SearchPageSchema>;
