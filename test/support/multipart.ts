// A multipart/form-data body as a browser or an integration sends it: JSON
// parts and file parts, for tests that upload.

export type Part = { name: string; json: unknown } | { name: string; fileName: string; data: Buffer; type?: string };

export function multipart(parts: Part[], boundary = '----pamongtest'): { body: Buffer; headers: Record<string, string> } {
  return {
    body: Buffer.concat([
      ...parts.flatMap((p) => 'json' in p
        ? [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(p.json)}\r\n`)]
        : [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.fileName}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`), p.data, Buffer.from('\r\n')]),
      Buffer.from(`--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** An application's filing: the answers (and whatever else the route takes) as JSON in `permohonan`, each file in `berkas.<field>`. */
export const applicationFiling = (answers: unknown, files: { field: string; name: string; data: Buffer }[], extra: Record<string, unknown> = {}) =>
  multipart([{ name: 'permohonan', json: { answers, ...extra } }, ...files.map((f) => ({ name: `berkas.${f.field}`, fileName: f.name, data: f.data }))]);
