// The reports a day brings, as the intake bench sends them to both servers:
// every report has a place (kecamatan and desa of the region), a third are
// about a damaged road and answer its question, 30 % leave a name and an email
// (so a receipt goes to the outbox), and 2 % carry a photo the web form has
// already shrunk (multipart). The same bodies go to Pamong and the baseline.
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Database } from '../src/platform/db/client.js';

export interface IntakeRequest { contentType: string; body: Buffer }

/** Reports in the mix before it repeats; the shares above are exact over one cycle. */
const CYCLE = 100;
const EMAIL_EVERY = [0, 3, 6]; // of each 10: 30 %
const PHOTO_AT = [17, 67]; // of each 100: 2 %

const descriptions = [
  'Sampah menumpuk di tepi jalan dekat pasar, sudah tiga hari belum diangkut',
  'Jalan berlubang besar di depan sekolah dasar, membahayakan pengendara motor',
  'Tumpukan sampah di saluran air membuat air meluap ke jalan saat hujan',
];

/** A photo as the web form sends it: shrunk to 1600 px on the long side, JPEG. */
async function shrunkPhoto(): Promise<Buffer> {
  const width = 1600;
  const height = 1200;
  // Gradients with some grain compress about as a phone photo does (~300 KB), unlike a flat colour or pure noise.
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const grain = ((i * 2654435761) >>> 27) & 31;
      pixels[i] = (x * 200) / width + grain;
      pixels[i + 1] = (y * 200) / height + grain;
      pixels[i + 2] = ((x + y) * 100) / (width + height) + grain;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

/** As the web form's FormData sends it: the report as a plain text field, then the photo. */
function multipart(complaint: unknown, photo: Buffer): IntakeRequest {
  const boundary = '----pamong-bench-7MA4YWxkTrZu0gW';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="complaint"\r\n\r\n${JSON.stringify(complaint)}\r\n`
    + `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="foto.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  );
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat([head, photo, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
}

/** One cycle of the mix for the region, from its categories and its own kecamatan and desa. */
export async function intakeMix(database: Database, regionCode: string): Promise<IntakeRequest[]> {
  const cats = await database.rows<{ id: string; code: string }>(sql`select id, code from categories where region_code = ${regionCode} and code in ('sampah', 'jalan-rusak')`);
  const categoryOf = (code: string) => cats.find((c) => c.code === code)!.id;
  const villages = await database.rows<{ code: string; parent_code: string }>(sql`
    select code, parent_code from areas where level = 'village' and parent_code like ${`${regionCode}.%`} order by code limit 40`);
  if (villages.length === 0) throw new Error(`no villages of ${regionCode} in the reference data`);
  const photo = await shrunkPhoto();
  return Array.from({ length: CYCLE }, (_, i) => {
    const village = villages[i % villages.length];
    const road = i % 3 === 1;
    const named = EMAIL_EVERY.includes(i % 10);
    const complaint = {
      categoryId: categoryOf(road ? 'jalan-rusak' : 'sampah'),
      description: `${descriptions[i % descriptions.length]} (laporan ${i + 1})`,
      answers: road ? { tingkat_kerusakan: ['ringan', 'sedang', 'berat'][i % 3] } : {},
      districtCode: village.parent_code, villageCode: village.code,
      ...(named ? { anonymous: false, reporter: { name: `Warga ${i + 1}`, email: `warga${i + 1}@contoh.id` } } : {}),
    };
    return PHOTO_AT.includes(i) ? multipart(complaint, photo) : { contentType: 'application/json', body: Buffer.from(JSON.stringify(complaint)) };
  });
}
