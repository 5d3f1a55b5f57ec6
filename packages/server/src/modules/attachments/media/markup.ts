import { open } from 'node:fs/promises';

/** How many leading bytes are examined, as in the WHATWG MIME Sniffing Standard's resource header (512 bytes). */
const SNIFF_BYTES = 512;

/**
 * Tag openings that make a browser sniff a resource as HTML (WHATWG MIME Sniffing, § 7.1 "Identifying a resource
 * with an unknown MIME type"), plus `<?xml` and `<svg` (XML and SVG, which can carry scripts too).
 */
const MARKUP_OPENINGS = [
  '<!doctype html', '<html', '<head', '<script', '<iframe', '<h1', '<div', '<font', '<table', '<a', '<style',
  '<title', '<b', '<body', '<br', '<p', '<!--', '<?xml', '<svg',
];

/**
 * Tells whether a text upload starts like HTML, XML or SVG after leading whitespace, so a page renamed `.txt` is
 * refused like one named `.html` (issue 6: "HTML, SVG, XML are not allowed").
 * @param path The stored upload.
 * @returns True when the first 512 bytes open with one of the markup tags, followed by a space, `>` or `/`
 *   (the standard's "tag-terminating byte"); `<!--` and `<?xml` need no terminator.
 */
export async function startsLikeMarkup(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
    return MARKUP_OPENINGS.some((tag) => {
      if (!head.startsWith(tag)) return false;
      if (tag === '<!--' || tag === '<?xml') return true;
      const next = head.charAt(tag.length);
      return next === '' || next === '>' || next === '/' || /\s/.test(next);
    });
  } finally {
    await file.close();
  }
}
