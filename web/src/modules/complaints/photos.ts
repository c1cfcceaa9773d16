// Photos are shrunk on the phone before upload: a 12 MP photo becomes a JPEG
// of a few hundred KB, which matters on slow and metered connections.
export const MAX_PHOTOS = 3;
export const MAX_SIDE = 1600;

async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; done: () => void }> {
  if (typeof createImageBitmap === 'function') {
    // Applies the EXIF orientation, so portrait photos stay upright.
    const bitmap = await createImageBitmap(file);
    return { source: bitmap, width: bitmap.width, height: bitmap.height, done: () => bitmap.close() };
  }
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  return { source: img, width: img.naturalWidth, height: img.naturalHeight, done: () => undefined };
}

/** A JPEG whose longest side is at most MAX_SIDE pixels. */
export async function downscaleToJpeg(file: Blob, maxSide = MAX_SIDE, quality = 0.85): Promise<Blob> {
  const image = await decode(file);
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.width * scale));
  canvas.height = Math.max(1, Math.round(image.height * scale));
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no canvas');
  // JPEG has no transparency: transparent PNG areas become white, not black.
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(image.source, 0, 0, canvas.width, canvas.height);
  image.done();
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', quality));
}
