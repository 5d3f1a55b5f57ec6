import { rm } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import { unsupportedMedia } from '../../../errors.js';
import type { AllowedType } from './allow-list.js';

/**
 * The largest image accepted, in pixels (width × height, all frames of an animation together): 50 megapixels,
 * a guard against decompression bombs (sharp's `limitInputPixels`, issue 6 "Processing").
 */
export const MAX_INPUT_PIXELS = 50_000_000;

/** The longer side of every thumbnail, in px; smaller images keep their size (issue 6, "Processing"). */
export const THUMBNAIL_MAX_SIDE = 320;

/** Where an image's outputs go: both in the upload's directory, both new names. */
export interface ImageOutputs {
  /** The re-encoded original (JPEG, PNG, WebP); GIFs are stored as they came and never written here. */
  sanitizedPath: string;
  /** The WebP thumbnail. */
  thumbnailPath: string;
}

/** The result of `processImage`: oriented pixels, and the sanitized file when one was written. */
export interface ProcessedImage {
  width: number;
  height: number;
  sanitizedPath?: string;
  thumbnailPath: string;
}

/**
 * Re-encodes an image upload and writes its thumbnail (issue 6, "Processing"):
 * JPEG, PNG and WebP are re-encoded in their own format with the EXIF orientation applied (`.rotate()`) and no
 * metadata kept (sharp's default output drops EXIF, GPS, XMP and converts to sRGB without keeping other ICC profiles);
 * animated WebP keeps its frames. GIF is stored as it came (animation kept); only its dimensions are read.
 * @param path The stored upload.
 * @param type Its detected allowed type (`kind: 'image'`).
 * @param outputs Where to write; `declaredName` only names the upload in a refusal's `details`.
 * @returns Width and height in px after orientation (per frame for animations) and the paths written.
 * @throws AppError `UNSUPPORTED_MEDIA_TYPE` (415) for an image over `MAX_INPUT_PIXELS` or one sharp cannot decode.
 */
export async function processImage(
  path: string,
  type: AllowedType,
  outputs: ImageOutputs,
  declaredName: string,
): Promise<ProcessedImage> {
  return withImageErrors({ name: declaredName, detected: type.mime }, outputs, async () => {
    const animated = type.mime === 'image/webp';
    if (type.mime === 'image/gif') {
      const meta = await openImage(path, false).metadata();
      await writeThumbnail(openImage(path, false), outputs.thumbnailPath);
      return { width: meta.width, height: meta.height, thumbnailPath: outputs.thumbnailPath };
    }
    const info = await reencode(openImage(path, animated).rotate(), type).toFile(outputs.sanitizedPath);
    await writeThumbnail(openImage(path, false), outputs.thumbnailPath);
    return { width: info.width, height: info.pageHeight ?? info.height, ...outputs };
  });
}

/**
 * Writes a WebP thumbnail of an image: orientation applied, `THUMBNAIL_MAX_SIDE` px on the longer side at most
 * (`fit: 'inside'`, `withoutEnlargement: true`), no metadata (issue 6, "Processing").
 * @param input Image bytes (a video's poster frame as PNG) or a sharp instance already opened with the pixel limit.
 * @param thumbnailPath Where to write the WebP.
 * @throws sharp's `Error` when the input cannot be decoded; image callers turn it into 415 through `processImage`.
 */
export async function writeThumbnail(input: Buffer | Sharp, thumbnailPath: string): Promise<void> {
  const image = Buffer.isBuffer(input) ? sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }) : input;
  await image
    .rotate()
    .resize(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .webp()
    .toFile(thumbnailPath);
}

function openImage(path: string, animated: boolean): Sharp {
  // sharp's default `failOn: 'warning'`: a truncated or damaged image is refused rather than stored half grey.
  return sharp(path, { limitInputPixels: MAX_INPUT_PIXELS, animated });
}

function reencode(image: Sharp, type: AllowedType): Sharp {
  if (type.mime === 'image/jpeg') return image.jpeg({ quality: 90 });
  if (type.mime === 'image/png') return image.png();
  return image.webp({ quality: 90 });
}

async function withImageErrors<T>(
  details: { name: string; detected: string },
  outputs: ImageOutputs,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await Promise.all([rm(outputs.sanitizedPath, { force: true }), rm(outputs.thumbnailPath, { force: true })]);
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes('pixel limit')) {
      throw unsupportedMedia(`Image is larger than ${MAX_INPUT_PIXELS / 1_000_000} megapixels`, details);
    }
    throw unsupportedMedia('Image could not be decoded', details);
  }
}
