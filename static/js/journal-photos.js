// @ts-check
/**
 * Photos for the journal: whether a JPEG carries where it was taken (the GPS part of its Exif
 * metadata), the same bytes without that metadata, and a small preview for the list. The
 * photo itself is kept as chosen; only the Exif segment goes when she removes the location.
 */

const PREVIEW_SIZE = 240;
const GPS_TAG = 0x8825;

/** @param {Uint8Array} bytes @returns {{start: number, end: number}[]} where the Exif segments (APP1 "Exif") are */
function exifSegments(bytes) {
  /** @type {{start: number, end: number}[]} */
  const found = [];
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return found;
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = /** @type {number} */ (bytes[at + 1]);
    if (marker === 0xda || marker === 0xd9) break; // image data starts: no metadata after it
    const length = ((bytes[at + 2] || 0) << 8) | (bytes[at + 3] || 0);
    const end = at + 2 + length;
    const exif = marker === 0xe1 && String.fromCharCode(...bytes.subarray(at + 4, at + 10)) === "Exif\0\0";
    if (exif) found.push({ start: at, end });
    at = end;
  }
  return found;
}

/** @param {Uint8Array} bytes @param {number} start the TIFF header's offset @returns {boolean} */
function tiffHasGps(bytes, start) {
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, bytes.length - start);
  if (view.byteLength < 8) return false;
  const little = view.getUint16(0) === 0x4949;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > view.byteLength) return false;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > view.byteLength) return false;
    if (view.getUint16(entry, little) !== GPS_TAG) continue;
    const gps = view.getUint32(entry + 8, little);
    return gps + 2 <= view.byteLength && view.getUint16(gps, little) > 0;
  }
  return false;
}

/** @param {ArrayBuffer} buffer @returns {boolean} whether the photo says where it was taken */
export function located(buffer) {
  const bytes = new Uint8Array(buffer);
  return exifSegments(bytes).some((segment) => tiffHasGps(bytes, segment.start + 10));
}

/** @param {ArrayBuffer} buffer @returns {ArrayBuffer} the same photo without its Exif metadata */
export function withoutLocation(buffer) {
  const bytes = new Uint8Array(buffer);
  const segments = exifSegments(bytes);
  if (!segments.length) return buffer;
  const kept = [];
  let at = 0;
  for (const segment of segments) {
    kept.push(bytes.subarray(at, segment.start));
    at = segment.end;
  }
  kept.push(bytes.subarray(at));
  const out = new Uint8Array(kept.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of kept) {
    out.set(part, offset);
    offset += part.length;
  }
  return out.buffer;
}

/**
 * A small JPEG of the photo for the list; empty when the browser cannot draw the format.
 * @param {Blob} photo @returns {Promise<ArrayBuffer>}
 */
export async function preview(photo) {
  try {
    const image = await createImageBitmap(photo);
    const scale = Math.min(1, PREVIEW_SIZE / Math.max(image.width, image.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(image.width * scale)), Math.max(1, Math.round(image.height * scale)));
    canvas.getContext("2d")?.drawImage(image, 0, 0, canvas.width, canvas.height);
    image.close();
    return await (await canvas.convertToBlob({ type: "image/jpeg", quality: 0.7 })).arrayBuffer();
  } catch {
    return new ArrayBuffer(0);
  }
}
